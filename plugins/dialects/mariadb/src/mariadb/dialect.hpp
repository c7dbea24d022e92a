// The MariaDB dialect as the SDK sees it: rendering and splitting without a
// server, connections through Connector/C. Exported by plugin.cpp.
#pragma once

#include <retort/sdk/dialect.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace retort::mariadb {

class mariadb_dialect final : public dialect {
 public:
  /// "mariadb" and "mysql".
  /// MariaDB commits DDL implicitly; the host keeps pending history rows.
  bool transactional_ddl() const noexcept override { return false; }
  const char* begin_sql() const noexcept override { return "START TRANSACTION"; }
  const char* commit_sql() const noexcept override { return "COMMIT"; }
  /// The migration lock is GET_LOCK, held by the server session.
  std::uint32_t capabilities() const noexcept override { return RETORT_DIALECT_SESSION_LOCK; }
  /// DATE_FORMAT's %f is always six digits: three are kept.
  const char* utc_now_sql() const noexcept override {
    return "CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z')";
  }

  /// Reads the options (url.*, param.*); never looks at `url`, which holds
  /// the password.
  std::unique_ptr<connection> connect(std::string_view url, const options& opts) override;
  void render(const retort_op& op, const statement_out& out) override;
  void split(std::string_view script, const statement_out& out) override;
  std::string quote_identifier(std::string_view name) const override;
  std::string quote_literal(std::string_view value) const override;
};

}  // namespace retort::mariadb
