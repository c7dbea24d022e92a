#include "op_fields.hpp"

#include <retort_sqlite/quote.hpp>

namespace retort::sqlite::fields {

std::string_view op_name(int kind) {
  switch (kind) {
    case RETORT_OP_CREATE_TABLE: return "create_table";
    case RETORT_OP_DROP_TABLE: return "drop_table";
    case RETORT_OP_ADD_COLUMN: return "add_column";
    case RETORT_OP_DROP_COLUMN: return "drop_column";
    case RETORT_OP_ALTER_COLUMN: return "alter_column";
    case RETORT_OP_RENAME_COLUMN: return "rename_column";
    case RETORT_OP_RENAME_TABLE: return "rename_table";
    case RETORT_OP_CREATE_INDEX: return "create_index";
    case RETORT_OP_DROP_INDEX: return "drop_index";
    case RETORT_OP_EXECUTE: return "execute";
    default: return "unknown operation";
  }
}

void check_structs(const retort_op& op) {
  if (op.struct_size < sizeof(retort_op))
    throw failure("operation struct is " + std::to_string(op.struct_size) +
                      " bytes, smaller than the " + std::to_string(sizeof(retort_op)) +
                      " of ABI 1.0",
                  RETORT_ERROR_PLUGIN);
  if (op.column_count > 0 && op.columns == nullptr)
    throw failure(std::string(op_name(op.kind)) + ": column array is null but its count is " +
                      std::to_string(op.column_count),
                  RETORT_ERROR_PLUGIN);
  for (std::size_t i = 0; i < op.column_count; ++i) {
    const retort_column* c = op.columns[i];
    if (c == nullptr || c->struct_size < sizeof(retort_column))
      throw failure(std::string(op_name(op.kind)) + ": column " + std::to_string(i + 1) +
                        (c == nullptr ? " is a null pointer" : " struct is too small"),
                    RETORT_ERROR_PLUGIN);
  }
  if (op.index_column_count > 0 && op.index_columns == nullptr)
    throw failure(std::string(op_name(op.kind)) + ": index column array is null but its count is " +
                      std::to_string(op.index_column_count),
                  RETORT_ERROR_PLUGIN);
}

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
