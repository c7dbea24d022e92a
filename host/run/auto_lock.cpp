#include "host/run/auto_lock.hpp"

#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/plugins/plugins.hpp"
#include "host/run/bookkeeping.hpp"
#include "host/run/lock_table.hpp"

namespace host {
namespace {

class AutoLock final : public MigrationLock {
 public:
  AutoLock(const LockSettings& settings, Connection& connection, const Bookkeeping& books, const Dialect& dialect,
           ConnectionFactory connect)
      : settings_(settings), connection_(connection), books_(books), dialect_(dialect), connect_(std::move(connect)) {}

  void acquire() override {
    std::string doubt = connection_.session_lock_doubt();
    if (doubt.empty()) {
      connection_.lock(books_.lock_key(), settings_.timeout_seconds);
      doubt = second_session_gets_it();
      if (doubt.empty()) return;  // held, and trusted
      connection_.unlock(books_.lock_key());
    }
    logger().info("lock: using the lock table instead of the session lock: " + doubt +
                  " (lock = advisory forces the session lock)");
    table_ = std::make_unique<TableLock>(settings_, connection_, LockTableSql(dialect_, books_), connect_);
    table_->acquire();
  }
  void release() override {
    if (table_) table_->release();
    else connection_.unlock(books_.lock_key());
  }
  void check_held() override {
    if (table_) table_->check_held();
  }

 private:
  // While this session holds the lock, another must not get it at once.
  std::string second_session_gets_it() {
    std::unique_ptr<Connection> other = connect_();
    try {
      other->lock(books_.lock_key(), 0);
    } catch (const Error& e) {
      if (e.code() == ExitCode::lock) return "";
      throw;
    }
    other->unlock(books_.lock_key());
    return "a second session took the session lock while this one held it, so it does not lock";
  }

  LockSettings settings_;
  Connection& connection_;
  const Bookkeeping& books_;
  const Dialect& dialect_;
  ConnectionFactory connect_;
  std::unique_ptr<TableLock> table_;
};

}  // namespace

std::unique_ptr<MigrationLock> make_auto_lock(const LockSettings& settings, Connection& connection,
                                              const Bookkeeping& books, const Dialect& dialect,
                                              ConnectionFactory connect) {
  return std::make_unique<AutoLock>(settings, connection, books, dialect, std::move(connect));
}

}  // namespace host
