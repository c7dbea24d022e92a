// The default migration lock (PostgreSQL advisory lock, MariaDB GET_LOCK,
// SQLite's write lock) through the real binary: a second run waits at most
// lock_timeout, then exits 5 saying so, and touches nothing (SPEC §5, §6).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "slow_project.hpp"

namespace faults {
namespace {

using ::testing::HasSubstr;

class LockWait : public ::testing::TestWithParam<std::string> {};

TEST_P(LockWait, SecondRunGivesUpAfterLockTimeoutWithExitFive) {
  const std::string engine = GetParam();
  SlowProject p(engine, 2);
  p.replace(slow_revision(engine, 1, 3));
  p.write_config("impatient.ini", "lock_timeout = 1");
  Process holder = p.start({"upgrade", "head"});
  ASSERT_TRUE(holder.wait_for_stderr("running upgrade " + revision_id(1), 30000));

  Result waiter = p.retort({"-c", "impatient.ini", "upgrade", "head"});
  EXPECT_EQ(waiter.code, 5) << waiter.err;
  EXPECT_THAT(waiter.err, HasSubstr("lock"));
  EXPECT_THAT(waiter.err, HasSubstr("1 s"));

  // The holder was not disturbed and finishes; each revision ran once.
  Result held = holder.finish();
  EXPECT_EQ(held.code, 0) << held.err;
  EXPECT_EQ(p.version_number(), 2);
  EXPECT_EQ(p.tables(), p.tables_through(2));
  EXPECT_EQ(p.applied_counts("upgrade"), (std::map<std::string, int>{{revision_id(1), 1}, {revision_id(2), 1}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, LockWait, ::testing::Values("sqlite", "postgresql", "mariadb"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace faults
