#include <retort_sqlite/types.hpp>

#include "text.hpp"

#include <optional>
#include <vector>

namespace retort::sqlite {
namespace {

// A type written as name or name(args), args being digits; the only shapes a
// generic type can take.
struct type_shape {
  std::string name;  // lower case
  std::vector<std::string_view> args;
};

// Spaces are allowed around the parentheses and arguments, but not inside the
// name: "big int" is not "bigint", it is someone's verbatim type.
std::optional<type_shape> parse_shape(std::string_view s) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && text::is_space(s[i])) ++i;
  };
  type_shape shape;
  if (s.empty() || !(text::is_alpha(s[0]) || s[0] == '_')) return std::nullopt;
  while (i < s.size() && (text::is_alpha(s[i]) || text::is_digit(s[i]) || s[i] == '_'))
    shape.name += text::to_lower(s[i++]);
  skip_spaces();
  if (i == s.size()) return shape;
  if (s[i++] != '(') return std::nullopt;
  for (;;) {
    skip_spaces();
    std::size_t start = i;
    while (i < s.size() && text::is_digit(s[i])) ++i;
    if (i == start) return std::nullopt;
    shape.args.push_back(s.substr(start, i - start));
    skip_spaces();
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == ')') break;
    return std::nullopt;
  }
  ++i;
  skip_spaces();
  if (i != s.size()) return std::nullopt;
  return shape;
}

// Generic types that take no arguments. json is TEXT because a column
// declared "JSON" gets NUMERIC affinity in SQLite, which would turn
// number-looking documents into numbers.
std::optional<std::string> plain_type(const std::string& name) {
  static const std::pair<const char*, const char*> table[] = {
      {"integer", "INTEGER"},     {"bigint", "BIGINT"},       {"smallint", "SMALLINT"},
      {"boolean", "BOOLEAN"},     {"string", "VARCHAR"},      {"text", "TEXT"},
      {"numeric", "NUMERIC"},     {"float", "REAL"},          {"double", "DOUBLE"},
      {"date", "DATE"},           {"datetime", "DATETIME"},   {"timestamp_tz", "TIMESTAMP"},
      {"json", "TEXT"},           {"uuid", "CHAR(36)"},       {"binary", "BLOB"},
  };
  for (const auto& [generic, spelled] : table)
    if (name == generic) return std::string(spelled);
  return std::nullopt;
}

std::optional<std::string> generic_type(const type_shape& t) {
  if (t.args.empty()) return plain_type(t.name);
  if (t.name == "string" && t.args.size() == 1)
    return "VARCHAR(" + std::string(t.args[0]) + ")";
  if (t.name == "numeric" && t.args.size() == 1)
    return "NUMERIC(" + std::string(t.args[0]) + ")";
  if (t.name == "numeric" && t.args.size() == 2)
    return "NUMERIC(" + std::string(t.args[0]) + "," + std::string(t.args[1]) + ")";
  return std::nullopt;
}

}  // namespace

std::string sqlite_type(std::string_view type) {
  std::string_view trimmed = text::trim(type);
  if (auto shape = parse_shape(trimmed))
    if (auto mapped = generic_type(*shape)) return *mapped;
  return std::string(trimmed);
}

bool is_integer_type(std::string_view type) {
  std::string_view trimmed = text::trim(type);
  if (auto shape = parse_shape(trimmed); shape && shape->args.empty())
    if (shape->name == "integer" || shape->name == "bigint" || shape->name == "smallint")
      return true;
  return text::upper(trimmed).find("INT") != std::string::npos;
}

}  // namespace retort::sqlite
