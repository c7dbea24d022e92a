// An online session: connected, holding the migration lock, with retort's
// tables in place. The lock is released (and on SQLite the run committed)
// when the session ends, on every path.
#pragma once

#include <memory>

#include "host/cli/app.hpp"
#include "host/run/store.hpp"

namespace host {

class LockedSession {
 public:
  explicit LockedSession(App& app);
  ~LockedSession();
  LockedSession(const LockedSession&) = delete;
  LockedSession& operator=(const LockedSession&) = delete;

  Connection& connection() { return *connection_; }
  const Bookkeeping& books() const { return books_; }
  VersionStore& store() { return store_; }
  /// Releases the lock now, reporting failure (the destructor only logs).
  void release();

 private:
  std::unique_ptr<Connection> connection_;
  Bookkeeping books_;
  VersionStore store_;
  bool locked_ = false;
};

/// Throws Error(database) describing a revision left `pending`, unless the
/// caller resumes it.
void refuse_pending(const std::vector<HistoryRow>& pending);

}  // namespace host
