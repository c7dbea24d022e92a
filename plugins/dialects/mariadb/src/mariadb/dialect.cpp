#include "mariadb/dialect.hpp"

#include "mariadb/connect_settings.hpp"
#include "mariadb/connection.hpp"
#include "mariadb/quote.hpp"
#include "mariadb/render.hpp"
#include "mariadb/split.hpp"

namespace retort::mariadb {

std::unique_ptr<connection> mariadb_dialect::connect(std::string_view, const options& opts) {
  return std::make_unique<mariadb_connection>(read_connect_settings(opts));
}

void mariadb_dialect::render(const retort_op& op, const statement_out& out) {
  // Render everything before passing anything on: a failing operation
  // leaves no half of itself in the sink.
  for (const std::string& statement : render_op(op)) out(statement);
}

void mariadb_dialect::split(std::string_view script, const statement_out& out) {
  for (std::string_view statement : split_statements(script)) out(statement);
}

std::string mariadb_dialect::quote_identifier(std::string_view name) const {
  return mariadb::quote_identifier(name);
}

std::string mariadb_dialect::quote_literal(std::string_view value) const {
  return mariadb::quote_literal(value);
}

}  // namespace retort::mariadb
