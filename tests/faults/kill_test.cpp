// kill -9 at any moment of `upgrade head` and `downgrade base` (issue 5).
//
// Each trial starts retort on a chain of slow revisions, kills it with
// SIGKILL after a random delay (anywhere from before it connects to after
// it finishes), then checks what a user would: the schema matches the
// version table, and running the same command again finishes at its target.
// Trials alternate directions, so each re-run prepares the next trial.
// The seed is printed with any failure; RETORT_FAULT_SEED replays it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <random>
#include <thread>

#include "slow_project.hpp"

namespace faults {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr int revisions = 4;

struct Command {
  bool upgrade;
  std::vector<std::string> args() const {
    return upgrade ? std::vector<std::string>{"upgrade", "head"} : std::vector<std::string>{"downgrade", "base"};
  }
  int target() const { return upgrade ? revisions : 0; }
  const char* name() const { return upgrade ? "upgrade head" : "downgrade base"; }
};

// How long an uninterrupted run of each direction takes here: until its
// first revision starts (connecting, the lock, reading the version), and in
// all. Kill delays are chosen from these. Leaves the database at base.
struct Timing {
  int first_revision_ms, total_ms;
};
struct Durations {
  Timing upgrade, downgrade;
  const Timing& of(const Command& command) const { return command.upgrade ? upgrade : downgrade; }
};
Durations measure(SlowProject& p) {
  auto timed = [&](const Command& command) {
    const auto start = std::chrono::steady_clock::now();
    auto since_start = [&] {
      return static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
    };
    Process run = p.start(command.args());
    EXPECT_TRUE(run.wait_for_stderr("running ", 30000)) << command.name() << " ran no revision";
    const int first = since_start();
    Result r = run.finish();
    EXPECT_EQ(r.code, 0) << r.err;
    return Timing{first, since_start()};
  };
  Timing up = timed(Command{true});
  Timing down = timed(Command{false});
  return {up, down};
}

// Whether a killed run was cut inside its revisions: it had started the
// first (logged "running ...") and not finished the last ("ran N
// revision(s)"). A kill there is what the bookkeeping must survive; kills
// before or after prove less.
bool killed_inside_the_revisions(const Result& r) {
  return r.signal == SIGKILL && r.err.find("running ") != std::string::npos &&
         r.err.find("ran " + std::to_string(revisions) + " revision(s)") == std::string::npos;
}

// Starts `command`, kills it after `delay_ms`; a run that finished first
// must have succeeded. Returns what the killed run said.
Result kill_after(SlowProject& p, const Command& command, int delay_ms) {
  Process run = p.start(command.args());
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  run.send(SIGKILL);
  Result r = run.finish();
  if (r.signal == 0) {
    EXPECT_EQ(r.code, 0) << "finished before the kill, but failed:\n" << r.err;
  }
  p.wait_until_alone();
  return r;
}

// Every revision's tables exist iff the version table says it is applied.
void expect_schema_matches_version(const SlowProject& p, const State& s) {
  EXPECT_EQ(s.tables, p.tables_through(s.version)) << "at version " << s.version;
  EXPECT_THAT(s.pending, IsEmpty());
}

class KillNine : public ::testing::TestWithParam<std::string> {};

// SQLite (the run is one transaction) and PostgreSQL (one per revision):
// no half revision, ever, and no bookkeeping left to resolve.
TEST_P(KillNine, SchemaMatchesTheVersionAfterAKillAtAnyMomentAndARerunFinishes) {
  const unsigned seed = fault_seed();
  SCOPED_TRACE("RETORT_FAULT_SEED=" + std::to_string(seed));
  std::mt19937 random(seed);
  SlowProject p(GetParam(), revisions);
  const Durations full = measure(p);
  int inside = 0;
  for (int trial = 0; trial < 32 && !::testing::Test::HasFailure(); ++trial) {
    const Command command{trial % 2 == 0};
    const int span = full.of(command).total_ms * 11 / 10;
    const int delay = std::uniform_int_distribution<int>(0, span)(random);
    SCOPED_TRACE("trial " + std::to_string(trial) + ": " + command.name() + " killed after " +
                 std::to_string(delay) + " ms");
    if (killed_inside_the_revisions(kill_after(p, command, delay))) ++inside;
    expect_schema_matches_version(p, p.state());
    Result again = p.retort(command.args());
    EXPECT_EQ(again.code, 0) << again.err;
    const State after = p.state();
    EXPECT_EQ(after.version, command.target());
    expect_schema_matches_version(p, after);
  }
  // Kills at random over the whole run: most cut it inside its revisions.
  // If none did, the test proved nothing about half-run revisions.
  RecordProperty("kills_inside_the_revisions", inside);
  EXPECT_GT(inside, 0) << "no kill landed between the first revision's start and the last one's end";
}

INSTANTIATE_TEST_SUITE_P(Engines, KillNine, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// A killed run's backend must not keep the next deploy waiting for the rest
// of its statement: retort asks PostgreSQL to check for a dead client during
// queries, so the session, its transaction and its advisory lock end within
// seconds, not when a 60 s statement finally would.
TEST(KillNinePostgresql, KilledRunsLongStatementEndsWithItsClient) {
  SlowProject p("postgresql", 2, "lock_timeout = 20");
  p.replace(slow_revision("postgresql", 1, 60));
  Process run = p.start({"upgrade", "head"});
  const std::string sleeping =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep%' "
      "AND state = 'active' AND pid <> pg_backend_pid()";
  bool started = false;
  for (int attempt = 0; attempt < 300 && !started; ++attempt) {
    started = p.db().query(sleeping) == "1\n";
    if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(started) << "the slow statement never started";
  run.send(SIGKILL);
  run.finish();
  p.replace(slow_revision("postgresql", 1));
  // lock_timeout (20 s) is shorter than the dead statement (60 s): if that
  // statement kept its lock, this run would exit 5.
  Result next = p.retort({"upgrade", "head"});
  EXPECT_EQ(next.code, 0) << next.err;
  EXPECT_EQ(p.version_number(), 2);
  EXPECT_EQ(p.tables(), p.tables_through(2));
}

// MariaDB commits each DDL statement, so a killed revision can be half
// done. Then a `pending` row must name exactly that revision, `check` must
// exit 6 and the command must refuse (exit 1) until the user resolves it:
// by --retry-pending (odd trials) or by finishing the job by hand and
// stamping (even trials). Kills fall between the first revision's start and
// the run's end, so most interrupt a revision, and the test says how many.
class KillNineMariadb : public ::testing::Test {
 protected:
  SlowProject p{"mariadb", revisions};

  int number_of(const std::string& id) { return std::stoi(id.substr(1)); }

  // After a kill: a schema that differs from the version is flagged by a
  // pending row for the one revision it differs in.
  void expect_pending_catches_the_difference(const State& s) {
    const int version = s.version;
    const auto& pending = s.pending;
    const std::set<std::string>& actual = s.tables;
    const std::set<std::string> expected = p.tables_through(version);
    if (actual != expected) {
      ASSERT_EQ(pending.size(), 1u) << "the schema differs from version " << version
                                    << " and no single pending row says so";
      const std::string prefix = "t" + std::to_string(number_of(pending[0].first)) + "_";
      for (const auto& t : actual)
        if (!expected.count(t)) {
          EXPECT_EQ(t.rfind(prefix, 0), 0u) << t << " is not " << pending[0].first << "'s";
        }
      for (const auto& t : expected)
        if (!actual.count(t)) {
          EXPECT_EQ(t.rfind(prefix, 0), 0u) << t << " is not " << pending[0].first << "'s";
        }
    }
    EXPECT_LE(pending.size(), 1u);
  }

  void expect_refused_while_pending(const Command& command, const std::string& revision) {
    Result check = p.retort({"check"});
    EXPECT_EQ(check.code, 6) << check.out;
    EXPECT_THAT(check.out, HasSubstr("pending: " + revision));
    Result refused = p.retort(command.args());
    EXPECT_EQ(refused.code, 1) << refused.err;
    EXPECT_THAT(refused.err, HasSubstr("revision " + revision + " was left 'pending'"));
  }

  // What a user does by hand: complete the interrupted revision's work (its
  // DDL says IF [NOT] EXISTS) and stamp where the database now is.
  void resolve_by_hand(const Command& command, const std::string& revision) {
    const int n = number_of(revision);
    const std::string a = "t" + std::to_string(n) + "_a", b = "t" + std::to_string(n) + "_b";
    if (command.upgrade) {
      p.db().query("CREATE TABLE IF NOT EXISTS " + a + " (id INTEGER PRIMARY KEY, v INTEGER)");
      p.db().query("CREATE TABLE IF NOT EXISTS " + b + " (id INTEGER PRIMARY KEY)");
      Result stamp = p.retort({"stamp", revision});
      EXPECT_EQ(stamp.code, 0) << stamp.err;
    } else {
      p.db().query("DROP TABLE IF EXISTS " + b);
      p.db().query("DROP TABLE IF EXISTS " + a);
      Result stamp = p.retort({"stamp", n > 1 ? revision_id(n - 1) : "base"});
      EXPECT_EQ(stamp.code, 0) << stamp.err;
    }
  }
};

TEST_F(KillNineMariadb, PendingBookkeepingCatchesEveryRevisionAKillInterrupts) {
  const unsigned seed = fault_seed();
  SCOPED_TRACE("RETORT_FAULT_SEED=" + std::to_string(seed));
  std::mt19937 random(seed);
  const Durations full = measure(p);
  constexpr int trials = 32;
  int caught = 0;
  for (int trial = 0; trial < trials && !::testing::Test::HasFailure(); ++trial) {
    const Command command{trial % 2 == 0};
    // Between the first revision's start and the run's end, where a kill
    // interrupts a revision unless it falls between two of them.
    const Timing& t = full.of(command);
    const int delay = std::uniform_int_distribution<int>(t.first_revision_ms, t.total_ms)(random);
    SCOPED_TRACE("trial " + std::to_string(trial) + ": " + command.name() + " killed after " +
                 std::to_string(delay) + " ms");
    kill_after(p, command, delay);
    const State killed = p.state();
    expect_pending_catches_the_difference(killed);
    const auto& pending = killed.pending;
    if (!pending.empty()) {
      ++caught;
      expect_refused_while_pending(command, pending[0].first);
      if (trial % 4 < 2) {
        std::vector<std::string> retry = command.args();
        retry.push_back("--retry-pending");
        Result resumed = p.retort(retry);
        EXPECT_EQ(resumed.code, 0) << resumed.err;
      } else {
        resolve_by_hand(command, pending[0].first);
      }
      EXPECT_THAT(p.unresolved_pending(), IsEmpty());
    }
    Result again = p.retort(command.args());
    EXPECT_EQ(again.code, 0) << again.err;
    const State after = p.state();
    EXPECT_EQ(after.version, command.target());
    EXPECT_EQ(after.tables, p.tables_through(command.target()));
    EXPECT_THAT(after.pending, IsEmpty());
  }
  // The runs are mostly sleeps inside revisions, so most kills leave a
  // pending row. A quarter is far below what a loaded machine gives and far
  // above what kills missing the revisions would: fewer means the delays no
  // longer reach into revisions and the test proves little.
  RecordProperty("kills_that_left_a_pending_row", caught);
  EXPECT_GE(caught, trials / 4) << "only " << caught << " of " << trials << " kills interrupted a revision";
}

}  // namespace
}  // namespace faults
