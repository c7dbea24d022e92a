#include "postgresql/types.hpp"

#include "postgresql/text.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <array>

namespace retort::postgresql {
namespace {

using g = retort::generic_type;  // not postgresql::generic_type, the function below
constexpr type_spelling postgresql_words[] = {
    {g::timestamp_tz, "TIMESTAMPTZ", ""},
    {g::json, "JSONB", ""},
    {g::binary, "BYTEA", ""},
};
constexpr type_spellings spellings = with_spellings(standard_type_spellings, postgresql_words);

// format_type()'s names for the types the spellings above render to, in
// those rendering words; its arguments, if any, follow the name.
struct catalog_word {
  std::string_view catalog, rendered;
};
constexpr std::array<catalog_word, 15> catalog_words{{
    {"integer", "INTEGER"},
    {"bigint", "BIGINT"},
    {"smallint", "SMALLINT"},
    {"boolean", "BOOLEAN"},
    {"character varying", "VARCHAR"},
    {"text", "TEXT"},
    {"numeric", "NUMERIC"},
    {"real", "REAL"},
    {"double precision", "DOUBLE PRECISION"},
    {"date", "DATE"},
    {"timestamp without time zone", "TIMESTAMP"},
    {"timestamp with time zone", "TIMESTAMPTZ"},
    {"jsonb", "JSONB"},
    {"uuid", "UUID"},
    {"bytea", "BYTEA"},
}};

// "character varying(64)" as the rendering words "VARCHAR(64)"; "" when the
// name is not one of catalog_words or anything but "(args)" follows it
// ("integer[]", "timestamp(3) without time zone").
std::string rendering_words(std::string_view printed) {
  const std::size_t open = printed.find('(');
  const std::string_view name = printed.substr(0, open);
  const std::string_view args = open == std::string_view::npos ? std::string_view() : printed.substr(open);
  if (!args.empty() && (args.back() != ')' || args.find('(', 1) != std::string_view::npos)) return {};
  for (const catalog_word& w : catalog_words)
    if (name == w.catalog) return std::string(w.rendered) + std::string(args);
  return {};
}

}  // namespace

std::string render_type(std::string_view type) { return spell_type(type, spellings); }

std::string generic_type(std::string_view format_type_output) {
  const std::string_view printed = trim(format_type_output);
  const std::string words = rendering_words(printed);
  if (!words.empty()) return generic_type_of(words, spellings);
  // PostgreSQL's json is not the generic json (that renders as JSONB): the
  // bare word would read back as the other type, so it is qualified.
  if (printed == "json") return "pg_catalog.json";
  return std::string(printed);
}

bool is_identity_capable(std::string_view rendered) {
  static constexpr std::array<std::string_view, 7> integer_types{
      "integer", "bigint", "smallint", "int", "int2", "int4", "int8"};
  for (auto t : integer_types)
    if (iequals(trim(rendered), t)) return true;
  return false;
}

}  // namespace retort::postgresql
