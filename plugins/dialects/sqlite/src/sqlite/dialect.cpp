#include <sqlite/dialect.hpp>

#include <sqlite/quote.hpp>
#include <sqlite/render.hpp>
#include <sqlite/split.hpp>
#include <sqlite/connection.hpp>

namespace retort::sqlite {

std::unique_ptr<retort::connection> sqlite_dialect::connect(std::string_view, const options& opts) {
  // A parameter the dialect would ignore is refused: `?mode=ro` silently
  // dropped once let a "read-only" URL migrate the database.
  for (const auto& [key, value] : opts)
    if (key.rfind("param.", 0) == 0)
      throw failure("unknown URL parameter '" + key.substr(6) + "' for sqlite:// (it takes none)",
                    RETORT_ERROR_USAGE);
  double busy_timeout = 60;
  if (auto t = option(opts, "lock_timeout")) {
    try {
      busy_timeout = std::stod(*t);
    } catch (const std::exception&) {
      throw failure("lock_timeout '" + *t + "' is not a number of seconds", RETORT_ERROR_USAGE);
    }
  }
  return sqlite_connection::open(option(opts, "url.database").value_or(""), busy_timeout);
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
