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
  const char* const* schemes() const noexcept override;
  /// MariaDB commits DDL implicitly; the host keeps pending history rows.
  bool transactional_ddl() const noexcept override { return false; }
  const char* begin_sql() const noexcept override { return "START TRANSACTION"; }
  const char* commit_sql() const noexcept override { return "COMMIT"; }

  /// Reads the options (url.*, param.*); never looks at `url`, which holds
  /// the password.
  std::unique_ptr<connection> connect(std::string_view url, const options& opts) override;
  void render(const retort_op& op, const statement_out& out) override;
  void split(std::string_view script, const statement_out& out) override;
  std::string quote_identifier(std::string_view name) const override;
  std::string quote_literal(std::string_view value) const override;
};

}  // namespace retort::mariadb
