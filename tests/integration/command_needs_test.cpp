// The command table's needs are true of the binary: a command marked
// NEEDS_DATABASE connects (an unreachable database fails it with exit 1 and
// "cannot connect"), and a command without it never tries, so `heads` or
// `upgrade --sql` work on a machine that cannot reach the database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "host/cli/command_table.hpp"
#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The least command line each row accepts: its positional minimum as
// `head`, and a message for the authoring commands that require one.
std::vector<std::string> least_line(const host::Command& command) {
  std::vector<std::string> argv{std::string(command.name)};
  for (std::size_t i = 0; i < command.min_args; ++i) argv.push_back("head");
  if (command.name == "revision" || command.name == "merge") argv.insert(argv.end(), {"-m", "needs"});
  return argv;
}

TEST(CommandNeeds, OnlyCommandsThatNeedTheDatabaseConnectToIt) {
  Project project("sqlite");
  project.use_shop();
  const std::string unreachable = "sqlite:///" + (project.dir() / "no" / "such" / "folder" / "x.db").string();
  int rows = 0;
  for (const auto& command : host::command_table()) {
    if (!(command.needs & host::READS_CONFIG) || command.name == "plugins") continue;
    ++rows;
    std::vector<std::string> argv = least_line(command);
    argv.insert(argv.begin(), {"--url", unreachable});
    SCOPED_TRACE(std::string(command.name));
    Result r = project.retort(argv);
    if (command.needs & host::NEEDS_DATABASE) {
      EXPECT_EQ(r.code, 1) << r.err;
      EXPECT_THAT(r.err, HasSubstr("cannot connect"));
    } else {
      EXPECT_THAT(r.err, Not(HasSubstr("cannot connect")));
    }
    const bool has_sql = std::find(command.options.begin(), command.options.end(), "sql") != command.options.end();
    if ((command.needs & host::TAKES_LOCK) && has_sql) {
      // Offline, a command that locks online needs no database at all
      // (adopt, which reads another tool's table, has no offline form).
      // Offline, downgrade names its starting point: it cannot read it.
      if (command.name == "downgrade") argv.back() = "head:base";
      argv.push_back("--sql");
      Result offline = project.retort(argv);
      EXPECT_EQ(offline.code, 0) << offline.err;
    }
  }
  EXPECT_GE(rows, 10);
}

}  // namespace
}  // namespace it
