// Keeps a `lock = table` lease alive: a thread with a connection of its own
// renews the lock row every third of the lease while the run works on its
// own session (which is busy, and not thread-safe).
//
// Finding the row gone or owned by another run means this run was away
// (stopped, or cut off from the database) longer than its lease and another
// run took the lock over: the run must stop, and lost() says why. Failing
// to renew until the lease has run out counts as lost too, since from then
// on another run may take it.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "host/run/lock_table_sql.hpp"

namespace host {

class Connection;

/// Milliseconds since the Unix epoch, by this machine's clock.
long long epoch_ms_now();

class LeaseRenewer {
 public:
  /// Starts renewing the lease of the row owned by `token`, which expires at
  /// `expires_at_ms`. `sql` must outlive the renewer.
  LeaseRenewer(std::unique_ptr<Connection> connection, const LockTableSql& sql, std::string token,
               double lease_seconds, long long expires_at_ms);
  /// Stops the thread.
  ~LeaseRenewer();
  LeaseRenewer(const LeaseRenewer&) = delete;
  LeaseRenewer& operator=(const LeaseRenewer&) = delete;

  /// Stops renewing and waits for the thread; idempotent.
  void stop();
  /// Why the lock is lost, once it is.
  std::optional<std::string> lost() const;
  /// The renewer's own session; use only after stop() (the lock can still
  /// be released through it when the run's session is gone).
  Connection& connection() { return *connection_; }

 private:
  void loop();
  /// One renewal; returns why the lock is lost, if it is.
  std::optional<std::string> renew_once();

  std::unique_ptr<Connection> connection_;
  const LockTableSql& sql_;
  const std::string token_;
  const long long lease_ms_;
  long long expires_at_ms_;  // of the last renewal that succeeded; thread-owned

  mutable std::mutex mutex_;  // guards stopping_ and lost_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<std::string> lost_;
  std::thread thread_;  // last: started once everything it reads exists
};

}  // namespace host
