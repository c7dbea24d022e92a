#include "host/cli/online.hpp"

#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/cli/interrupts.hpp"

namespace host {

LockedSession::LockedSession(App& app)
    : connection_(app.connect()), books_(app.bookkeeping()), store_(*connection_, books_) {
  logger().debug("waiting for the migration lock", {{"key", books_.lock_key()}});
  connection_->lock(books_.lock_key(), app.settings().lock_timeout);
  locked_ = true;
  interrupts::arm();
  store_.ensure_tables();
}

void LockedSession::release() {
  if (!locked_) return;
  locked_ = false;
  connection_->unlock(books_.lock_key());
}

LockedSession::~LockedSession() {
  try {
    release();
  } catch (const std::exception& e) {
    logger().warn(std::string("releasing the migration lock failed: ") + e.what());
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
      p.revision + "' (or stamp its parent), or resume it with 'retort upgrade --retry-pending ...'");
}

}  // namespace host
