#include "mariadb/quote.hpp"

namespace retort::mariadb {

std::string quote_identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '`';
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  out += '`';
  return out;
}

std::string qualified_name(std::string_view schema, std::string_view table) {
  if (schema.empty()) return quote_identifier(table);
  return quote_identifier(schema) + "." + quote_identifier(table);
}

std::string quote_literal(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '\'';
  for (char c : value) {
    switch (c) {
      case '\'':
        out += "''";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        out += c;
    }
  }
  out += '\'';
  return out;
}

}  // namespace retort::mariadb
