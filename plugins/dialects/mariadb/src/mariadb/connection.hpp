// A live session with a MariaDB (or MySQL) server over Connector/C.
#pragma once

#include "mariadb/connect_settings.hpp"

#include <retort/sdk/dialect.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct st_mysql;

namespace retort::mariadb {

class mariadb_connection final : public connection {
 public:
  /// Connects with CLIENT_MULTI_STATEMENTS and automatic reconnection off
  /// (a silent reconnect would drop the migration lock and the open
  /// transaction). Throws retort::failure (database) with one line naming
  /// the server, the user and Connector/C's error; never the password.
  /// Then sets the settings' session_variables; one the server refuses is
  /// a failure (usage) naming the URL parameter.
  explicit mariadb_connection(const connect_settings& settings);
  ~mariadb_connection() override;
  mariadb_connection(const mariadb_connection&) = delete;
  mariadb_connection& operator=(const mariadb_connection&) = delete;

  /// Sends the script whole and drains every result. When statement N
  /// fails, the statements before it stay applied (DDL commits implicitly)
  /// and the failure carries N (as split() counts), the error number, the
  /// SQLSTATE and the statement, shortened. A script with DELIMITER lines
  /// or empty statements runs statement by statement, as the mysql client
  /// would send it: the server rejects both.
  void execute(std::string_view sql) override;
  void query_rows(std::string_view sql, const std::function<void(const row&)>& on_row) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  /// GET_LOCK on lock_name(database, key); see connection_lock.cpp.
  void lock(std::string_view key, double timeout_seconds) override;
  void unlock(std::string_view key) override;
  bool table_exists(std::string_view schema, std::string_view table) override;
  std::string session_lock_doubt() override;
  /// ABI 1.2: the database `schema` (empty: DATABASE()) from
  /// information_schema; see introspect.cpp.
  void introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) override;

 private:
  struct closer {
    void operator()(st_mysql* db) const noexcept;
  };

  /// The last Connector/C error as "<context>: <message> (error N,
  /// SQLSTATE S)<suffix>", the password scrubbed.
  failure last_error(const std::string& context, int statement_index = -1,
                     const std::string& suffix = {}) const;
  [[noreturn]] void fail_last(const std::string& context) const;
  std::string scrub(std::string message) const;
  /// SET SESSION for each of `s.session_variables`, in order.
  void set_session_variables(const connect_settings& s);
  /// Sends `sql`; on failure throws with `context`.
  void send(std::string_view sql, const std::string& context);
  /// Runs `sql` as one multi-statement query. A failure names the failing
  /// statement of `sql`, numbered as split() would, or `outer_index`.
  void run_script(std::string_view sql, std::optional<int> outer_index);
  /// Discards what is left of a multi-statement query after an exception.
  void drain_quietly() noexcept;
  /// The first column of the first row; std::nullopt for SQL NULL or no row.
  std::optional<std::string> query_value(std::string_view sql);
  /// A string literal escaped by the server's current rules.
  std::string literal(std::string_view value) const;
  std::string describe_lock_holder(const std::string& name_literal);

  std::unique_ptr<st_mysql, closer> db_;
  std::string password_;
  std::string database_;
};

}  // namespace retort::mariadb
