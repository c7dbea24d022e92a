// A live SQLite session: scripts, queries, transactions and the migration
// lock. See README.md for how the lock and transactions fit together.
#pragma once

#include <retort/sdk/dialect.hpp>

#include "sqlite/open_settings.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace retort::sqlite {

class sqlite_connection final : public retort::connection {
 public:
  /// Opens (creating if needed) the database file `path`, relative to the
  /// current directory, or ":memory:". failure(USAGE) for an empty path,
  /// failure(DATABASE) naming the file when it cannot be opened, is not a
  /// database, or is read-only.
  /// Opens `path`; reads wait up to `busy_timeout_seconds` for another writer.
  static std::unique_ptr<sqlite_connection> open(std::string_view path, double busy_timeout_seconds = 60);
  /// Opens `settings.path` as above, then applies the URL's pragmas
  /// (foreign_keys, journal_mode) before anything else runs on it.
  /// failure(DATABASE) naming the parameter when SQLite refuses one, or
  /// keeps another journal mode than asked (except for ":memory:", where
  /// SQLite answers "memory" to wal, delete, truncate and persist alike).
  static std::unique_ptr<sqlite_connection> open(const open_settings& settings);
  ~sqlite_connection() override;
  sqlite_connection(const sqlite_connection&) = delete;
  sqlite_connection& operator=(const sqlite_connection&) = delete;

  /// Runs every statement of `sql`; a failure names the statement (index,
  /// message, shortened text) and carries SQLite's extended error code.
  void execute(std::string_view sql) override;
  /// Runs exactly one statement; values are text, NULL is std::nullopt.
  void query_rows(std::string_view sql, const std::function<void(const row&)>& on_row) override;

  /// Inside the lock: SAVEPOINT / RELEASE / ROLLBACK TO + RELEASE of
  /// "retort_step". Without it: BEGIN / COMMIT / ROLLBACK.
  /// With foreign keys on when the outermost transaction began (lock(), or
  /// begin() without it), they are off until it ends, and commit() first
  /// runs `PRAGMA foreign_key_check` on the main database: a violation is
  /// failure(DATABASE) naming the tables ("foreign key check failed after
  /// this step: 2 rows of c reference missing rows of p"), and the step or
  /// transaction stays open for rollback(). See transactions.cpp.
  void begin() override;
  void commit() override;
  void rollback() override;
  /// BEGIN IMMEDIATE, waiting at most `timeout_seconds` for other writers
  /// (foreign keys off first if they were on; see begin()).
  /// `key` is ignored: SQLite has one write lock per database file.
  void lock(std::string_view key, double timeout_seconds) override;
  /// Rolls back steps never committed, then COMMITs the run; foreign keys
  /// that were on are on again afterwards, whether COMMIT succeeded or not.
  void unlock(std::string_view key) override;

  /// Whether `table` is a table of `schema` ("" or "main": the main
  /// database; any other name: that attached database, false if none is
  /// attached under it). Case-insensitive, as SQLite's names are.
  bool table_exists(std::string_view schema, std::string_view table) override;

  /// sqlite3_interrupt(), which SQLite allows from another thread. An
  /// interrupted write inside a transaction makes SQLite roll back the whole
  /// transaction, so under the lock the run's earlier steps are undone too
  /// (the same outcome as a crash); the next begin/commit/rollback reports
  /// the lock lost.
  void cancel() override;

  /// ABI 1.2: `schema` "" or "main", or an attached database's name; tables
  /// in `skip` compare case-insensitively, as SQLite's names do. See
  /// introspect.cpp.
  void introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) override;

  /// Whether the migration lock (the outer write transaction) is held.
  bool locked() const noexcept { return locked_; }

 private:
  explicit sqlite_connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  /// Runs one internal statement (no rows); failure(DATABASE) on error.
  void run(const char* sql);
  [[noreturn]] void throw_lost_transaction(const char* during);
  /// `begin_sql` (BEGIN), foreign keys suspended around it as lock() does.
  void begin_outermost(const char* begin_sql);
  /// Outside a transaction: foreign keys off if they are on, remembered in keys_suspended_.
  void suspend_foreign_keys();
  /// Foreign keys on again if they were suspended and no transaction is open.
  void resume_foreign_keys() noexcept;
  /// While suspended: failure(DATABASE) naming every violation in the main
  /// database. Otherwise nothing (no check runs).
  void check_foreign_keys();
  /// Whether `sql`, with `parameter` bound to ?1, returns a row.
  bool has_row(const std::string& sql, std::string_view parameter);

  sqlite3* db_;
  std::string path_;  // as given, for messages
  bool locked_ = false;
  int open_steps_ = 0;  // savepoints begun and not yet committed or rolled back
  // Foreign keys were on when the outermost transaction began and are off
  // until it ends: steps are checked at commit() instead.
  bool keys_suspended_ = false;
};

}  // namespace retort::sqlite
