#include <sqlite/dialect.hpp>

#include <sqlite/quote.hpp>
#include <sqlite/render.hpp>
#include <sqlite/split.hpp>
#include <sqlite/connection.hpp>
#include <sqlite/open_settings.hpp>

namespace retort::sqlite {

std::unique_ptr<retort::connection> sqlite_dialect::connect(std::string_view, const options& opts) {
  return sqlite_connection::open(read_open_settings(opts));
}

void sqlite_dialect::render(const retort_op& op, const statement_out& out) {
  render_op(op, out);
}

void sqlite_dialect::split(std::string_view script, const statement_out& out) {
  for (std::string_view statement : split_statements(script)) out(statement);
}

std::string sqlite_dialect::quote_identifier(std::string_view name) const {
  return sqlite::quote_identifier(name);
}

std::string sqlite_dialect::quote_literal(std::string_view value) const {
  return sqlite::quote_literal(value);
}

}  // namespace retort::sqlite
