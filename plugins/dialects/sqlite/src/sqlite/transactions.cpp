// The migration lock and transactions. SQLite holds a write lock only inside
// a transaction, so the lock IS the run's transaction and each step inside
// it is a savepoint (README.md explains the consequences).
//
// Foreign keys: `PRAGMA foreign_keys` is a no-op inside a transaction, and a
// table rebuild must run with them off (sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes": DROP TABLE of a parent
// deletes its rows first, which cascades into the children). So, as SQLite
// documents and Django's SQLite schema editor does, enforcement that was on
// is turned off before the outermost transaction begins, each step ends with
// `PRAGMA foreign_key_check` instead, and it is turned on again once that
// transaction has ended, on every path.
#include <sqlite/connection.hpp>

#include "sqlite/busy_timeout.hpp"

#include <sqlite3.h>

#include <climits>
#include <sstream>
#include <utility>

namespace retort::sqlite {
namespace {

std::string seconds_text(double seconds) {
  std::ostringstream out;
  out << seconds;
  return out.str();
}

// "2 rows of c reference missing rows of p"
std::string violation_text(std::string_view count, std::string_view table, std::string_view parent) {
  const bool one = count == "1";
  return std::string(count) + (one ? " row of " : " rows of ") + std::string(table) +
         (one ? " references" : " reference") + " missing rows of " + std::string(parent);
}

// Runs `f` when it goes out of scope, however the scope is left.
template <class F>
struct at_exit {
  F f;
  ~at_exit() { f(); }
};
template <class F>
at_exit<F> make_at_exit(F f) {
  return at_exit<F>{std::move(f)};
}

}  // namespace

void sqlite_connection::suspend_foreign_keys() {
  // Still off after a transaction that ended without us (a failed COMMIT
  // that ended it anyway): they were on, and that is remembered.
  if (keys_suspended_) return;
  bool on = false;
  query_rows("PRAGMA foreign_keys", [&](const row& r) { on = !r.empty() && r[0] && *r[0] == "1"; });
  if (!on) return;
  run("PRAGMA foreign_keys = OFF");
  keys_suspended_ = true;
}

void sqlite_connection::resume_foreign_keys() noexcept {
  // Only outside a transaction, where the pragma takes effect; a path that
  // ends with the transaction still open (a COMMIT that failed) leaves it to
  // the path that ends it. The pragma cannot fail there: it only sets a flag
  // of the connection.
  if (!keys_suspended_ || !sqlite3_get_autocommit(db_)) return;
  sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  keys_suspended_ = false;
}

void sqlite_connection::check_foreign_keys() {
  if (!keys_suspended_) return;  // SQLite's default, off: nothing was enforced, nothing to check
  std::string found;
  // The whole main database: a step may orphan the children of a table it
  // changed as well as rows of its own.
  query_rows("SELECT \"table\", parent, COUNT(*) FROM pragma_foreign_key_check "
             "GROUP BY \"table\", parent ORDER BY \"table\", parent",
             [&](const row& r) {
               found += (found.empty() ? "" : "; ") +
                        violation_text(r[2].value_or("?"), r[0].value_or("?"), r[1].value_or("?"));
             });
  if (!found.empty())
    throw failure("foreign key check failed after this step: " + found, RETORT_ERROR_DATABASE);
}

void sqlite_connection::begin_outermost(const char* begin_sql) {
  suspend_foreign_keys();
  try {
    run(begin_sql);
  } catch (...) {
    resume_foreign_keys();
    throw;
  }
}

void sqlite_connection::lock(std::string_view, double timeout_seconds) {
  if (locked_)
    throw failure("lock: this connection already holds the migration lock", RETORT_ERROR_USAGE);
  if (!sqlite3_get_autocommit(db_))
    throw failure("lock: a transaction is already open; take the migration lock before begin()",
                  RETORT_ERROR_USAGE);
  // The busy handler stays for the whole run: COMMIT may also have to wait
  // for readers to finish.
  sqlite3_busy_timeout(db_, busy_timeout_ms(timeout_seconds));
  suspend_foreign_keys();
  int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    const int code = sqlite3_extended_errcode(db_);
    const std::string why = sqlite3_errmsg(db_);
    resume_foreign_keys();
    if ((rc & 0xff) == SQLITE_BUSY)
      throw failure("database is locked by another writer; waited " + seconds_text(timeout_seconds) + " s",
                    RETORT_ERROR_LOCK_TIMEOUT, {}, code);
    throw failure("lock: BEGIN IMMEDIATE failed: " + why, RETORT_ERROR_DATABASE, {}, code);
  }
  locked_ = true;
  open_steps_ = 0;
}

void sqlite_connection::unlock(std::string_view) {
  if (!locked_) return;  // idempotent, so error paths can always call it
  const auto resume = make_at_exit([this] { resume_foreign_keys(); });
  // A step never committed must not become durable because the run ends.
  while (open_steps_ > 0 && !sqlite3_get_autocommit(db_)) {
    run("ROLLBACK TO retort_step");
    run("RELEASE retort_step");
    --open_steps_;
  }
  // If the transaction already ended (a script's COMMIT, or SQLite's own
  // rollback after an error that the caller has been told about), there is
  // nothing left to commit.
  if (!sqlite3_get_autocommit(db_)) run("COMMIT");
  locked_ = false;
  open_steps_ = 0;
}

void sqlite_connection::begin() {
  if (!locked_) return begin_outermost("BEGIN");
  if (sqlite3_get_autocommit(db_)) throw_lost_transaction("begin");
  run("SAVEPOINT retort_step");
  ++open_steps_;
}

void sqlite_connection::commit() {
  // A violation leaves the step (or transaction) open: the caller rolls it back.
  if (!locked_) {
    if (!sqlite3_get_autocommit(db_)) check_foreign_keys();
    const auto resume = make_at_exit([this] { resume_foreign_keys(); });
    return run("COMMIT");
  }
  if (open_steps_ == 0)
    throw failure("commit: no step is open (begin() was not called)", RETORT_ERROR_USAGE);
  if (sqlite3_get_autocommit(db_)) throw_lost_transaction("commit");
  check_foreign_keys();
  run("RELEASE retort_step");
  --open_steps_;
}

void sqlite_connection::rollback() {
  if (!locked_) {
    const auto resume = make_at_exit([this] { resume_foreign_keys(); });
    // SQLite rolls back by itself after some errors (disk full, I/O, busy);
    // then there is nothing left to undo.
    if (!sqlite3_get_autocommit(db_)) run("ROLLBACK");
    return;
  }
  if (open_steps_ == 0)
    throw failure("rollback: no step is open (begin() was not called)", RETORT_ERROR_USAGE);
  if (sqlite3_get_autocommit(db_)) throw_lost_transaction("rollback");
  // ROLLBACK TO keeps the savepoint open; RELEASE closes it.
  run("ROLLBACK TO retort_step");
  run("RELEASE retort_step");
  --open_steps_;
}

void sqlite_connection::throw_lost_transaction(const char* during) {
  // The transaction that is the lock has ended under us: the lock is gone
  // and earlier steps were committed or undone outside retort's control.
  locked_ = false;
  open_steps_ = 0;
  resume_foreign_keys();
  throw failure(std::string(during) +
                    ": the transaction holding the migration lock has ended (a script ran COMMIT "
                    "or ROLLBACK, or SQLite rolled back after an error); the lock is lost",
                RETORT_ERROR_DATABASE);
}

}  // namespace retort::sqlite
