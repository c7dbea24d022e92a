#include "host/abi/schema_import.hpp"

#include <cstdio>
#include <string_view>

#include "host/abi/owned_op.hpp"
#include "host/errors/error.hpp"
#include "retort/sdk/vocabulary.hpp"

namespace host {
namespace {

std::string text(retort_str s) { return s.data ? std::string(s.data, s.size) : std::string(); }

std::vector<std::string> texts(const retort_str* items, std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(text(items[i]));
  return out;
}

schema::Column column_of(const retort_column& c) {
  schema::Column column;
  column.name = text(c.name);
  column.type = text(c.type);
  column.nullable = (c.flags & RETORT_COLUMN_NOT_NULL) == 0;
  if (c.default_sql.size) column.default_sql = text(c.default_sql);
  column.autoincrement = (c.flags & RETORT_COLUMN_AUTOINCREMENT) != 0;
  column.generated = text(c.generated_sql);
  column.generated_virtual = !column.generated.empty() && (c.flags & RETORT_COLUMN_VIRTUAL) != 0;
  return column;
}

schema::Table table_of(const retort_op& op) {
  schema::Table t;
  t.name = text(op.table);
  try {
    for (const retort_column* c : retort::primary_key_columns(op.columns, op.column_count, "create_table " + t.name))
      t.primary_key.push_back(text(c->name));  // in key order
  } catch (const retort::failure& e) {
    plugin_error(std::string("the schema described ") + e.what());
  }
  for (std::size_t i = 0; i < op.column_count; ++i) {
    const retort_column& c = *op.columns[i];
    t.columns.push_back(column_of(c));
    // A column's own UNIQUE or REFERENCES: an unnamed table constraint.
    if (c.flags & RETORT_COLUMN_UNIQUE) t.uniques.push_back({"", {text(c.name)}});
    if (c.references_table.size)
      t.foreign_keys.push_back({"", {text(c.name)}, text(c.references_table), {text(c.references_column)},
                                text(c.on_delete), text(c.on_update)});
  }
  for (std::size_t i = 0; i < op.constraint_count; ++i) {
    const retort_op& c = *op.constraints[i];
    switch (c.kind) {
      case RETORT_OP_ADD_FOREIGN_KEY:
        t.foreign_keys.push_back({text(c.name), texts(c.index_columns, c.index_column_count), text(c.references_table),
                                  texts(c.references_columns, c.references_column_count), text(c.on_delete),
                                  text(c.on_update)});
        break;
      case RETORT_OP_ADD_UNIQUE: t.uniques.push_back({text(c.name), texts(c.index_columns, c.index_column_count)}); break;
      case RETORT_OP_ADD_CHECK: t.checks.push_back({text(c.name), text(c.check_sql)}); break;
      default: break;  // OwnedOp::copy refuses any other kind
    }
  }
  return t;
}

}  // namespace

SchemaImport::SchemaImport(std::string who, std::string call) : who_(std::move(who)), call_(std::move(call)) {
  sink_.struct_size = sizeof sink_;
  sink_.context = this;
  sink_.object = &on_object;
  sink_.unmanaged = &on_unmanaged;
}

// No exception may unwind through the plugin's frames: it is kept and
// rethrown by take(), and the plugin is told to stop.
int SchemaImport::on_object(void* self, const retort_op* op, retort_error* err) noexcept {
  auto* me = static_cast<SchemaImport*>(self);
  try {
    me->add(OwnedOp::copy(op).view());
    return RETORT_OK;
  } catch (...) {
    if (!me->failure_) me->failure_ = std::current_exception();
    if (err) std::snprintf(err->message, sizeof err->message, "%s", "the host refused the schema object");
    return RETORT_FAILED;
  }
}

void SchemaImport::on_unmanaged(void* self, retort_str kind, retort_str name) noexcept {
  auto* me = static_cast<SchemaImport*>(self);
  try {
    me->schema_.unmanaged.push_back({text(kind), text(name)});
  } catch (...) {
    if (!me->failure_) me->failure_ = std::current_exception();
  }
}

// A hint must tell the planner one thing: which object had which name.
void SchemaImport::add_hint(schema::RenameHint hint) {
  const bool of_table = hint.column.empty();
  const auto named = [](const schema::RenameHint& h) { return h.column.empty() ? h.table : h.table + "." + h.column; };
  const std::string what = of_table ? "table" : "column";
  if (hint.from == (of_table ? hint.table : hint.column))
    plugin_error(who_ + ": the rename hint of " + what + " " + named(hint) + " names the " + what + " itself ('" +
                 hint.from + "')");
  for (const auto& h : renames_) {
    if (h.table == hint.table && h.column == hint.column)
      plugin_error(who_ + ": two rename hints for " + what + " " + named(hint) + " ('" + h.from + "', '" + hint.from +
                   "')");
    const bool same_scope = of_table ? h.column.empty() : (!h.column.empty() && h.table == hint.table);
    if (same_scope && h.from == hint.from)
      plugin_error(who_ + ": " + what + "s " + named(h) + " and " + named(hint) + " are both renamed from '" +
                   hint.from + "'");
  }
  renames_.push_back(std::move(hint));
}

void SchemaImport::add(const retort_op& op) {
  if (op.renamed_from.size && op.kind != RETORT_OP_CREATE_TABLE)
    plugin_error(who_ + ": " + call_ + " described a " + std::string(retort::op_kind_name(op.kind)) +
                 " with renamed_from; only a table and its columns carry rename hints");
  switch (op.kind) {
    case RETORT_OP_CREATE_TABLE: {
      schema_.tables.push_back(table_of(op));
      const std::string table = text(op.table);
      if (op.renamed_from.size) add_hint({table, "", text(op.renamed_from)});
      for (std::size_t i = 0; i < op.column_count; ++i) {
        const retort_column& c = *op.columns[i];
        if (c.renamed_from.size) add_hint({table, text(c.name), text(c.renamed_from)});
      }
      return;
    }
    case RETORT_OP_CREATE_INDEX:
      schema_.indexes.push_back({text(op.name), text(op.table), texts(op.index_columns, op.index_column_count),
                                 (op.flags & RETORT_OP_UNIQUE) != 0, text(op.where)});
      return;
    case RETORT_OP_CREATE_VIEW: schema_.views.push_back({text(op.table), text(op.sql)}); return;
    case RETORT_OP_CREATE_ENUM:
      schema_.enums.push_back({text(op.name), texts(op.index_columns, op.index_column_count)});
      return;
  }
  plugin_error(who_ + ": " + call_ + " described a " + std::string(retort::op_kind_name(op.kind)) +
               ", which is not an object of a schema (create_table, create_index, create_view, create_enum)");
}

schema::Schema SchemaImport::take() {
  if (failure_) std::rethrow_exception(failure_);
  schema::sort_schema(schema_);
  return std::move(schema_);
}

std::vector<schema::RenameHint> SchemaImport::take_renames() {
  if (failure_) std::rethrow_exception(failure_);
  return std::move(renames_);
}

}  // namespace host
