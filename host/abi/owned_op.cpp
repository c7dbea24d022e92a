#include "host/abi/owned_op.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "host/errors/error.hpp"

namespace host {
namespace {

constexpr std::size_t max_string = 64u << 20;  // a raw SQL script may be large
constexpr std::size_t max_items = 100000;

// Whether a struct whose struct_size is `declared` holds all of the field
// at `offset` (a size ending inside a field gives it no meaning, only stray bytes).
constexpr bool covers(std::uint32_t declared, std::size_t offset, std::size_t size) {
  return declared >= offset + size;
}

// The size a growable struct says it has, clamped to what this host knows.
template <class T>
T read_sized(const T* in, const char* what) {
  if (!in) plugin_error(std::string("revision passed a null ") + what);
  T out{};
  std::uint32_t size = in->struct_size;
  if (size < sizeof(std::uint32_t) || size > (1u << 20))
    plugin_error(std::string("revision passed a ") + what + " with struct_size " + std::to_string(size));
  std::memcpy(&out, in, std::min<std::size_t>(size, sizeof(T)));
  out.struct_size = sizeof(T);
  return out;
}

}  // namespace

retort_str OwnedOp::keep(retort_str s, const char* what) {
  if (s.size == 0) return retort_str{nullptr, 0};
  if (!s.data) plugin_error(std::string("revision passed a null ") + what + " with a non-zero size");
  if (s.size > max_string) plugin_error(std::string("revision passed a ") + what + " larger than 64 MiB");
  strings_.emplace_back(s.data, s.size);
  return retort_str{nullptr, s.size};  // data is set by relink() once strings_ stops moving
}

OwnedOp OwnedOp::copy(const retort_op* in, bool nested) {
  OwnedOp o;
  retort_op op = read_sized(in, "operation");
  if (op.column_count > max_items || op.index_column_count > max_items ||
      op.references_column_count > max_items || op.constraint_count > max_items)
    plugin_error("revision passed an operation with an absurd number of columns");
  if (op.column_count && !op.columns) plugin_error("revision passed a null column list");
  if (op.index_column_count && !op.index_columns) plugin_error("revision passed a null index column list");
  if (op.references_column_count && !op.references_columns)
    plugin_error("revision passed a null referenced column list");
  if (op.constraint_count && !op.constraints) plugin_error("revision passed a null constraint list");
  if (op.constraint_count && nested) plugin_error("revision passed a constraint that has constraints of its own");
  if (op.alter_nullable < -1 || op.alter_nullable > 1) op.alter_nullable = RETORT_ALTER_KEEP;
  // Appended to 1.2 after its other fields: a plugin built before they were
  // may declare a size that ends before them, or inside them.
  if (!covers(in->struct_size, offsetof(retort_op, renamed_from), sizeof op.renamed_from))
    op.renamed_from = retort_str{nullptr, 0};

  // Collect every string in a fixed order; relink() hands out pointers after.
  o.strings_.reserve(13 + op.column_count * 9 + op.index_column_count + op.references_column_count);
  op.schema = o.keep(op.schema, "schema");
  op.table = o.keep(op.table, "table name");
  op.name = o.keep(op.name, "name");
  op.new_name = o.keep(op.new_name, "new name");
  op.where = o.keep(op.where, "index predicate");
  op.sql = o.keep(op.sql, "SQL script");
  op.alter_type = o.keep(op.alter_type, "type");
  op.alter_default_sql = o.keep(op.alter_default_sql, "default");
  op.references_table = o.keep(op.references_table, "referenced table");
  op.on_delete = o.keep(op.on_delete, "on_delete action");
  op.on_update = o.keep(op.on_update, "on_update action");
  op.check_sql = o.keep(op.check_sql, "check expression");
  op.renamed_from = o.keep(op.renamed_from, "renamed_from");
  for (std::size_t i = 0; i < op.column_count; ++i) {
    retort_column c = read_sized(op.columns[i], "column");
    if (!covers(op.columns[i]->struct_size, offsetof(retort_column, renamed_from), sizeof c.renamed_from))
      c.renamed_from = retort_str{nullptr, 0};
    c.name = o.keep(c.name, "column name");
    c.type = o.keep(c.type, "column type");
    c.default_sql = o.keep(c.default_sql, "column default");
    c.references_table = o.keep(c.references_table, "referenced table");
    c.references_column = o.keep(c.references_column, "referenced column");
    c.on_delete = o.keep(c.on_delete, "on_delete action");
    c.on_update = o.keep(c.on_update, "on_update action");
    c.generated_sql = o.keep(c.generated_sql, "generated expression");
    c.renamed_from = o.keep(c.renamed_from, "column renamed_from");
    o.columns_.push_back(c);
  }
  for (std::size_t i = 0; i < op.index_column_count; ++i)
    o.index_columns_.push_back(o.keep(op.index_columns[i], "index column"));
  for (std::size_t i = 0; i < op.references_column_count; ++i)
    o.references_columns_.push_back(o.keep(op.references_columns[i], "referenced column"));
  o.constraints_.reserve(op.constraint_count);
  for (std::size_t i = 0; i < op.constraint_count; ++i) o.constraints_.push_back(copy(op.constraints[i], true));
  o.op_ = op;
  o.relink();
  return o;
}

// Points every kept string at its owned copy, walking in the order keep() ran.
void OwnedOp::relink() {
  std::size_t next = 0;
  auto link = [&](retort_str& s) {
    if (s.size) s.data = strings_[next++].data();
  };
  link(op_.schema);
  link(op_.table);
  link(op_.name);
  link(op_.new_name);
  link(op_.where);
  link(op_.sql);
  link(op_.alter_type);
  link(op_.alter_default_sql);
  link(op_.references_table);
  link(op_.on_delete);
  link(op_.on_update);
  link(op_.check_sql);
  link(op_.renamed_from);
  for (auto& c : columns_) {
    link(c.name);
    link(c.type);
    link(c.default_sql);
    link(c.references_table);
    link(c.references_column);
    link(c.on_delete);
    link(c.on_update);
    link(c.generated_sql);
    link(c.renamed_from);
  }
  for (auto& s : index_columns_) link(s);
  for (auto& s : references_columns_) link(s);
  column_ptrs_.clear();
  for (const auto& c : columns_) column_ptrs_.push_back(&c);
  op_.columns = column_ptrs_.empty() ? nullptr : column_ptrs_.data();
  op_.column_count = column_ptrs_.size();
  op_.index_columns = index_columns_.empty() ? nullptr : index_columns_.data();
  op_.index_column_count = index_columns_.size();
  op_.references_columns = references_columns_.empty() ? nullptr : references_columns_.data();
  op_.references_column_count = references_columns_.size();
  constraint_ptrs_.clear();
  for (const auto& c : constraints_) constraint_ptrs_.push_back(&c.op_);
  op_.constraints = constraint_ptrs_.empty() ? nullptr : constraint_ptrs_.data();
  op_.constraint_count = constraint_ptrs_.size();
}

}  // namespace host
