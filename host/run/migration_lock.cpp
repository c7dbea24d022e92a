#include "host/run/migration_lock.hpp"

#include "host/log/logger.hpp"
#include "host/plugins/plugins.hpp"
#include "host/run/auto_lock.hpp"
#include "host/run/bookkeeping.hpp"
#include "host/run/lock_table.hpp"

namespace host {
namespace {

// The dialect's session lock: the server drops it with the session, so a
// crashed run never leaves it behind.
class AdvisoryLock final : public MigrationLock {
 public:
  AdvisoryLock(Connection& connection, std::string key, double timeout)
      : connection_(connection), key_(std::move(key)), timeout_(timeout) {}
  void acquire() override {
    logger().debug("waiting for the migration lock", {{"key", key_}});
    connection_.lock(key_, timeout_);
  }
  void release() override { connection_.unlock(key_); }

 private:
  Connection& connection_;
  std::string key_;
  double timeout_;
};

class NoLock final : public MigrationLock {
 public:
  void acquire() override {
    logger().warn("lock = none: no migration lock is taken, so concurrent runs may apply the same revision twice");
  }
  void release() override {}
};

}  // namespace

LockMode lock_mode_from(const std::string& word) {
  if (word == "table") return LockMode::table;
  if (word == "none") return LockMode::none;
  if (word == "advisory") return LockMode::advisory;
  return LockMode::automatic;
}

std::unique_ptr<MigrationLock> make_migration_lock(const LockSettings& settings, Connection& connection,
                                                   const Bookkeeping& books, const Dialect& dialect,
                                                   ConnectionFactory connect) {
  switch (settings.mode) {
    case LockMode::table:
      return std::make_unique<TableLock>(settings, connection, LockTableSql(dialect, books), std::move(connect));
    case LockMode::none:
      return std::make_unique<NoLock>();
    case LockMode::automatic:
      if (dialect.has_session_lock())
        return make_auto_lock(settings, connection, books, dialect, std::move(connect));
      break;
    case LockMode::advisory:
      break;
  }
  return std::make_unique<AdvisoryLock>(connection, books.lock_key(), settings.timeout_seconds);
}

}  // namespace host
