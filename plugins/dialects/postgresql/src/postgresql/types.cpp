#include "postgresql/types.hpp"

#include "postgresql/text.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <array>

namespace retort::postgresql {
namespace {

using g = generic_type;
constexpr type_spelling postgresql_words[] = {
    {g::timestamp_tz, "TIMESTAMPTZ", ""},
    {g::json, "JSONB", ""},
    {g::binary, "BYTEA", ""},
};
constexpr type_spellings spellings = with_spellings(standard_type_spellings, postgresql_words);

}  // namespace

std::string render_type(std::string_view type) { return spell_type(type, spellings); }

bool is_identity_capable(std::string_view rendered) {
  static constexpr std::array<std::string_view, 7> integer_types{
      "integer", "bigint", "smallint", "int", "int2", "int4", "int8"};
  for (auto t : integer_types)
    if (iequals(trim(rendered), t)) return true;
  return false;
}

}  // namespace retort::postgresql
