// SIGINT and SIGTERM during a run (issue 5): the revision running is rolled
// back (or left `pending` where it cannot be), the lock is released, and
// retort exits 130 / 143 with one line saying where it stopped and where the
// database is. The signal arrives during a statement that would run for a
// minute, so the run must cancel it rather than wait (a run that does not
// stop within 60 s is killed and the test fails).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <thread>
#include <tuple>

#include "slow_project.hpp"

namespace faults {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// engine, signal, direction (true: upgrade head from base; false:
// downgrade base from head).
using Case = std::tuple<std::string, int, bool>;

class Interrupt : public ::testing::TestWithParam<Case> {
 protected:
  const std::string engine = std::get<0>(GetParam());
  const int signal = std::get<1>(GetParam());
  const bool upgrade = std::get<2>(GetParam());
  SlowProject p{engine, 3};

  int expected_code() const { return signal == SIGINT ? 130 : 143; }
  const char* signal_name() const { return signal == SIGINT ? "SIGINT" : "SIGTERM"; }
  std::vector<std::string> command() const {
    return upgrade ? std::vector<std::string>{"upgrade", "head"} : std::vector<std::string>{"downgrade", "base"};
  }
};

TEST_P(Interrupt, RollsBackTheRunningRevisionReleasesTheLockAndSaysWhereItStopped) {
  if (!upgrade) {
    ASSERT_EQ(p.retort({"upgrade", "head"}).code, 0);
  }
  // Revision 2 now pauses for a minute in the middle of its work.
  p.replace(slow_revision(engine, 2, 60));
  const std::string middle = revision_id(2);

  Process run = p.start(command());
  const std::string running = std::string(upgrade ? "running upgrade " : "running downgrade ") + middle;
  ASSERT_TRUE(run.wait_for_stderr(running, 30000)) << "never reached " << middle;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // inside the long statement, most likely
  run.send(signal);
  Result r = finish_within(run, std::chrono::seconds(60));

  ASSERT_EQ(r.signal, 0) << "did not stop within 60 s of " << signal_name() << ":\n" << r.err;
  EXPECT_EQ(r.code, expected_code()) << r.err;
  const std::string line = last_line(r.err);
  EXPECT_THAT(line, HasSubstr(signal_name()));
  EXPECT_THAT(line, HasSubstr(std::string(upgrade ? "upgrade" : "downgrade") + " of revision " + middle));
  // The line ends with where the database is, and that is the truth.
  const std::string at = p.version().empty() ? "base" : p.version();
  EXPECT_THAT(line, HasSubstr("the database is at " + at));
  // Revision 2 did not half happen. (PostgreSQL keeps revision 1's commit;
  // SQLite, whose cancelled write ends its one run-wide transaction, may
  // have undone the whole run: either way the schema says what the version says.)
  EXPECT_EQ(p.tables(), p.tables_through(p.version_number()));
  EXPECT_THAT(p.unresolved_pending(), IsEmpty());
  if (engine == "postgresql") {
    EXPECT_EQ(p.version_number(), upgrade ? 1 : 2);
  }

  // The lock is free: a run that may not wait gets it at once and finishes.
  p.replace(slow_revision(engine, 2));
  p.write_config("impatient.ini", "lock_timeout = 0.5");
  std::vector<std::string> again = command();
  again.insert(again.begin(), {"-c", "impatient.ini"});
  Result rerun = p.retort(again);
  EXPECT_EQ(rerun.code, 0) << rerun.err;
  EXPECT_EQ(p.version_number(), upgrade ? 3 : 0);
  EXPECT_EQ(p.tables(), p.tables_through(p.version_number()));
}

INSTANTIATE_TEST_SUITE_P(Engines, Interrupt,
                         ::testing::Combine(::testing::Values("sqlite", "postgresql"),
                                            ::testing::Values(SIGINT, SIGTERM), ::testing::Bool()),
                         [](const auto& info) {
                           return std::get<0>(info.param) + (std::get<1>(info.param) == SIGINT ? "_SIGINT" : "_SIGTERM") +
                                  (std::get<2>(info.param) ? "_upgrade" : "_downgrade");
                         });

// A revision outside a transaction cannot be rolled back: the signal leaves
// its row `pending` with the statements that ran, the line says so, and
// --retry-pending finishes it.
TEST(InterruptPostgresql, NonTransactionalRevisionIsLeftPendingAndResumable) {
  SlowProject p("postgresql", 3);
  it::SqlRevision slow = slow_revision("postgresql", 2, 60);
  slow.extra_headers = "-- retort:transactional false\n";
  p.replace(slow);
  Process run = p.start({"upgrade", "head"});
  ASSERT_TRUE(run.wait_for_stderr("running upgrade " + revision_id(2), 30000));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  run.send(SIGINT);
  Result r = finish_within(run, std::chrono::seconds(60));
  ASSERT_EQ(r.signal, 0) << r.err;
  EXPECT_EQ(r.code, 130) << r.err;
  const std::string line = last_line(r.err);
  EXPECT_THAT(line, HasSubstr("SIGINT during upgrade of revision " + revision_id(2)));
  EXPECT_THAT(line, HasSubstr("stays 'pending' (the first 1 statement(s) ran)"));
  EXPECT_THAT(line, HasSubstr("the database is at " + revision_id(1)));
  EXPECT_EQ(p.unresolved_pending(),
            (std::vector<std::pair<std::string, std::string>>{{revision_id(2), "upgrade"}}));
  EXPECT_EQ(p.db().query("SELECT statements_done FROM retort_history WHERE state = 'pending'"), "1\n");
  EXPECT_THAT(p.tables(), ::testing::Contains("t2_a"));

  Result check = p.retort({"check"});
  EXPECT_EQ(check.code, 6);
  EXPECT_THAT(check.out, HasSubstr("pending: " + revision_id(2)));
  slow.upgrade = slow_revision("postgresql", 2).upgrade;  // same statements, shorter pauses
  p.replace(slow);
  Result resumed = p.retort({"upgrade", "head", "--retry-pending"});
  EXPECT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_EQ(p.version_number(), 3);
  EXPECT_EQ(p.tables(), p.tables_through(3));
  EXPECT_THAT(p.unresolved_pending(), IsEmpty());
}

// The signal's cancel can cut short retort's own reads under the lock,
// before the first revision (the version and the history). The statement
// it cancelled fails; that failure is the signal's doing and is reported as
// the signal, never as a database error (exit 1). A long history makes the
// read last long enough to be hit every time.
TEST(InterruptSqlite, SignalWhileTheHistoryIsReadEndsAsTheInterruptionNotADatabaseError) {
  SlowProject p("sqlite", 2);
  ASSERT_EQ(p.retort({"upgrade", revision_id(1)}).code, 0);
  p.db().query(
      "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300000) "
      "INSERT INTO retort_history (revision, direction, checksum, state, started_at, duration_ms, host, "
      "tool_version) SELECT '" + revision_id(1) + "', 'stamp', 'x', 'applied', '2020-01-01T00:00:00Z', 0, 'h', '0' "
      "FROM c");
  Process run = p.start({"--log-level", "debug", "upgrade", "head"});
  ASSERT_TRUE(run.wait_for_stderr("waiting for the migration lock", 30000));
  // The lock is taken at once; reading 300000 rows takes far longer.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  run.send(SIGINT);
  Result r = finish_within(run, std::chrono::seconds(60));
  ASSERT_EQ(r.signal, 0) << r.err;
  EXPECT_EQ(r.code, 130) << r.err;
  const std::string line = last_line(r.err);
  EXPECT_THAT(line, HasSubstr("interrupted by SIGINT before any revision ran"));
  EXPECT_THAT(line, HasSubstr("the database is at " + revision_id(1)));
  EXPECT_EQ(p.version_number(), 1);
  EXPECT_EQ(p.tables(), p.tables_through(1));
  EXPECT_EQ(p.retort({"upgrade", "head"}).code, 0);
}

// A signal at any moment of a short run: before the lock it ends the
// process at once; after, the run stops with 130 / 143 and the line that
// says where the database is (or finishes, if it was past its last
// checkpoint). Never exit 1, and the schema always matches the version.
TEST(InterruptSqlite, SignalAtAnyEarlyMomentNeverEndsAsADatabaseError) {
  SlowProject p("sqlite", 3);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
  constexpr int trials = 40;
  int interrupted = 0;
  for (int trial = 0; trial < trials && !::testing::Test::HasFailure(); ++trial) {
    if (std::chrono::steady_clock::now() > deadline) break;  // a slow machine proves less, not wrong
    const bool upgrade = p.version_number() == 0;
    const int signal = trial % 2 == 0 ? SIGINT : SIGTERM;
    const int delay_us = trial * 30000 / trials;  // 0 to 30 ms
    SCOPED_TRACE("trial " + std::to_string(trial) + ": " + (upgrade ? "upgrade" : "downgrade") + ", " +
                 (signal == SIGINT ? "SIGINT" : "SIGTERM") + " after " + std::to_string(delay_us) + " us");
    Process run = p.start(upgrade ? std::vector<std::string>{"upgrade", "head"}
                                  : std::vector<std::string>{"downgrade", "base"});
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
    run.send(signal);
    Result r = finish_within(run, std::chrono::seconds(60));
    if (r.signal != 0) {
      EXPECT_EQ(r.signal, signal) << "before the lock only the signal itself may end the run:\n" << r.err;
    } else if (r.code != 0) {
      EXPECT_EQ(r.code, signal == SIGINT ? 130 : 143) << r.err;
      const std::string at = p.version().empty() ? "base" : p.version();
      EXPECT_THAT(last_line(r.err), HasSubstr("the database is at " + at));
      ++interrupted;
    }
    const State s = p.state();
    EXPECT_EQ(s.tables, p.tables_through(s.version)) << "at version " << s.version;
    EXPECT_THAT(s.pending, IsEmpty());
  }
  RecordProperty("runs_that_ended_130_or_143", interrupted);
}

}  // namespace
}  // namespace faults
