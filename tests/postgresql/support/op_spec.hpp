// Test-side builders for retort_op: the ABI structs borrow every string, so
// an op_spec owns them and a built_op lays out the borrowed view of it.
#pragma once

#include <retort/abi.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pgtest {

struct column_spec {
  // A constructor, not aggregate initialisation, so tests can give only the
  // leading fields without -Wmissing-field-initializers.
  column_spec(std::string name_, std::string type_, std::uint32_t flags_ = 0, std::string default_sql_ = {},
              std::string references_table_ = {}, std::string references_column_ = {},
              std::string on_delete_ = {})
      : name(std::move(name_)),
        type(std::move(type_)),
        flags(flags_),
        default_sql(std::move(default_sql_)),
        references_table(std::move(references_table_)),
        references_column(std::move(references_column_)),
        on_delete(std::move(on_delete_)) {}

  std::string name;
  std::string type;
  std::uint32_t flags = 0;
  std::string default_sql;
  std::string references_table;
  std::string references_column;
  std::string on_delete;
};

struct op_spec {
  int kind = 0;
  std::uint32_t flags = 0;
  std::string schema;
  std::string table;
  std::string name;
  std::string new_name;
  std::vector<column_spec> columns;
  std::vector<std::string> index_columns;
  std::string where;
  std::string sql;
  std::string alter_type;
  int alter_nullable = RETORT_ALTER_KEEP;
  int alter_default_action = RETORT_DEFAULT_KEEP;
  std::string alter_default_sql;
};

inline retort_str abi_str(const std::string& s) { return retort_str{s.data(), s.size()}; }

/// The ABI view of an op_spec; valid while the spec lives. Not copyable:
/// `op` points into its own vectors.
class built_op {
 public:
  explicit built_op(const op_spec& spec) {
    for (const auto& c : spec.columns) {
      retort_column col{};
      col.struct_size = sizeof col;
      col.name = abi_str(c.name);
      col.type = abi_str(c.type);
      col.flags = c.flags;
      col.default_sql = abi_str(c.default_sql);
      col.references_table = abi_str(c.references_table);
      col.references_column = abi_str(c.references_column);
      col.on_delete = abi_str(c.on_delete);
      columns_.push_back(col);
    }
    for (const auto& c : columns_) column_pointers_.push_back(&c);
    for (const auto& i : spec.index_columns) index_columns_.push_back(abi_str(i));
    op.struct_size = sizeof op;
    op.kind = spec.kind;
    op.flags = spec.flags;
    op.schema = abi_str(spec.schema);
    op.table = abi_str(spec.table);
    op.name = abi_str(spec.name);
    op.new_name = abi_str(spec.new_name);
    op.columns = column_pointers_.empty() ? nullptr : column_pointers_.data();
    op.column_count = column_pointers_.size();
    op.index_columns = index_columns_.empty() ? nullptr : index_columns_.data();
    op.index_column_count = index_columns_.size();
    op.where = abi_str(spec.where);
    op.sql = abi_str(spec.sql);
    op.alter_type = abi_str(spec.alter_type);
    op.alter_nullable = spec.alter_nullable;
    op.alter_default_action = spec.alter_default_action;
    op.alter_default_sql = abi_str(spec.alter_default_sql);
  }
  built_op(const built_op&) = delete;
  built_op& operator=(const built_op&) = delete;

  retort_op op{};

 private:
  std::vector<retort_column> columns_;
  std::vector<const retort_column*> column_pointers_;
  std::vector<retort_str> index_columns_;
};

}  // namespace pgtest
