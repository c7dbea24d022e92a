#include "host/run/runner.hpp"

#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/log/progress.hpp"
#include "host/plugins/plugins.hpp"

namespace host {
namespace {

std::span<const std::string_view> ids(const VersionIds& versions) { return {versions.data(), versions.size()}; }

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since)
      .count();
}

std::string describe(const Step& step) {
  const Revision& r = *step.revision;
  std::string s = std::string(direction_name(step.direction)) + " " + r.id;
  if (!r.message.empty()) s += " (" + r.message + ")";
  return s;
}

// "upgrade of revision X", for the line an interrupted run ends with.
std::string step_name(const Step& step) {
  return std::string(direction_name(step.direction)) + " of revision " + step.revision->id;
}

// The database's message for a statement the runner ran on its own (a
// revision run statement by statement). The plugin counts the statements of
// the text it was given, always one here, so its "statement 1 failed: "
// would contradict the runner's "at statement 2 of 2": the runner's count
// is the one that means something to the user.
std::string own_statement_message(const Error& e) {
  const auto* database = dynamic_cast<const DatabaseError*>(&e);
  const std::string what = e.what();
  if (!database || database->statement_index() != 0) return what;
  const std::string& text = database->plugin_message();
  const std::string count = "statement 1 failed: ";
  if (text.rfind(count, 0) != 0 || what.size() < text.size() ||
      what.compare(what.size() - text.size(), text.size(), text) != 0)
    return what;
  return what.substr(0, what.size() - text.size()) + text.substr(count.size());
}

// A database error, with the revision and the statement's position added.
Error step_error(const Step& step, const std::string& message, ExitCode code, const std::string& where) {
  return Error(code, "revision " + step.revision->id + " " + direction_name(step.direction) + " failed" + where +
                         ": " + message);
}

// " at statement 2 of 3", or where the run was after the last one (its
// bookkeeping failed), so the position never points past the end.
std::string position(long long index, long long total) {
  if (index < total) return " at statement " + std::to_string(index + 1) + " of " + std::to_string(total);
  return " after its " + std::to_string(total) + " statement(s)";
}

}  // namespace

const char* direction_name(Direction d) { return d == Direction::upgrade ? "upgrade" : "downgrade"; }

Runner::Runner(const Dialect& dialect, const Collector& collector, const Bookkeeping& books, Sink& sink,
               RunOptions options)
    : dialect_(dialect), collector_(collector), books_(books), sink_(sink), options_(std::move(options)) {}

void Runner::checkpoint() {
  if (!options_.checkpoint) return;
  try {
    options_.checkpoint();
  } catch (const Error& e) {
    if (!stop_) stop_ = e;
    throw;
  }
}

std::optional<Error> Runner::stop_reason() {
  if (!stop_) {
    try {
      checkpoint();
    } catch (const Error&) {
      // kept in stop_
    }
  }
  return stop_;
}

HistoryRow Runner::history_row(const Step& step, const std::string& checksum, const std::string& state) const {
  HistoryRow row;
  row.revision = step.revision->id;
  row.direction = direction_name(step.direction);
  row.checksum = checksum;
  row.state = state;
  row.started_at = started_at_;
  // A script's rows take the time it is applied; how long that takes, no
  // statement of the script can know.
  row.started_when_applied = !options_.executes;
  if (options_.executes) row.duration_ms = state == "pending" ? 0 : elapsed_ms(step_start_);
  row.host = options_.host_name;
  row.tool_version = RETORT_VERSION;
  return row;
}

std::size_t Runner::run(const Plan& plan) {
  std::size_t ran = 0;
  const bool whole_run = !options_.transaction_per_migration;
  bool open = false;  // a whole-run transaction is open
  const auto run_start = std::chrono::steady_clock::now();
  std::size_t n = 0;
  Progress progress(logger(), options_.progress ? plan.steps.size() : 0);
  for (const Step& step : plan.steps) {
    ++n;
    try {
      checkpoint();
    } catch (const Error& stop) {
      std::string undone;
      if (open) {  // transaction_per_migration=false: the revisions before it go too
        try {
          sink_.rollback();
          undone = "; the run's transaction, with the revisions before it, was rolled back";
        } catch (const Error& e) {
          logger().warn(std::string("rollback failed: ") + e.what());
        }
      }
      throw Error(stop.code(), std::string(stop.what()) + " before " + step_name(step) + " (" +
                                   std::to_string(n) + " of " + std::to_string(plan.steps.size()) +
                                   "); nothing of it ran" + undone);
    }
    const Revision& r = *step.revision;
    progress.step(n, std::string(direction_name(step.direction)) + " " + r.id + " " + r.message);
    const bool pending = !r.transactional || !dialect_.transactional_ddl();
    if (logger().enabled(options_.step_level))
      logger().log(options_.step_level, "running " + describe(step),
                   {{"step", std::to_string(n) + "/" + std::to_string(plan.steps.size())}});
    started_at_ = utc_now_iso8601();
    step_start_ = std::chrono::steady_clock::now();
    RevisionScript script;
    try {
      script = collector_.collect(r, step.direction, pending);
    } catch (...) {
      // Nothing of this revision ran; a whole-run transaction must still not
      // commit half a run when the lock is released.
      if (open) sink_.rollback();
      throw;
    }
    sink_.comment(std::string(direction_name(step.direction)) + " " + r.id + (r.message.empty() ? "" : ": " + r.message));
    if (pending) {
      if (open) {
        sink_.commit();
        open = false;
      }
      run_pending(step, script);
    } else {
      if (whole_run && !open) {
        sink_.begin();
        open = true;
      }
      try {
        run_in_transaction(step, script, !whole_run);
      } catch (...) {
        open = false;  // run_in_transaction rolled the whole-run transaction back
        throw;
      }
    }
    long long ms = elapsed_ms(step_start_);
    const Level done_level = options_.executes ? options_.step_level : Level::debug;
    if (logger().enabled(done_level))
      logger().log(done_level, "done " + describe(step), {{"revision", r.id}, {"duration_ms", std::to_string(ms)}});
    ++ran;
  }
  if (open) sink_.commit();
  logger().log(options_.step_level, "ran " + std::to_string(ran) + " revision(s)",
               {{"duration_ms", std::to_string(elapsed_ms(run_start))}});
  return ran;
}

void Runner::run_in_transaction(const Step& step, const RevisionScript& script, bool own_transaction) {
  if (own_transaction) sink_.begin();
  std::size_t i = 0;
  try {
    for (; i < script.statements.size(); ++i) {
      checkpoint();
      sink_.execute(script.statements[i]);
    }
    for (const auto& s : books_.move_versions(ids(step.versions_removed), ids(step.versions_added))) sink_.execute(s);
    sink_.execute(books_.insert_history(history_row(step, script.checksum, "applied")));
    if (own_transaction) sink_.commit();
  } catch (const Error& e) {
    const std::optional<Error> stop = stop_reason();
    try {
      sink_.rollback();
    } catch (const Error& rollback_failure) {
      // Stopped on purpose, the final line says where the database is; an
      // engine that already rolled back by itself (SQLite, after a cancelled
      // write; any server, with a lost session) is no news then.
      std::string note = std::string("rollback failed: ") + rollback_failure.what();
      stop || is_connection_lost(rollback_failure) ? logger().debug(note) : logger().warn(note);
    }
    // One statement: the plugin's own count, within the script, stands.
    const bool counted = script.statements.size() > 1 && i < script.statements.size();
    const std::string where = counted ? position(static_cast<long long>(i), script.statements.size()) : "";
    if (stop) {
      record_failure(step, script.checksum, stop->what());
      throw Error(stop->code(), std::string(stop->what()) + " during " + step_name(step) + where + "; " +
                                    (own_transaction ? "it was rolled back"
                                                     : "the run's transaction, with the revisions before it, "
                                                       "was rolled back"));
    }
    const std::string message = counted ? own_statement_message(e) : e.what();
    record_failure(step, script.checksum, message);
    throw step_error(step, message, e.code(), where + " and was rolled back");
  }
}

void Runner::run_pending(const Step& step, const RevisionScript& script) {
  const Revision& r = *step.revision;
  long long done = 0;
  if (auto it = options_.resume_from.find(r.id); it != options_.resume_from.end()) done = it->second;
  if (done > static_cast<long long>(script.statements.size())) done = 0;
  const long long total = static_cast<long long>(script.statements.size());
  HistoryRow row = history_row(step, script.checksum, "pending");
  row.statements_done = done;
  // What a failure must undo and record: a transaction is only rolled back
  // if one was begun (`transactional false` runs its statements without
  // one, and SQLite refuses to roll back a step it never opened), and the
  // row only records the failure once it exists.
  bool open = false;
  bool row_written = false;
  try {
    sink_.begin();
    open = true;
    sink_.execute(books_.insert_history(row));
    sink_.commit();
    open = false;
    row_written = true;
    if (r.transactional) {
      sink_.begin();
      open = true;
    }
    for (; done < total; ++done) {
      checkpoint();
      sink_.execute(script.statements[done]);
      sink_.execute(books_.update_pending_progress(r.id, done + 1));
    }
    // The version move and the row's end must commit together, or a crash
    // between them leaves a moved version with a `pending` row that
    // --retry-pending cannot resolve. Where DDL commits by itself (MariaDB),
    // the transaction begun above may already be gone and each statement
    // would autocommit, so end it (statements_done already counts all) and
    // open a fresh one.
    if (open) {
      sink_.commit();
      open = false;
    }
    sink_.begin();
    open = true;
    for (const auto& s : books_.move_versions(ids(step.versions_removed), ids(step.versions_added))) sink_.execute(s);
    sink_.execute(books_.finish_pending(r.id, "applied", duration(), done, ""));
    sink_.commit();
  } catch (const Error& e) {
    const std::optional<Error> stop = stop_reason();
    const std::string message = own_statement_message(e);
    try {
      if (open) sink_.rollback();
      if (row_written)
        sink_.execute(
            books_.finish_pending(r.id, "pending", duration(), done, stop ? stop->what() : message));
    } catch (const Error& note_failure) {
      // After a signal the last line tells the story (a cancelled write
      // makes SQLite undo the run, retort's own tables included).
      std::string note = std::string("could not record the failure: ") + note_failure.what();
      stop || is_connection_lost(note_failure) ? logger().debug(note) : logger().warn(note);
    }
    if (!row_written) {
      // Not one statement of the revision ran; the pending row itself failed.
      if (stop)
        throw Error(stop->code(), std::string(stop->what()) + " as " + step_name(step) + " began; nothing of it ran");
      throw;
    }
    const std::string where = position(done, total) +
                              " outside a transaction; its history row stays 'pending' (the first " +
                              std::to_string(done) + " statement(s) ran)";
    if (stop)
      throw Error(stop->code(), std::string(stop->what()) + " during " + step_name(step) + where +
                                    ": resume it by repeating the command with --retry-pending, or fix it by hand "
                                    "and 'retort stamp'");
    throw step_error(step, message, e.code(), where);
  }
}

std::optional<long long> Runner::duration() const {
  if (!options_.executes) return std::nullopt;
  return elapsed_ms(step_start_);
}

void Runner::record_failure(const Step& step, const std::string& checksum, const std::string& message) {
  HistoryRow row = history_row(step, checksum, "failed");
  row.error_message = message.substr(0, 1000);
  try {
    sink_.begin();
    sink_.execute(books_.insert_history(row));
    sink_.commit();
  } catch (const Error& e) {
    // After a signal the last line tells the story (SQLite may have undone
    // the whole run, retort's own tables included).
    std::string note = std::string("could not record the failed revision in the history: ") + e.what();
    stop_ || is_connection_lost(e) ? logger().debug(note) : logger().warn(note);
  }
}

}  // namespace host
