// The two online sessions (the offline one is offline_script.hpp).
//
// A ReadOnlySession is connected and reads retort's tables as they are,
// without the lock, so a reader may see a run in progress: current, history,
// check.
//
// A LockedSession is connected, holding the migration lock (in the mode
// `lock =` chooses, host/run/migration_lock.hpp), with retort's tables in
// place, and a signal cancelling the running statement: upgrade, downgrade,
// stamp. The lock is released (and on SQLite the run committed) when the
// session ends, on every path. Once a signal has arrived, a failing read or
// write of retort's tables through store() is reported as the interruption
// (exit 130 / 143, where the database is), never as a database error: the
// signal's cancel may be what made it fail.
#pragma once

#include <memory>
#include <string>

#include "host/cli/app.hpp"
#include "host/cli/interrupt_cancel.hpp"
#include "host/run/migration_lock.hpp"
#include "host/run/store.hpp"

namespace host {

class ReadOnlySession {
 public:
  explicit ReadOnlySession(App& app);

  Connection& connection() { return *connection_; }
  const Bookkeeping& books() const { return books_; }
  VersionStore& store() { return store_; }
  /// The connection, for a LockedSession to go on with; the session is
  /// then used up.
  std::unique_ptr<Connection> take_connection() { return std::move(connection_); }

 private:
  std::unique_ptr<Connection> connection_;
  Bookkeeping books_;
  VersionStore store_;
};

class LockedSession {
 public:
  /// Connects, or goes on with `connection` (a ReadOnlySession's) when given.
  explicit LockedSession(App& app, std::unique_ptr<Connection> connection = nullptr);
  ~LockedSession();
  LockedSession(const LockedSession&) = delete;
  LockedSession& operator=(const LockedSession&) = delete;

  Connection& connection() { return *connection_; }
  const Bookkeeping& books() const { return books_; }
  VersionStore& store() { return store_; }
  /// Releases the lock now, reporting failure (the destructor only logs).
  void release();
  /// Throws Error(lock) if the lock was lost meanwhile (a `table` lease
  /// another run took over); part of the runner's checkpoint.
  void check_lock();
  /// "; the database is at X" (or "" if it cannot be read), for the line
  /// an interrupted run ends with. Releases the lock first: SQLite commits
  /// the revisions that completed only then.
  std::string where_it_stands();

 private:
  /// VersionStore's on_failure: throws the interruption if a signal arrived.
  void report_interruption();
  std::unique_ptr<Connection> connection_;
  Bookkeeping books_;
  VersionStore store_;
  std::unique_ptr<MigrationLock> lock_;
  bool locked_ = false;
  bool reporting_ = false;  // report_interruption is reading where the database is
  std::unique_ptr<CancelOnInterrupt> canceller_;  // after connection_: stops first
};

/// This machine's name as lock and history rows record it; "" if unknown.
std::string this_host();
/// Warns when the database has another migration tool's table and not
/// retort's version table, naming `retort adopt`.
void hint_at_other_tools(Connection& connection, const Bookkeeping& books);

/// Throws Error(database) describing a revision left `pending`, unless the
/// caller resumes it.
void refuse_pending(const std::vector<HistoryRow>& pending);

}  // namespace host
