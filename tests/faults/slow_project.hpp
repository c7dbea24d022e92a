// What the fault tests share: a project whose revisions are slow enough on
// each engine for a kill or a signal to land inside one, and the checks a
// user would make afterwards (which tables exist, what the version table
// says, which history rows are left pending).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "project.hpp"

namespace faults {

using it::Process;
using it::Result;

/// The id of slow revision `n` (1-based): "f0000000000n".
std::string revision_id(int n);

/// Revision `n` for `engine`: its upgrade creates t<n>_a and t<n>_b with a
/// pause of about `pause` seconds after each, its downgrade drops them the
/// same way. PostgreSQL and MariaDB pause by sleeping; SQLite, which cannot
/// sleep, writes: a recursive CTE inserting 120000 rows for a short pause,
/// and for pauses over 0.1 s one INSERT computing a count over a CTE long
/// enough to take about that long (a single long-running write). On
/// MariaDB the DDL says IF [NOT] EXISTS, so a statement that ran before a
/// crash can run again on --retry-pending.
it::SqlRevision slow_revision(const std::string& engine, int n, double pause = 0.03);

/// What a check after a fault reads, in at most two client calls.
struct State {
  std::set<std::string> tables;  ///< the user's (retort's own left out)
  int version = 0;               ///< revision number the version table names, 0: base
  /// (revision, direction) of every `pending` row no later row resolved.
  std::vector<std::pair<std::string, std::string>> pending;
};

class SlowProject {
 public:
  /// `count` slow revisions in a chain; `extra` lines go into retort.ini's
  /// [retort] section (lock_timeout is 60 unless `extra` sets it).
  SlowProject(const std::string& engine, int count, const std::string& extra = "");

  /// Writes another config file `name` in the project (for a second run
  /// with other settings: `retort -c name ...`).
  void write_config(const std::string& name, const std::string& extra);

  it::Project& project() { return project_; }
  it::Engine& db() { return project_.db(); }
  const std::string& engine() const { return engine_; }
  int count() const { return count_; }
  std::string head() const { return revision_id(count_); }

  /// Replaces revision `n` (e.g. a faster one after a test is done with it).
  void replace(const it::SqlRevision& revision) { project_.add_sql_revision(revision); }

  Result retort(std::vector<std::string> args) { return project_.retort(std::move(args)); }
  /// Starts retort without waiting for it.
  Process start(std::vector<std::string> args);

  /// Tables, version and pending rows together.
  State state();
  /// The user's tables (retort's own left out).
  std::set<std::string> tables();
  /// The tables revisions 1..n create.
  std::set<std::string> tables_through(int n) const;
  /// Which revision number the version table names, 0 for base.
  int version_number();
  /// The version table's rows, sorted, newline-separated ("" for base, or
  /// when a killed first run left no version table).
  std::string version();
  /// (revision, direction) of every `pending` row no later row resolved.
  std::vector<std::pair<std::string, std::string>> unresolved_pending();
  /// How many `applied` rows of `direction` each revision has.
  std::map<std::string, int> applied_counts(const std::string& direction);

  /// Waits until no other session is connected to the test database, so a
  /// killed run's server session has finished (and, if its COMMIT was
  /// already sent, committed) before the state is read. SQLite: nothing.
  void wait_until_alone();

 private:
  std::string engine_;
  int count_;
  it::Project project_;
};

/// Waits for `process` at most `limit`; a process still running then is
/// killed and the returned Result has `signal` SIGKILL (the test fails on it).
Result finish_within(Process& process, std::chrono::seconds limit);

/// The last non-empty line of `text`.
std::string last_line(const std::string& text);

/// The seed of this test's random numbers: RETORT_FAULT_SEED if set, else
/// fresh. Tests print it on failure so a failing sequence can be replayed.
unsigned fault_seed();

}  // namespace faults
