#include <sqlite/types.hpp>

#include "sqlite/text.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <array>

namespace retort::sqlite {
namespace {

// json is TEXT because a column declared "JSON" gets NUMERIC affinity in
// SQLite, which would turn number-looking documents into numbers.
using g = generic_type;
constexpr type_spelling sqlite_words[] = {
    {g::double_, "DOUBLE", ""},         {g::datetime, "DATETIME", ""},
    {g::timestamp_tz, "TIMESTAMP", ""}, {g::json, "TEXT", ""},
    {g::uuid, "CHAR(36)", ""},
};
constexpr type_spellings spellings = with_spellings(standard_type_spellings, sqlite_words);

}  // namespace

std::string sqlite_type(std::string_view type) {
  if (text::trim(type).empty()) return {};
  return spell_type(type, spellings);
}

std::string read_type(std::string_view declared) { return generic_type_of(declared, spellings); }

bool is_integer_type(std::string_view type) {
  std::string_view trimmed = text::trim(type);
  if (trimmed.empty()) return false;
  const generic_type generic = parse_type(trimmed).generic;
  if (generic == g::integer || generic == g::bigint || generic == g::smallint) return true;
  return text::upper(trimmed).find("INT") != std::string::npos;
}

}  // namespace retort::sqlite
