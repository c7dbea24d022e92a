#include "mariadb/types.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <array>

namespace retort::mariadb {
namespace {

using g = generic_type;
constexpr std::array<type_spelling, 15> spellings{{
    {g::integer, "INT", ""},                {g::bigint, "BIGINT", ""},
    {g::smallint, "SMALLINT", ""},          {g::boolean, "BOOLEAN", ""},
    {g::string, "VARCHAR(255)", "VARCHAR"}, {g::text, "TEXT", ""},
    {g::numeric, "DECIMAL", "DECIMAL"},     {g::float_, "FLOAT", ""},
    {g::double_, "DOUBLE", ""},             {g::date, "DATE", ""},
    {g::datetime, "DATETIME(6)", ""},       {g::timestamp_tz, "DATETIME(6)", ""},
    {g::json, "JSON", ""},                  {g::uuid, "CHAR(36)", ""},
    {g::binary, "LONGBLOB", ""},
}};

}  // namespace

std::string column_type(std::string_view generic) { return spell_type(generic, spellings); }

}  // namespace retort::mariadb
