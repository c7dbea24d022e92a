#include "postgresql/types.hpp"

#include "postgresql/text.hpp"

#include <retort/sdk/common.hpp>

#include <array>
#include <optional>
#include <vector>

namespace retort::postgresql {
namespace {

struct generic_type {
  std::string_view name;  // lower case
  std::string_view postgres;
  std::size_t min_args;
  std::size_t max_args;
};

constexpr std::array<generic_type, 15> generic_types{{
    {"integer", "INTEGER", 0, 0},
    {"bigint", "BIGINT", 0, 0},
    {"smallint", "SMALLINT", 0, 0},
    {"boolean", "BOOLEAN", 0, 0},
    {"string", "VARCHAR", 0, 1},
    {"text", "TEXT", 0, 0},
    {"numeric", "NUMERIC", 0, 2},
    {"float", "REAL", 0, 0},
    {"double", "DOUBLE PRECISION", 0, 0},
    {"date", "DATE", 0, 0},
    {"datetime", "TIMESTAMP", 0, 0},
    {"timestamp_tz", "TIMESTAMPTZ", 0, 0},
    {"json", "JSONB", 0, 0},
    {"uuid", "UUID", 0, 0},
    {"binary", "BYTEA", 0, 0},
}};

const generic_type* find_generic(std::string_view lowered) {
  for (const auto& t : generic_types)
    if (t.name == lowered) return &t;
  return nullptr;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "(a, b)" -> {"a", "b"}; nullopt when `rest` is not a parenthesised list of
// unsigned integers.
std::optional<std::vector<std::string_view>> parse_arguments(std::string_view rest) {
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
  std::string_view inner = rest.substr(1, rest.size() - 2);
  std::vector<std::string_view> args;
  while (true) {
    std::size_t comma = inner.find(',');
    std::string_view arg = trim(inner.substr(0, comma));
    if (!all_digits(arg)) return std::nullopt;
    args.push_back(arg);
    if (comma == std::string_view::npos) break;
    inner.remove_prefix(comma + 1);
  }
  return args;
}

}  // namespace

std::string render_type(std::string_view type) {
  const std::string_view trimmed = trim(type);
  if (trimmed.empty()) throw failure("column type is empty", RETORT_ERROR_USAGE);

  std::size_t name_end = 0;
  while (name_end < trimmed.size() && is_word_char(trimmed[name_end])) ++name_end;
  const generic_type* generic = find_generic(lower(trimmed.substr(0, name_end)));
  const std::string_view rest = trim(trimmed.substr(name_end));
  // Only "name" or "name(...)" is generic: "double precision", "integer[]"
  // or "text COLLATE ..." are PostgreSQL spellings the author chose.
  if (!generic || (!rest.empty() && rest.front() != '(')) return std::string(trimmed);

  std::vector<std::string_view> args;
  if (!rest.empty()) {
    auto parsed = parse_arguments(rest);
    if (!parsed)
      throw failure("malformed arguments in column type \"" + std::string(trimmed) +
                        "\" (expected unsigned integers in parentheses)",
                    RETORT_ERROR_USAGE);
    args = std::move(*parsed);
  }
  if (args.size() < generic->min_args || args.size() > generic->max_args)
    throw failure("column type \"" + std::string(trimmed) + "\" takes " +
                      (generic->max_args == 0 ? std::string("no arguments")
                                              : "at most " + std::to_string(generic->max_args) +
                                                    " argument(s)"),
                  RETORT_ERROR_USAGE);

  std::string out(generic->postgres);
  if (!args.empty()) {
    out += '(';
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i) out += ',';
      out += args[i];
    }
    out += ')';
  }
  return out;
}

bool is_identity_capable(std::string_view rendered) {
  static constexpr std::array<std::string_view, 7> integer_types{
      "integer", "bigint", "smallint", "int", "int2", "int4", "int8"};
  for (auto t : integer_types)
    if (iequals(trim(rendered), t)) return true;
  return false;
}

}  // namespace retort::postgresql
