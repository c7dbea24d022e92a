// A connection lost mid-run (issue 5): an administrator ends retort's
// server session while revision 2 sleeps. retort exits 1 with one line
// naming the revision and the lost connection; the next run continues.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "slow_project.hpp"

namespace faults {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

int error_lines(const std::string& err) {
  int n = 0;
  std::size_t at = 0;
  while ((at = err.find("ERROR", at)) != std::string::npos) ++n, ++at;
  return n;
}

// Ends the session of the run from another one, as a DBA would; returns
// once a session was ended.
void end_the_run_session(SlowProject& p) {
  const std::string sql =
      p.engine() == "postgresql"
          ? "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = 'retort' AND state = 'active' AND pid <> pg_backend_pid()"
          : "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'SELECT SLEEP%'";
  for (int attempt = 0; attempt < 200; ++attempt) {
    std::string out = p.db().query(sql);
    out.erase(std::remove(out.begin(), out.end(), '\n'), out.end());
    if (p.engine() == "postgresql" && out != "0") return;
    if (p.engine() == "mariadb" && !out.empty()) {
      p.db().query("KILL " + out);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL() << "the run's session never showed up as sleeping";
}

class LostConnection : public ::testing::TestWithParam<std::string> {};

TEST_P(LostConnection, ExitsOneNamingTheRevisionAndTheNextRunContinues) {
  const std::string engine = GetParam();
  SlowProject p(engine, 3);
  p.replace(slow_revision(engine, 2, 60));
  Process run = p.start({"upgrade", "head"});
  ASSERT_TRUE(run.wait_for_stderr("running upgrade " + revision_id(2), 30000));
  end_the_run_session(p);
  Result r = finish_within(run, std::chrono::seconds(60));
  ASSERT_EQ(r.signal, 0) << r.err;
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(error_lines(r.err), 1) << r.err;
  const std::string line = last_line(r.err);
  EXPECT_THAT(line, HasSubstr("revision " + revision_id(2) + " upgrade failed"));
  EXPECT_THAT(line, AnyOf(HasSubstr("terminating connection"), HasSubstr("connection to the PostgreSQL server lost"),
                          HasSubstr("Lost connection"), HasSubstr("server has gone away")));
  p.wait_until_alone();
  EXPECT_EQ(p.version_number(), 1);

  p.replace(slow_revision(engine, 2));  // the same statements, a short pause
  if (engine == "postgresql") {
    // The server rolled the revision back with the session.
    EXPECT_EQ(p.tables(), p.tables_through(1));
    EXPECT_THAT(p.unresolved_pending(), IsEmpty());
    Result again = p.retort({"upgrade", "head"});
    EXPECT_EQ(again.code, 0) << again.err;
  } else {
    // MariaDB had committed the first CREATE TABLE: the row says so, and the
    // run refuses until told to resume after it.
    EXPECT_EQ(p.unresolved_pending(),
              (std::vector<std::pair<std::string, std::string>>{{revision_id(2), "upgrade"}}));
    EXPECT_THAT(p.tables(), ::testing::Contains("t2_a"));
    EXPECT_EQ(p.retort({"upgrade", "head"}).code, 1);
    Result resumed = p.retort({"upgrade", "head", "--retry-pending"});
    EXPECT_EQ(resumed.code, 0) << resumed.err;
  }
  EXPECT_EQ(p.version_number(), 3);
  EXPECT_EQ(p.tables(), p.tables_through(3));
  EXPECT_THAT(p.unresolved_pending(), IsEmpty());
  // Each revision ran to the end once. (On MariaDB the resumed run also
  // ends the interrupted attempt's row as `applied`: together they did it.)
  std::map<std::string, int> applied = p.applied_counts("upgrade");
  EXPECT_EQ(applied[revision_id(1)], 1);
  EXPECT_EQ(applied[revision_id(2)], engine == "mariadb" ? 2 : 1);
  EXPECT_EQ(applied[revision_id(3)], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, LostConnection, ::testing::Values("postgresql", "mariadb"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace faults
