#include "postgresql/types.hpp"

#include "postgresql/text.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <array>

namespace retort::postgresql {
namespace {

using g = generic_type;
constexpr std::array<type_spelling, 15> spellings{{
    {g::integer, "INTEGER", ""},       {g::bigint, "BIGINT", ""},
    {g::smallint, "SMALLINT", ""},     {g::boolean, "BOOLEAN", ""},
    {g::string, "VARCHAR", "VARCHAR"}, {g::text, "TEXT", ""},
    {g::numeric, "NUMERIC", "NUMERIC"}, {g::float_, "REAL", ""},
    {g::double_, "DOUBLE PRECISION", ""}, {g::date, "DATE", ""},
    {g::datetime, "TIMESTAMP", ""},    {g::timestamp_tz, "TIMESTAMPTZ", ""},
    {g::json, "JSONB", ""},            {g::uuid, "UUID", ""},
    {g::binary, "BYTEA", ""},
}};

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
