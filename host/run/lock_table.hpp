// `lock = table`: the migration lock as a row in a lock table
// (lock_table_sql.hpp) with a lease, for setups where a session lock is
// unsafe because statements of one client may reach different server
// sessions (PgBouncer in transaction pooling). Every step is a short
// transaction of its own, so it needs no session state:
//   acquire   INSERT the row; if one exists and its lease has ended, take it
//             over with an UPDATE that only matches that expired owner (and
//             warn, naming it); otherwise poll until lock_timeout (exit 5).
//   hold      a LeaseRenewer on a second connection extends the lease every
//             third of it; if the lease is lost, check_held() stops the run.
//   release   DELETE the row, matched by this run's token.
// A run that dies leaves its row, which the next run takes over once the
// lease has run out: the lock never stays stale longer than one lease.
// `lock = auto` also takes the row beside a trusted session lock
// (auto_lock.hpp); such a row is marked, and a run holding the session lock
// takes a marked row over at once, since the server ended its owner's
// session lock only with the owner's session.
// Leases are compared by the clients' clocks, which must agree to well
// within a lease (NTP does).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "host/errors/error.hpp"
#include "host/run/lease_renewer.hpp"
#include "host/run/lock_table_sql.hpp"
#include "host/run/migration_lock.hpp"

namespace host {

class TableLock final : public MigrationLock {
 public:
  /// `beside_session_lock`: the caller holds the dialect's session lock on
  /// `connection` until after release(). The row is then marked
  /// (LockOwner::held_session_lock), and a marked row in the way is taken
  /// over without waiting for its lease: its owner's session lock has ended.
  TableLock(const LockSettings& settings, Connection& connection, LockTableSql sql, ConnectionFactory connect,
            bool beside_session_lock = false);
  ~TableLock() override;

  void acquire() override;
  /// acquire(), renewing the lease on `renewal`, which the caller opened
  /// before taking anything (a run that cannot renew must not hold the lock).
  void acquire_renewing_on(std::unique_ptr<Connection> renewal);
  void release() override;
  void check_held() override;

 private:
  /// Creates the lock table if it is missing; tolerates a concurrent run
  /// creating it at the same moment.
  void ensure_table();
  /// A new owner record for this run, its lease starting now.
  LockOwner fresh_owner() const;
  /// Runs `sql` in a transaction of its own; false (rolled back) if it fails.
  bool try_in_transaction(const std::string& sql, std::optional<Error>& failure);
  std::optional<LockOwner> read_owner();
  /// Replaces `holder` (expired before `now_ms`, or gone whatever its lease)
  /// by this run, warning once; this run's row if it now holds it.
  std::optional<LockOwner> take_over(const LockOwner& holder, bool owner_gone, long long now_ms);
  Error not_acquired(const LockOwner& holder) const;
  void hold(const LockOwner& me, std::unique_ptr<Connection> renewal);

  LockSettings settings_;
  Connection& connection_;
  LockTableSql sql_;
  ConnectionFactory connect_;
  const bool beside_session_lock_;
  std::string token_;
  bool conflicted_ = false;  // the last try_in_transaction failed on a deadlock or serialization conflict
  std::unique_ptr<LeaseRenewer> renewer_;  // while held
};

}  // namespace host
