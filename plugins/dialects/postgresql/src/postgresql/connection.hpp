// A live PostgreSQL session on libpqxx: the retort::connection the host
// drives. It owns the pqxx connection, the open transaction (if any) and the
// handler that keeps server notices off stderr.
#pragma once

#include "postgresql/advisory_lock.hpp"
#include "postgresql/ddl_after_write.hpp"

#include <retort/sdk/dialect.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pqxx {
class connection_base;
class transaction_base;
}  // namespace pqxx

namespace retort::postgresql {

class postgresql_connection final : public retort::connection {
 public:
  /// Connects with a libpq `conninfo`. `password` is scrubbed from every
  /// message this session reports; `default_schema` (version_table_schema,
  /// may be empty) is where table_exists looks when asked for no schema;
  /// `ddl_after_write` is whether this session refuses DDL after a write in
  /// one transaction (ddl_after_write.hpp). Throws a RETORT_ERROR_DATABASE
  /// failure with one line when the server cannot be reached or refuses the
  /// login.
  postgresql_connection(const std::string& conninfo, std::string password, std::string default_schema,
                        ddl_after_write_rule ddl_after_write = ddl_after_write_rule::allow);
  ~postgresql_connection() override;

  postgresql_connection(const postgresql_connection&) = delete;
  postgresql_connection& operator=(const postgresql_connection&) = delete;

  /// Runs a script through the simple query protocol: in the open
  /// transaction after begin(), else in autocommit.
  void execute(std::string_view sql) override;
  void query_rows(std::string_view sql, const std::function<void(const row&)>& on_row) override;
  void begin() override;
  void commit() override;
  /// Without an open transaction, does nothing: cleanup paths may call it twice.
  void rollback() override;
  /// A session-level advisory lock: it survives COMMIT and ends with unlock()
  /// or the connection.
  void lock(std::string_view key, double timeout_seconds) override;
  /// Releasing a lock this session does not hold does nothing.
  void unlock(std::string_view key) override;
  bool table_exists(std::string_view schema, std::string_view table) override;
  /// Sends libpq's cancel request for the running statement (safe from
  /// another thread: it reads only the connection's fixed cancel key).
  void cancel() override;
  std::string session_lock_doubt() override;
  /// ABI 1.2: the live schema from pg_catalog; `schema` "" is
  /// current_schema(), tables in `skip` compare exactly. See introspect.cpp.
  void introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) override;

 private:
  class notice_silencer;
  class pqxx_state;

  // Runs `body` on the open transaction, or on a fresh autocommit one, with
  // libpqxx exceptions translated (naming `statement`).
  void run(std::string_view statement, const std::function<void(pqxx::transaction_base&)>& body);
  std::optional<lock_holder> find_lock_holder(std::int64_t key);
  void reset_lock_timeout() noexcept;

  std::unique_ptr<pqxx_state> pq_;
  std::string password_;
  std::string default_schema_;
  ddl_after_write_guard ddl_after_write_;
};

}  // namespace retort::postgresql
