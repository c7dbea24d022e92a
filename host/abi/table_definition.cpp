#include "host/abi/table_definition.hpp"

#include <retort/abi.h>

#include "host/abi/dialect.hpp"

namespace host {

std::vector<std::string> create_table_if_missing(const Dialect& dialect, std::string_view schema,
                                                 std::string_view table, std::span<const ColumnSpec> columns) {
  std::vector<retort_column> defs;
  defs.reserve(columns.size());
  for (const ColumnSpec& c : columns) {
    retort_column d{};
    d.struct_size = sizeof d;
    d.name = retort_str{c.name.data(), c.name.size()};
    d.type = retort_str{c.type.data(), c.type.size()};
    d.flags = ((c.flags & required) ? RETORT_COLUMN_NOT_NULL : 0u) |
              ((c.flags & primary_key) ? RETORT_COLUMN_PRIMARY_KEY : 0u) |
              ((c.flags & autoincrement) ? RETORT_COLUMN_AUTOINCREMENT : 0u);
    defs.push_back(d);
  }
  std::vector<const retort_column*> pointers;
  for (const auto& d : defs) pointers.push_back(&d);
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = RETORT_OP_CREATE_TABLE;
  op.flags = RETORT_OP_IF_NOT_EXISTS;
  op.schema = retort_str{schema.data(), schema.size()};
  op.table = retort_str{table.data(), table.size()};
  op.columns = pointers.data();
  op.column_count = pointers.size();
  op.alter_nullable = RETORT_ALTER_KEEP;
  return dialect.render(op);
}

std::string quoted_column_list(const Dialect& dialect, std::span<const ColumnSpec> columns) {
  std::string out;
  for (const ColumnSpec& c : columns) {
    if (!out.empty()) out += ", ";
    out += dialect.quote_identifier(c.name);
  }
  return out;
}

}  // namespace host
