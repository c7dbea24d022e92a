// The SQLite dialect: what the plugin exports through the SDK.
#pragma once

#include <retort/sdk/dialect.hpp>

namespace retort::sqlite {

class sqlite_dialect final : public retort::dialect {
 public:
  /// SQLite's DDL rolls back with its transaction.
  bool transactional_ddl() const noexcept override { return true; }
  const char* begin_sql() const noexcept override { return "BEGIN"; }
  const char* commit_sql() const noexcept override { return "COMMIT"; }
  /// %f is seconds with milliseconds.
  /// sqlite:///relative.db, sqlite:////absolute.db, sqlite://:memory:
  std::uint32_t capabilities() const noexcept override {
    return RETORT_DIALECT_FILE_URL | RETORT_DIALECT_REBUILDS_TABLES;
  }
  const char* utc_now_sql() const noexcept override { return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"; }

  /// Opens option url.database (see sqlite_connection::open); the URL itself
  /// is never read or echoed.
  std::unique_ptr<retort::connection> connect(std::string_view url, const options& opts) override;
  void render(const retort_op& op, const statement_out& out) override;
  void split(std::string_view script, const statement_out& out) override;
  std::string quote_identifier(std::string_view name) const override;
  std::string quote_literal(std::string_view value) const override;
};

}  // namespace retort::sqlite
