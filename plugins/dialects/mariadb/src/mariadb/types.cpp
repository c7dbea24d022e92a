#include "mariadb/types.hpp"

#include "mariadb/lexer.hpp"

#include <cstddef>

namespace retort::mariadb {
namespace {

// The type lower-cased with all whitespace removed: "numeric(10,2)".
std::string compact(std::string_view type) {
  std::string out;
  for (char c : type) {
    if (is_space(c)) continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

struct simple_type {
  std::string_view generic;
  std::string_view mariadb;
};

constexpr simple_type simple_types[] = {
    {"integer", "INT"},       {"bigint", "BIGINT"},        {"smallint", "SMALLINT"},
    {"boolean", "BOOLEAN"},   {"text", "TEXT"},            {"float", "FLOAT"},
    {"double", "DOUBLE"},     {"date", "DATE"},            {"datetime", "DATETIME(6)"},
    {"timestamp_tz", "DATETIME(6)"}, {"json", "JSON"},     {"uuid", "CHAR(36)"},
    {"binary", "LONGBLOB"},   {"string", "VARCHAR(255)"},  {"numeric", "DECIMAL"},
};

}  // namespace

std::string column_type(std::string_view generic) {
  const std::string c = compact(generic);
  for (const simple_type& t : simple_types)
    if (c == t.generic) return std::string(t.mariadb);

  const std::size_t open = c.find('(');
  if (open != std::string::npos && c.back() == ')') {
    std::string_view name = std::string_view(c).substr(0, open);
    std::string_view args = std::string_view(c).substr(open + 1, c.size() - open - 2);
    if (name == "string" && all_digits(args)) return "VARCHAR(" + std::string(args) + ")";
    if (name == "numeric") {
      std::size_t comma = args.find(',');
      if (comma == std::string_view::npos && all_digits(args))
        return "DECIMAL(" + std::string(args) + ")";
      if (comma != std::string_view::npos && all_digits(args.substr(0, comma)) &&
          all_digits(args.substr(comma + 1)))
        return "DECIMAL(" + std::string(args) + ")";
    }
  }
  return std::string(trim(generic));
}

}  // namespace retort::mariadb
