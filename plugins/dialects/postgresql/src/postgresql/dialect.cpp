#include "postgresql/dialect.hpp"

#include "postgresql/conninfo.hpp"
#include "postgresql/ddl_after_write.hpp"
#include "postgresql/quote.hpp"
#include "postgresql/render.hpp"
#include "postgresql/connection.hpp"
#include "postgresql/split.hpp"

namespace retort::postgresql {

std::unique_ptr<retort::connection> postgresql_dialect::connect(std::string_view /*url: never parsed here*/,
                                                     const options& opts) {
  // The password to keep out of messages, wherever the URL put it.
  std::string password = option(opts, "url.password").value_or(option(opts, "param.password").value_or(""));
  const ddl_after_write_rule ddl_after_write = read_ddl_after_write_rule(opts);
  return std::make_unique<postgresql_connection>(build_conninfo(opts), std::move(password),
                                   option(opts, "version_table_schema").value_or(""), ddl_after_write);
}

void postgresql_dialect::render(const retort_op& op, const statement_out& out) {
  render_op(op, [&](std::string_view statement) { out(statement); });
}

void postgresql_dialect::split(std::string_view script, const statement_out& out) {
  for (std::string_view statement : split_statements(script)) out(statement);
}

std::string postgresql_dialect::quote_identifier(std::string_view name) const { return postgresql::quote_identifier(name); }

std::string postgresql_dialect::quote_literal(std::string_view value) const { return postgresql::quote_literal(value); }

}  // namespace retort::postgresql
