#include "mariadb/types.hpp"

#include <retort/sdk/text.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <cstddef>
#include <utility>

namespace retort::mariadb {
namespace {

using g = retort::generic_type;  // the enum, not generic_type() below
constexpr type_spelling mariadb_words[] = {
    {g::integer, "INT", ""},                {g::string, "VARCHAR(255)", "VARCHAR"},
    {g::numeric, "DECIMAL", "DECIMAL"},     {g::float_, "FLOAT", ""},
    {g::double_, "DOUBLE", ""},             {g::datetime, "DATETIME(6)", ""},
    {g::timestamp_tz, "DATETIME(6)", ""},   {g::uuid, "CHAR(36)", ""},
    {g::binary, "LONGBLOB", ""},
};
constexpr type_spellings spellings = with_spellings(standard_type_spellings, mariadb_words);

// COLUMN_TYPE as MariaDB prints what a rendering word above creates, where
// the two differ by more than case.
constexpr std::pair<std::string_view, std::string_view> printed_words[] = {
    {"int(11)", "INT"},         {"bigint(20)", "BIGINT"},   {"smallint(6)", "SMALLINT"},
    {"tinyint(1)", "BOOLEAN"},  {"decimal(10,0)", "DECIMAL"},
};

}  // namespace

std::string column_type(std::string_view generic) { return spell_type(generic, spellings); }

std::string generic_type(std::string_view column_type) {
  const std::string_view type = text::trim(column_type);
  for (const auto& [printed, word] : printed_words)
    if (text::iequals(type, printed)) return generic_type_of(word, spellings);
  // MariaDB prints DATETIME without fractions as the generic name, which
  // renders DATETIME(6); datetime(0) is the engine's own spelling of it.
  if (text::iequals(type, "datetime")) return "datetime(0)";
  // generic_type_of keeps whatever follows "(": `decimal(10,2) unsigned`
  // would come back as numeric(10,2)unsigned.
  const std::size_t close = type.rfind(')');
  if (close != std::string_view::npos && close + 1 != type.size()) return std::string(type);
  return generic_type_of(type, spellings);
}

}  // namespace retort::mariadb
