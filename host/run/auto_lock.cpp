#include "host/run/auto_lock.hpp"

#include <algorithm>
#include <chrono>

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
    std::unique_ptr<Connection> renewal;
    if (doubt.empty()) {
      // Opened before anything is taken: it probes the session lock, then
      // renews the row's lease (a run that cannot renew must not hold it).
      renewal = connect_();
      const auto started = std::chrono::steady_clock::now();
      connection_.lock(books_.lock_key(), settings_.timeout_seconds);
      try {
        doubt = second_session_gets_it(*renewal);
      } catch (...) {
        unlock_session_quietly();
        throw;
      }
      if (doubt.empty()) return take_row_beside_session_lock(std::move(renewal), started);
      connection_.unlock(books_.lock_key());
    }
    logger().info("lock: using the lock table instead of the session lock: " + doubt +
                  " (lock = advisory forces the session lock)");
    table_ = std::make_unique<TableLock>(settings_, connection_, LockTableSql(dialect_, books_), connect_);
    renewal ? table_->acquire_renewing_on(std::move(renewal)) : table_->acquire();
  }
  // The row first: while the session lock is still held, no other run
  // holding it can find the row and take it over as a dead run's.
  void release() override {
    if (!table_) return;
    if (!holds_session_lock_) return table_->release();
    holds_session_lock_ = false;
    try {
      table_->release();
    } catch (...) {
      unlock_session_quietly();  // a marked row left behind is taken over by the next direct run at once
      throw;
    }
    connection_.unlock(books_.lock_key());
  }
  void check_held() override {
    if (table_) table_->check_held();
  }

 private:
  // Pooled runs see only the lock table, so a run holding the session lock
  // takes the row too; it waits, session lock held, for a row a pooled run
  // holds (pooled runs never wait for the session lock: no deadlock). The
  // rest of lock_timeout is what the row may take.
  void take_row_beside_session_lock(std::unique_ptr<Connection> renewal, std::chrono::steady_clock::time_point started) {
    LockSettings rest = settings_;
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    rest.timeout_seconds = std::max(0.0, settings_.timeout_seconds - spent.count());
    auto table = std::make_unique<TableLock>(rest, connection_, LockTableSql(dialect_, books_), connect_, true);
    try {
      table->acquire_renewing_on(std::move(renewal));
    } catch (...) {
      unlock_session_quietly();
      throw;
    }
    table_ = std::move(table);
    holds_session_lock_ = true;
  }

  // On a failure already being reported; a lost session took its lock along.
  void unlock_session_quietly() noexcept {
    try {
      connection_.unlock(books_.lock_key());
    } catch (const std::exception& e) {
      logger().debug(std::string("releasing the session lock failed: ") + e.what());
    }
  }

  // While this session holds the lock, `other` must not get it at once.
  std::string second_session_gets_it(Connection& other) {
    try {
      other.lock(books_.lock_key(), 0);
    } catch (const Error& e) {
      if (e.code() == ExitCode::lock) return "";
      throw;
    }
    other.unlock(books_.lock_key());
    return "a second session took the session lock while this one held it, so it does not lock";
  }

  LockSettings settings_;
  Connection& connection_;
  const Bookkeeping& books_;
  const Dialect& dialect_;
  ConnectionFactory connect_;
  std::unique_ptr<TableLock> table_;  // once acquire() has begun on the table
  bool holds_session_lock_ = false;   // beside table_, until release()
};

}  // namespace

std::unique_ptr<MigrationLock> make_auto_lock(const LockSettings& settings, Connection& connection,
                                              const Bookkeeping& books, const Dialect& dialect,
                                              ConnectionFactory connect) {
  return std::make_unique<AutoLock>(settings, connection, books, dialect, std::move(connect));
}

}  // namespace host
