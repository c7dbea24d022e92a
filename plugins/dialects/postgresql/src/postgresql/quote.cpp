#include "postgresql/quote.hpp"

#include <retort/sdk/common.hpp>

namespace retort::postgresql {

static std::string quote_doubling(std::string_view text, char quote) {
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  out += quote;
  return out;
}

std::string quote_identifier(std::string_view name) { return quote_doubling(name, '"'); }

std::string quote_literal(std::string_view value) { return quote_doubling(value, '\''); }

std::string_view require_name(std::string_view name, std::string_view what) {
  if (name.empty()) throw failure(std::string(what) + " is empty", RETORT_ERROR_USAGE);
  if (name.find('\0') != std::string_view::npos)
    throw failure(std::string(what) + " contains a NUL byte", RETORT_ERROR_USAGE);
  return name;
}

std::string qualified_name(std::string_view schema, std::string_view name, std::string_view what) {
  std::string out;
  if (!schema.empty()) out = quote_identifier(require_name(schema, "schema name")) + ".";
  out += quote_identifier(require_name(name, what));
  return out;
}

}  // namespace retort::postgresql
