// The runner: executes a plan's steps through a Sink, with the bookkeeping
// of SPEC §6. It owns the transaction discipline:
//  - transactional revisions on a transactional-DDL engine: one transaction
//    each (or one for the whole run with transaction_per_migration=false)
//    holding the revision, the version move and its history row; a failure
//    rolls back and appends a `failed` row outside that transaction;
//  - otherwise (transactional=false, or DDL that commits by itself as on
//    MariaDB): a `pending` history row is committed first, statements run
//    one at a time with their progress recorded, and only success moves the
//    version and marks the row `applied`. A failure leaves it `pending`.
// It knows nothing of where statements go (Sink) or how plans are made.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "host/errors/error.hpp"
#include "host/plan/plan.hpp"
#include "host/run/bookkeeping.hpp"
#include "host/abi/collect.hpp"
#include "host/log/logger.hpp"
#include "host/run/sink.hpp"

namespace host {

struct RunOptions {
  bool transaction_per_migration = true;
  std::string host_name;
  /// Revisions with a stale `pending` row to resume (--retry-pending): the
  /// number of statements already done, which are skipped.
  std::map<std::string, long long> resume_from;
  /// Called before each statement; throws to stop the run (interrupts, a
  /// lost lock). Its Error's code and message become the run's, completed
  /// with where the run stopped and what was rolled back or left pending.
  std::function<void()> checkpoint;
  /// A progress line on a terminal (host/log/progress.hpp); off for --sql,
  /// whose script may be printed to the same terminal.
  bool progress = true;
  /// Whether statements really run. With --sql they are only written out:
  /// a revision's "done" line and its duration (the time to render it) are
  /// debug, so the log has one line a revision, as Alembic's --sql does.
  bool executes = true;
  /// The level of the run's own lines (each revision's "running" and
  /// "done", and "ran N revision(s)"): a scratch database's replay, which
  /// the user did not ask for by name, logs them at debug.
  Level step_level = Level::info;
};

class Runner {
 public:
  Runner(const Dialect& dialect, const Collector& collector, const Bookkeeping& books, Sink& sink,
         RunOptions options);

  /// Runs every step and returns how many ran; throws Error naming the
  /// failed revision, after rolling back and recording the failure. Each
  /// revision's duration is logged and recorded in its history row.
  std::size_t run(const Plan& plan);

 private:
  void run_in_transaction(const Step& step, const RevisionScript& script, bool own_transaction);
  void run_pending(const Step& step, const RevisionScript& script);
  void record_failure(const Step& step, const std::string& checksum, const std::string& message);
  HistoryRow history_row(const Step& step, const std::string& checksum, const std::string& state) const;
  void checkpoint();
  /// The step's duration so far; none for a script, which runs later.
  std::optional<long long> duration() const;
  /// Why the run must stop (a signal, a lost lock), if the checkpoint says
  /// so: a failed statement may be the cancelled victim of one.
  std::optional<Error> stop_reason();

  const Dialect& dialect_;
  const Collector& collector_;
  const Bookkeeping& books_;
  Sink& sink_;
  RunOptions options_;
  std::string started_at_;
  std::chrono::steady_clock::time_point step_start_;
  std::optional<Error> stop_;  // what the checkpoint threw, once it has
};

/// "upgrade" / "downgrade".
const char* direction_name(Direction d);

}  // namespace host
