// The migration lock and transactions. SQLite holds a write lock only inside
// a transaction, so the lock IS the run's transaction and each step inside
// it is a savepoint (README.md explains the consequences).
#include <sqlite/connection.hpp>

#include "sqlite/busy_timeout.hpp"

#include <sqlite3.h>

#include <climits>
#include <sstream>

namespace retort::sqlite {
namespace {

std::string seconds_text(double seconds) {
  std::ostringstream out;
  out << seconds;
  return out.str();
}

}  // namespace

void sqlite_connection::lock(std::string_view, double timeout_seconds) {
  if (locked_)
    throw failure("lock: this connection already holds the migration lock", RETORT_ERROR_USAGE);
  if (!sqlite3_get_autocommit(db_))
    throw failure("lock: a transaction is already open; take the migration lock before begin()",
                  RETORT_ERROR_USAGE);
  // The busy handler stays for the whole run: COMMIT may also have to wait
  // for readers to finish.
  sqlite3_busy_timeout(db_, busy_timeout_ms(timeout_seconds));
  int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if ((rc & 0xff) == SQLITE_BUSY)
    throw failure("database is locked by another writer; waited " + seconds_text(timeout_seconds) + " s",
                  RETORT_ERROR_LOCK_TIMEOUT, {}, sqlite3_extended_errcode(db_));
  if (rc != SQLITE_OK)
    throw failure("lock: BEGIN IMMEDIATE failed: " + std::string(sqlite3_errmsg(db_)),
                  RETORT_ERROR_DATABASE, {}, sqlite3_extended_errcode(db_));
  locked_ = true;
  open_steps_ = 0;
}

void sqlite_connection::unlock(std::string_view) {
  if (!locked_) return;  // idempotent, so error paths can always call it
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
  if (!locked_) return run("BEGIN");
  if (sqlite3_get_autocommit(db_)) throw_lost_transaction("begin");
  run("SAVEPOINT retort_step");
  ++open_steps_;
}

void sqlite_connection::commit() {
  if (!locked_) return run("COMMIT");
  if (open_steps_ == 0)
    throw failure("commit: no step is open (begin() was not called)", RETORT_ERROR_USAGE);
  if (sqlite3_get_autocommit(db_)) throw_lost_transaction("commit");
  run("RELEASE retort_step");
  --open_steps_;
}

void sqlite_connection::rollback() {
  if (!locked_) {
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
  throw failure(std::string(during) +
                    ": the transaction holding the migration lock has ended (a script ran COMMIT "
                    "or ROLLBACK, or SQLite rolled back after an error); the lock is lost",
                RETORT_ERROR_DATABASE);
}

}  // namespace retort::sqlite
