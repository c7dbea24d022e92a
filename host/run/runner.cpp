#include "host/run/runner.hpp"

#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/plugins/plugins.hpp"

namespace host {
namespace {

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

// A database error, with the revision and the statement's position added.
Error step_error(const Step& step, const Error& e, const std::string& where) {
  return Error(e.code(), "revision " + step.revision->id + " " + direction_name(step.direction) + " failed" +
                             where + ": " + e.what());
}

}  // namespace

const char* direction_name(Direction d) { return d == Direction::upgrade ? "upgrade" : "downgrade"; }

Runner::Runner(const Dialect& dialect, const Collector& collector, const Bookkeeping& books, Sink& sink,
               RunOptions options)
    : dialect_(dialect), collector_(collector), books_(books), sink_(sink), options_(std::move(options)) {}

void Runner::checkpoint() const {
  if (options_.checkpoint) options_.checkpoint();
}

HistoryRow Runner::history_row(const Step& step, const std::string& checksum, const std::string& state) const {
  HistoryRow row;
  row.revision = step.revision->id;
  row.direction = direction_name(step.direction);
  row.checksum = checksum;
  row.state = state;
  row.started_at = started_at_;
  row.duration_ms = state == "pending" ? 0 : elapsed_ms(step_start_);
  row.host = options_.host_name;
  row.tool_version = RETORT_VERSION;
  return row;
}

std::vector<StepReport> Runner::run(const Plan& plan) {
  std::vector<StepReport> reports;
  const bool whole_run = !options_.transaction_per_migration;
  bool open = false;  // a whole-run transaction is open
  const auto run_start = std::chrono::steady_clock::now();
  std::size_t n = 0;
  for (const Step& step : plan.steps) {
    ++n;
    checkpoint();
    const Revision& r = *step.revision;
    const bool pending = !r.transactional || !dialect_.transactional_ddl();
    logger().info("running " + describe(step), {{"step", std::to_string(n) + "/" + std::to_string(plan.steps.size())}});
    started_at_ = utc_now_iso8601();
    step_start_ = std::chrono::steady_clock::now();
    RevisionScript script = collector_.collect(r, step.direction, pending);
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
    logger().info("done " + describe(step), {{"revision", r.id}, {"duration_ms", std::to_string(ms)}});
    reports.push_back({r.id, step.direction, ms});
  }
  if (open) sink_.commit();
  logger().info("ran " + std::to_string(reports.size()) + " revision(s)",
                {{"duration_ms", std::to_string(elapsed_ms(run_start))}});
  return reports;
}

void Runner::run_in_transaction(const Step& step, const RevisionScript& script, bool own_transaction) {
  if (own_transaction) sink_.begin();
  std::size_t i = 0;
  try {
    for (; i < script.statements.size(); ++i) {
      checkpoint();
      sink_.execute(script.statements[i]);
    }
    for (const auto& s : books_.move_versions(step.versions_removed, step.versions_added)) sink_.execute(s);
    sink_.execute(books_.insert_history(history_row(step, script.checksum, "applied")));
    if (own_transaction) sink_.commit();
  } catch (const Error& e) {
    try {
      sink_.rollback();
    } catch (const Error& rollback_failure) {
      logger().warn(std::string("rollback failed: ") + rollback_failure.what());
    }
    std::string where = script.statements.size() > 1 && i < script.statements.size()
                            ? " at statement " + std::to_string(i + 1) + " of " +
                                  std::to_string(script.statements.size())
                            : "";
    Error failure = step_error(step, e, where + " and was rolled back");
    record_failure(step, script.checksum, e.what());
    throw failure;
  }
}

void Runner::run_pending(const Step& step, const RevisionScript& script) {
  const Revision& r = *step.revision;
  long long done = 0;
  if (auto it = options_.resume_from.find(r.id); it != options_.resume_from.end()) done = it->second;
  if (done > static_cast<long long>(script.statements.size())) done = 0;
  HistoryRow row = history_row(step, script.checksum, "pending");
  row.statements_done = done;
  sink_.begin();
  sink_.execute(books_.insert_history(row));
  sink_.commit();
  const long long total = static_cast<long long>(script.statements.size());
  try {
    if (r.transactional) sink_.begin();
    for (; done < total; ++done) {
      checkpoint();
      sink_.execute(script.statements[done]);
      sink_.execute(books_.update_pending_progress(r.id, done + 1));
    }
    if (!r.transactional) sink_.begin();
    for (const auto& s : books_.move_versions(step.versions_removed, step.versions_added)) sink_.execute(s);
    sink_.execute(books_.finish_pending(r.id, "applied", elapsed_ms(step_start_), done, ""));
    sink_.commit();
  } catch (const Error& e) {
    try {
      sink_.rollback();
      sink_.execute(books_.finish_pending(r.id, "pending", elapsed_ms(step_start_), done, e.what()));
    } catch (const Error& note_failure) {
      logger().warn(std::string("could not record the failure: ") + note_failure.what());
    }
    throw step_error(step, e,
                     " at statement " + std::to_string(done + 1) + " of " + std::to_string(total) +
                         " outside a transaction; its history row stays 'pending' (the first " +
                         std::to_string(done) + " statement(s) ran)");
  }
}

void Runner::record_failure(const Step& step, const std::string& checksum, const std::string& message) {
  HistoryRow row = history_row(step, checksum, "failed");
  row.error_message = message.substr(0, 1000);
  try {
    sink_.begin();
    sink_.execute(books_.insert_history(row));
    sink_.commit();
  } catch (const Error& e) {
    logger().warn(std::string("could not record the failed revision in the history: ") + e.what());
  }
}

}  // namespace host
