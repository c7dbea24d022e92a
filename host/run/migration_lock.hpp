// The migration lock an online run holds (SPEC §6), in the mode `lock =`
// chooses:
//   auto      (the default) advisory plus the table's row where advisory
//             can be trusted, else table (auto_lock.hpp);
//   advisory  the dialect's own lock on the session (PostgreSQL advisory
//             lock, MariaDB GET_LOCK, SQLite's write transaction): released
//             by the server when the session ends, so it never goes stale;
//   table     a row in a lock table with a lease the run keeps renewing
//             (lock_table.hpp), for setups where session state is unsafe,
//             such as PgBouncer in transaction pooling;
//   none      no lock at all, with a warning.
// It knows nothing of the command line: the CLI hands it settings and a way
// to open another connection.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace host {

class Bookkeeping;
class Connection;
class Dialect;

enum class LockMode { automatic, advisory, table, none };

/// "auto" | "advisory" | "table" | "none" (the config has checked the word).
LockMode lock_mode_from(const std::string& word);

struct LockSettings {
  LockMode mode = LockMode::automatic;
  double timeout_seconds = 60;  ///< how long acquire() waits
  double lease_seconds = 30;    ///< `table`: how long a lease lasts unrenewed
  std::string host_name;        ///< `table`: recorded as the owner
};

class MigrationLock {
 public:
  virtual ~MigrationLock() = default;
  /// Waits at most the timeout; Error(ExitCode::lock) when it is not acquired.
  virtual void acquire() = 0;
  /// Lets go; throws on failure (the caller decides whether that matters).
  virtual void release() = 0;
  /// Throws Error(ExitCode::lock) once the lock is known to be lost (a
  /// `table` lease another run took over); cheap, called between statements.
  virtual void check_held() {}
};

/// Opens another connection to the same database (the `table` lease is
/// renewed on its own session while the run's session is busy).
using ConnectionFactory = std::function<std::unique_ptr<Connection>()>;

/// The lock for `settings.mode`, taken on `connection`; both `connection`
/// and `books` must outlive it.
std::unique_ptr<MigrationLock> make_migration_lock(const LockSettings& settings, Connection& connection,
                                                   const Bookkeeping& books, const Dialect& dialect,
                                                   ConnectionFactory connect);

}  // namespace host
