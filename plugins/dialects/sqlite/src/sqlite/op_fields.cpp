#include "sqlite/op_fields.hpp"

#include <sqlite/quote.hpp>
#include <retort/sdk/vocabulary.hpp>

namespace retort::sqlite::fields {

std::string_view text_of(retort_str s, std::string_view field) { return op_text(s, field); }

std::string_view name_of(retort_str s, std::string_view context, std::string_view what) {
  return op_name(s, context, what);
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
