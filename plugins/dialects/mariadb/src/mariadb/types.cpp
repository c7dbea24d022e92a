#include "mariadb/types.hpp"

#include <retort/sdk/vocabulary.hpp>

namespace retort::mariadb {
namespace {

using g = generic_type;
constexpr type_spelling mariadb_words[] = {
    {g::integer, "INT", ""},                {g::string, "VARCHAR(255)", "VARCHAR"},
    {g::numeric, "DECIMAL", "DECIMAL"},     {g::float_, "FLOAT", ""},
    {g::double_, "DOUBLE", ""},             {g::datetime, "DATETIME(6)", ""},
    {g::timestamp_tz, "DATETIME(6)", ""},   {g::uuid, "CHAR(36)", ""},
    {g::binary, "LONGBLOB", ""},
};
constexpr type_spellings spellings = with_spellings(standard_type_spellings, mariadb_words);

}  // namespace

std::string column_type(std::string_view generic) { return spell_type(generic, spellings); }

}  // namespace retort::mariadb
