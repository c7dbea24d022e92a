// The PostgreSQL dialect: what retort::dialect asks of an engine, answered
// for PostgreSQL 10 and later (identity columns) on libpqxx 6.
#pragma once

#include <retort/sdk/dialect.hpp>

namespace retort::postgresql {

class postgresql_dialect final : public retort::dialect {
 public:
  bool transactional_ddl() const noexcept override { return true; }
  const char* begin_sql() const noexcept override { return "BEGIN"; }
  const char* commit_sql() const noexcept override { return "COMMIT"; }
  /// The migration lock is a session advisory lock.
  std::uint32_t capabilities() const noexcept override { return RETORT_DIALECT_SESSION_LOCK | RETORT_DIALECT_DROP_DATABASE_FORCE; }
  /// now() is when the revision's transaction began: the nearest a script has
  /// to the moment an online run takes as started_at.
  const char* utc_now_sql() const noexcept override {
    return "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }

  /// Options: url.* and param.* (see conninfo.hpp; param.retort_ddl_after_write
  /// in ddl_after_write.hpp), version_table_schema.
  std::unique_ptr<retort::connection> connect(std::string_view url, const options& opts) override;
  void render(const retort_op& op, const statement_out& out) override;
  void split(std::string_view script, const statement_out& out) override;
  std::string quote_identifier(std::string_view name) const override;
  std::string quote_literal(std::string_view value) const override;
};

}  // namespace retort::postgresql
