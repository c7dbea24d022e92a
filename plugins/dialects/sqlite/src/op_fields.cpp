#include "op_fields.hpp"

#include <retort_sqlite/quote.hpp>

namespace retort::sqlite::fields {

std::string_view text_of(retort_str s, std::string_view field) {
  if (s.data == nullptr && s.size != 0)
    throw failure("malformed string in " + std::string(field) + ": null data with size " +
                      std::to_string(s.size),
                  RETORT_ERROR_PLUGIN);
  return view(s);
}

std::string_view name_of(retort_str s, std::string_view context, std::string_view what) {
  std::string_view name = text_of(s, what);
  if (name.empty())
    throw failure(std::string(context) + ": " + std::string(what) + " is empty", RETORT_ERROR_USAGE);
  // A NUL would silently end the statement where SQLite reads it.
  if (name.find('\0') != std::string_view::npos)
    throw failure(std::string(context) + ": " + std::string(what) + " contains a NUL byte",
                  RETORT_ERROR_USAGE);
  return name;
}

std::string qualified(std::string_view schema, std::string_view name) {
  if (schema.empty()) return quote_identifier(name);
  return quote_identifier(schema) + "." + quote_identifier(name);
}

std::string display_table(const retort_op& op) {
  std::string_view schema = text_of(op.schema, "schema");
  std::string_view table = text_of(op.table, "table");
  return schema.empty() ? std::string(table) : std::string(schema) + "." + std::string(table);
}

}  // namespace retort::sqlite::fields
