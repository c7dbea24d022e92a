#include "host/cli/online.hpp"

#include <unistd.h>

#include <utility>

#include "host/adopt/tools.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/cli/interrupts.hpp"

namespace host {

namespace {

LockSettings lock_settings(const Settings& settings) {
  LockSettings s;
  s.mode = lock_mode_from(settings.lock);
  s.timeout_seconds = settings.lock_timeout;
  s.lease_seconds = settings.lock_lease;
  s.host_name = this_host();
  return s;
}

}  // namespace

// A team moving from another tool who has not run `retort adopt` would see
// retort start from base and fail on tables that exist; say why before that
// happens. Asked only while retort's own table is missing.
void hint_at_other_tools(Connection& connection, const Bookkeeping& books) {
  for (const auto& tool : adopt::tool_tables())
    if (books.version_table() == tool.table) return;  // adopted by name (version_table = alembic_version)
  if (connection.table_exists(books.schema(), books.version_table())) return;
  for (const auto& tool : adopt::tool_tables()) {
    if (tool.tool == adopt::Tool::dbmate) continue;  // its table is golang-migrate's name, asked for with it
    if (!connection.table_exists(books.schema(), tool.table)) continue;
    const std::string whose = tool.tool == adopt::Tool::golang_migrate ? "golang-migrate's or dbmate's"
                                                                       : std::string(tool.title) + "'s";
    logger().warn("this database has " + whose + " " + std::string(tool.table) + " table but no " +
                  books.version_table() + ": retort starts from base; to continue where that tool left off, "
                  "run 'retort adopt' first" +
                  (tool.tool == adopt::Tool::alembic ? " (or set version_table = alembic_version)" : ""));
    return;
  }
}

std::string this_host() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

ReadOnlySession::ReadOnlySession(App& app)
    : connection_(app.connect()), books_(app.bookkeeping()), store_(*connection_, books_) {}

LockedSession::LockedSession(App& app, std::unique_ptr<Connection> connection)
    : connection_(connection ? std::move(connection) : app.connect()),
      books_(app.bookkeeping()),
      store_(*connection_, books_, [this] { report_interruption(); }) {
  lock_ = make_migration_lock(lock_settings(app.settings()), *connection_, books_, app.dialect(),
                              [&app] { return app.connect(); });
  lock_->acquire();
  locked_ = true;
  interrupts::arm();
  canceller_ = std::make_unique<CancelOnInterrupt>(*connection_);
  try {
    if (app.invocation().command != "adopt") hint_at_other_tools(*connection_, books_);
    store_.ensure_tables();
  } catch (...) {
    // The destructor does not run for a constructor that throws; a lock row
    // (lock = table) would otherwise wait out its lease.
    try {
      release();
    } catch (const std::exception& e) {
      logger().warn(std::string("releasing the migration lock failed: ") + e.what());
    }
    throw;
  }
}

void LockedSession::release() {
  if (!locked_) return;
  locked_ = false;
  canceller_.reset();  // a late signal must not cancel the release itself
  lock_->release();
}

void LockedSession::check_lock() {
  if (locked_) lock_->check_held();
}

void LockedSession::report_interruption() {
  if (reporting_) return;
  try {
    interrupts::check();
  } catch (const Error& signal) {
    // Only the runner's statements run inside a revision, and it reports its
    // own interruptions: a read or write of retort's tables that fails comes
    // before the first revision (the version and history read under the lock).
    reporting_ = true;
    throw Error(signal.code(), std::string(signal.what()) + " before any revision ran" + where_it_stands());
  }
}

std::string LockedSession::where_it_stands() {
  const bool was_reporting = std::exchange(reporting_, true);  // a failing read here is no news
  std::string at;
  try {
    release();
    for (const auto& v : store_.versions()) at += (at.empty() ? "" : ", ") + v;
    at = "; the database is at " + (at.empty() ? std::string("base") : at);
  } catch (const std::exception& e) {
    logger().debug(std::string("cannot tell where the interrupted run left the database: ") + e.what());
    at.clear();
  }
  reporting_ = was_reporting;
  return at;
}

LockedSession::~LockedSession() {
  try {
    release();
  } catch (const std::exception& e) {
    // A session lock goes with a lost session: nothing is left to release.
    std::string note = std::string("releasing the migration lock failed: ") + e.what();
    is_connection_lost(e) ? logger().debug(note) : logger().warn(note);
  }
}

void refuse_pending(const std::vector<HistoryRow>& pending) {
  if (pending.empty()) return;
  const HistoryRow& p = pending.front();
  database_error(
      "revision " + p.revision + " was left 'pending' by a run started " + p.started_at + " on " +
      (p.host.empty() ? "an unknown host" : p.host) + ": it ran " + std::to_string(p.statements_done) +
      " statement(s) outside a transaction before stopping" +
      (p.error_message.empty() ? "" : " (" + p.error_message + ")") +
      ", so the database may be partly changed. Either fix the schema by hand and run 'retort stamp " +
      p.revision + "' (or stamp its parent), or resume it with 'retort " +
      (p.direction == "downgrade" ? std::string("downgrade") : std::string("upgrade")) + " TARGET --retry-pending'");
}

}  // namespace host
