#include <sqlite/connection.hpp>

#include "sqlite/busy_timeout.hpp"

#include <sqlite3.h>

namespace retort::sqlite {
namespace {

[[noreturn]] void cannot_open(std::string_view path, std::string_view why, sqlite3* db) {
  throw failure("cannot open SQLite database '" + std::string(path) + "': " + std::string(why),
                RETORT_ERROR_DATABASE, {}, db ? sqlite3_extended_errcode(db) : 0);
}

// The first column of the first row `sql` returns; "" for none.
std::string first_value(sqlite3* db, const std::string& sql, int& rc) {
  sqlite3_stmt* stmt = nullptr;
  rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  std::string value;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      if (const unsigned char* text = sqlite3_column_text(stmt, 0)) value = reinterpret_cast<const char*>(text);
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(stmt);
  return value;
}

// Right after opening, so every statement of the run, retort's own
// bookkeeping included, sees them. Outside any transaction, where SQLite
// honours both (foreign_keys is a no-op inside one).
void apply_pragmas(sqlite3* db, const open_settings& s) {
  if (s.foreign_keys) {
    const std::string sql = std::string("PRAGMA foreign_keys = ") + (*s.foreign_keys ? "ON" : "OFF");
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
      cannot_open(s.path, "URL parameter foreign_keys: " + std::string(sqlite3_errmsg(db)), db);
  }
  if (s.journal_mode) {
    int rc = SQLITE_OK;
    const std::string mode = first_value(db, "PRAGMA journal_mode = " + *s.journal_mode, rc);
    const std::string what = "URL parameter journal_mode=" + *s.journal_mode + ": ";
    if (rc != SQLITE_OK) cannot_open(s.path, what + sqlite3_errmsg(db), db);
    if (mode != *s.journal_mode && s.path != ":memory:")
      cannot_open(s.path, what + "SQLite kept journal mode '" + mode + "'", db);
  }
}

}  // namespace

std::unique_ptr<sqlite_connection> sqlite_connection::open(std::string_view path, double busy_timeout_seconds) {
  open_settings settings;
  settings.path = std::string(path);
  settings.busy_timeout_ms = busy_timeout_ms(busy_timeout_seconds);
  return open(settings);
}

std::unique_ptr<sqlite_connection> sqlite_connection::open(const open_settings& settings) {
  const std::string_view path = settings.path;
  if (path.empty())
    throw failure(
        "the sqlite URL names no database file: use sqlite:///relative.db, "
        "sqlite:////absolute.db or sqlite://:memory:",
        RETORT_ERROR_USAGE);
  if (path.find('\0') != std::string_view::npos)
    throw failure("the sqlite database path contains a NUL byte", RETORT_ERROR_USAGE);

  std::string file(path);
  // SQLite builds with SQLITE_USE_URI (Debian's, for one) read "file:..." as
  // a URI with its own options; the URL has already named a plain file.
  if (file.compare(0, 5, "file:") == 0) file = "./" + file;

  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (the lease renewer
  // opens its own; cancel()'s sqlite3_interrupt is safe from any thread), so
  // the per-call mutex of the serialised mode is pure cost, 7% of reading a
  // 10,000-row history (bench/).
  int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  // The connection owns `db` from here, even when opening failed.
  std::unique_ptr<sqlite_connection> conn(new sqlite_connection(db, std::string(path)));
  if (rc != SQLITE_OK) cannot_open(path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), db);
  sqlite3_extended_result_codes(db, 1);
  // Another run may hold the write lock or be committing: even reading the
  // schema must wait for it rather than fail with SQLITE_BUSY.
  sqlite3_busy_timeout(db, settings.busy_timeout_ms);

  // Opening is lazy: a file that is not a database fails only when read.
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK)
    cannot_open(path, sqlite3_errmsg(db), db);
  // SQLite silently falls back to read-only when the file is not writable;
  // a migration would then fail at its first write, far from the cause.
  if (sqlite3_db_readonly(db, "main") == 1) cannot_open(path, "the file is read-only", db);
  apply_pragmas(db, settings);
  return conn;
}

sqlite_connection::~sqlite_connection() {
  // Closing with the lock's transaction still open rolls it back: a run that
  // never reached unlock() leaves the database as it was before lock().
  sqlite3_close_v2(db_);
}

void sqlite_connection::run(const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return;
  std::string why = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  throw failure(std::string(sql) + " failed: " + why, RETORT_ERROR_DATABASE, {},
                sqlite3_extended_errcode(db_));
}

}  // namespace retort::sqlite
