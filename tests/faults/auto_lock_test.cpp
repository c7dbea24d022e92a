// `lock = auto` straight to a server (issue 14): the run holds the session
// lock and, beside it, the lock table's row, which a run through a pooler
// (which sees only the table) must find taken. The row of a run holding the
// session lock is marked ("s-" token), so a run that holds the session lock
// after it takes such a row over at once: kill -9 of a direct deploy does
// not make the next one wait out the lease. Any other row is waited for.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "slow_project.hpp"

namespace faults {
namespace {

using ::testing::HasSubstr;

std::string lock_rows(SlowProject& p) {
  return p.db().query("SELECT owner_host, owner_pid, owner_token FROM retort_lock");
}

// A row another deployment holds, its lease good for an hour.
void insert_lock_row(SlowProject& p, const std::string& token) {
  const auto in_an_hour = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch() + std::chrono::hours(1))
                              .count();
  p.db().query("INSERT INTO retort_lock (name, owner_host, owner_pid, owner_token, started_at, expires_at_ms) "
               "VALUES ('retort_version', 'deploy-7', 4242, '" + token + "', '2030-01-01T00:00:00.000Z', " +
               std::to_string(in_an_hour) + ")");
}

class AutoLock : public ::testing::TestWithParam<std::string> {
 protected:
  const std::string engine = GetParam();
};

TEST_P(AutoLock, DirectRunTakesTheLockRowBesideTheSessionLockAndDeletesIt) {
  SlowProject p(engine, 2);
  p.replace(slow_revision(engine, 1, 2));
  Process run = p.start({"upgrade", "head"});
  ASSERT_TRUE(run.wait_for_stderr("running upgrade " + revision_id(1), 30000));
  const std::string pid = std::to_string(run.pid());
  const std::string row = lock_rows(p);
  Result r = finish_within(run, std::chrono::seconds(60));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("lock: using the lock table")));
  EXPECT_THAT(row, HasSubstr("\t" + pid + "\ts-")) << "no marked row while the run held the lock";
  EXPECT_EQ(lock_rows(p), "") << "the lock row outlived the run";
  EXPECT_EQ(p.version_number(), 2);
}

// What a deploy through a pooler (or with lock = table) holds: the direct
// run must not go ahead beside it, and gives up after lock_timeout.
TEST_P(AutoLock, DirectRunWaitsForARowItsOwnerTookWithoutTheSessionLock) {
  SlowProject p(engine, 2, "lock_timeout = 1");
  ASSERT_EQ(p.retort({"upgrade", revision_id(1)}).code, 0);  // creates the lock table, then lets go
  EXPECT_EQ(lock_rows(p), "");
  insert_lock_row(p, "0123456789abcdef0123456789abcdef");
  Result r = p.retort({"upgrade", "head"});
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_THAT(last_line(r.err), HasSubstr("table retort_lock says it is held by host deploy-7 pid 4242 (started "
                                          "2030-01-01T00:00:00.000Z)"));
  EXPECT_EQ(p.version_number(), 1);
  // The session lock went with the row's wait: the next run is not kept out.
  p.db().query("DELETE FROM retort_lock");
  Result next = p.retort({"upgrade", "head"});
  EXPECT_EQ(next.code, 0) << next.err;
  EXPECT_EQ(p.version_number(), 2);
}

// A marked row whose owner's session lock this run now holds: the owner is
// gone, whatever its lease says.
TEST_P(AutoLock, DirectRunTakesOverAMarkedRowAtOnceWithAWarningNamingItsOwner) {
  SlowProject p(engine, 2, "lock_timeout = 5\nlock_lease = 30");
  ASSERT_EQ(p.retort({"upgrade", revision_id(1)}).code, 0);
  insert_lock_row(p, "s-0123456789abcdef0123456789abcdef");
  Result r = p.retort({"upgrade", "head"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("took over the migration lock in table retort_lock from host deploy-7 pid 4242 "
                               "(started 2030-01-01T00:00:00.000Z), which held the session lock"));
  EXPECT_EQ(lock_rows(p), "");
  EXPECT_EQ(p.version_number(), 2);
}

// A run that does not hold the session lock cannot tell a marked owner is
// gone: it waits for the lease like for any row.
TEST_P(AutoLock, LockTableRunWaitsForAMarkedRowsLease) {
  SlowProject p(engine, 2, "lock = table\nlock_timeout = 1");
  ASSERT_EQ(p.retort({"upgrade", revision_id(1)}).code, 0);
  insert_lock_row(p, "s-0123456789abcdef0123456789abcdef");
  Result r = p.retort({"upgrade", "head"});
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_THAT(last_line(r.err), HasSubstr("held by host deploy-7 pid 4242"));
  EXPECT_EQ(p.version_number(), 1);
}

// `lock = advisory` is the session lock alone, as before issue 14.
TEST_P(AutoLock, LockAdvisoryTakesNoRow) {
  SlowProject p(engine, 2, "lock = advisory");
  Result r = p.retort({"upgrade", "head"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(p.db().tables(), ::testing::Not(HasSubstr("retort_lock")));
}

INSTANTIATE_TEST_SUITE_P(Engines, AutoLock, ::testing::Values("postgresql", "mariadb"),
                         [](const auto& info) { return info.param; });

// The real thing: a direct run killed with -9 inside a revision. PostgreSQL
// ends its session (and session lock) within seconds (retort asks it to
// check for a dead client during queries); the row it leaves is taken over
// by the next direct run well before its 30 s lease ends. MariaDB would keep
// the killed run's SLEEP, and its GET_LOCK, until the statement ends.
TEST(AutoLockPostgresql, KilledDirectRunDoesNotKeepTheNextWaitingForItsLease) {
  SlowProject p("postgresql", 3, "lock_lease = 30\nlock_timeout = 60");
  p.replace(slow_revision("postgresql", 2, 60));
  Process run = p.start({"upgrade", "head"});
  ASSERT_TRUE(run.wait_for_stderr("running upgrade " + revision_id(2), 30000));
  const std::string pid = std::to_string(run.pid());
  run.send(SIGKILL);
  run.finish();
  p.wait_until_alone();
  EXPECT_THAT(lock_rows(p), HasSubstr("\t" + pid + "\ts-")) << "the killed run left no marked row";

  p.replace(slow_revision("postgresql", 2));
  const auto start = std::chrono::steady_clock::now();
  Result next = p.retort({"upgrade", "head"});
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(next.code, 0) << next.err;
  EXPECT_LT(took, std::chrono::seconds(10)) << next.err;
  EXPECT_THAT(next.err, HasSubstr("took over the migration lock in table retort_lock from host "));
  EXPECT_THAT(next.err, HasSubstr(" pid " + pid + " (started "));
  EXPECT_EQ(lock_rows(p), "");
  EXPECT_EQ(p.version_number(), 3);
  EXPECT_EQ(p.tables(), p.tables_through(3));
}

}  // namespace
}  // namespace faults
