// `lock = auto` (the default): the dialect's session lock where it can be
// trusted, else the lease-table lock, with one info line saying why. A
// session lock is not trusted when
//   - the dialect says so for this connection (session_lock_doubt: a Galera
//     node, whose GET_LOCK is local to it; a connection pooler between
//     retort and PostgreSQL, which may run the next transaction on another
//     server session), or
//   - a second session takes the same lock while this one holds it (a lock
//     that reports success without locking, as some PG-wire engines do).
// Where it is trusted, the run takes the lease-table row as well, once the
// session lock is held: a run through a pooler to the same database sees
// only the table, and must find it taken. That row is marked as a session
// holder's (lock_table.hpp), so a direct run killed with -9 does not keep
// the next direct run waiting for its lease. Release lets go of the row
// first, then of the session lock.
// An engine whose lock is the database's own (no RETORT_DIALECT_SESSION_LOCK,
// SQLite's write lock) needs neither check. `lock = advisory` forces the
// session lock alone; docs/clusters.md and docs/decisions.md have the
// trade-offs.
#pragma once

#include <memory>

#include "host/run/migration_lock.hpp"

namespace host {

std::unique_ptr<MigrationLock> make_auto_lock(const LockSettings& settings, Connection& connection,
                                              const Bookkeeping& books, const Dialect& dialect,
                                              ConnectionFactory connect);

}  // namespace host
