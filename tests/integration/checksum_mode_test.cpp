// Issue 17: the checksum is always the online run's (docs/checksums.md), so
// a revision that emits other operations offline is not "changed" by `check`
// after an online upgrade, nor after an applied --sql script.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

class ChecksumMode : public ::testing::Test {
 protected:
  ChecksumMode() { project.configure((fs::path(RETORT_IT_FIXTURES) / "context_reader.so").string()); }
  Project project{"sqlite"};
};

TEST_F(ChecksumMode, CheckAcceptsAnOnlineUpgradeOfARevisionThatReadsTheMode) {
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result check = project.retort({"check"});
  EXPECT_EXIT_CODE(check, 0);
}

TEST_F(ChecksumMode, CheckAcceptsAnAppliedScriptOfARevisionThatReadsTheMode) {
  Result script = project.retort({"upgrade", "head", "--sql", "--output", "script.sql"});
  ASSERT_EQ(script.code, 0) << script.err;
  ASSERT_THAT(read_file(project.dir() / "script.sql"), ::testing::HasSubstr("'offline'"));
  Result applied = project.db().apply_script(project.dir() / "script.sql");
  ASSERT_EQ(applied.code, 0) << applied.err;
  Result check = project.retort({"check"});
  EXPECT_EXIT_CODE(check, 0);
}

TEST_F(ChecksumMode, ShowAndTheOnlineRunAgreeOnTheChecksum) {
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result show = project.retort({"show", "c0c0c0c0c0c0"});
  ASSERT_EQ(show.code, 0) << show.err;
  const std::string recorded = project.db().query("SELECT checksum FROM retort_history");
  ASSERT_FALSE(recorded.empty());
  EXPECT_THAT(show.out, ::testing::HasSubstr(recorded.substr(0, recorded.size() - 1)));
}

}  // namespace
}  // namespace it
