// Operations and columns for tests. Strings are borrowed: pass literals or
// strings that outlive the operation.
#pragma once

#include <retort/sdk/common.hpp>

#include <string_view>

namespace retort::mariadb::test {

inline retort_column column(std::string_view name, std::string_view type, unsigned flags = 0,
                            std::string_view default_sql = {}) {
  retort_column c{};
  c.struct_size = sizeof c;
  c.name = str(name);
  c.type = str(type);
  c.flags = flags;
  c.default_sql = str(default_sql);
  return c;
}

inline retort_column references(retort_column c, std::string_view table, std::string_view column,
                                std::string_view on_delete = {}) {
  c.references_table = str(table);
  c.references_column = str(column);
  c.on_delete = str(on_delete);
  return c;
}

inline retort_op op(int kind, std::string_view table = {}) {
  retort_op o{};
  o.struct_size = sizeof o;
  o.kind = kind;
  o.table = str(table);
  o.alter_nullable = RETORT_ALTER_KEEP;
  o.alter_default_action = RETORT_DEFAULT_KEEP;
  return o;
}

}  // namespace retort::mariadb::test
