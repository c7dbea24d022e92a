// A retort_schema_sink (ABI 1.2) that records what a dialect's introspect()
// describes as canonical text for golden tests: one block per object, the
// blocks sorted, a table's columns in their order and its constraints by
// name. Text, so a failing test shows the difference line by line.
#pragma once

#include <retort/abi.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace test_support {

class schema_capture {
 public:
  schema_capture() {
    sink_.struct_size = sizeof sink_;
    sink_.context = this;
    sink_.object = &on_object;
    sink_.unmanaged = &on_unmanaged;
  }
  schema_capture(const schema_capture&) = delete;
  schema_capture& operator=(const schema_capture&) = delete;

  const retort_schema_sink* sink() const noexcept { return &sink_; }

  /// Every block, sorted, joined with newlines (a trailing one after each line).
  std::string text() const {
    std::vector<std::string> sorted = blocks_;
    std::sort(sorted.begin(), sorted.end());
    std::string out;
    for (const auto& b : sorted) out += b;
    return out;
  }
  /// The block whose first line is `first_line` ("table users"), or "".
  std::string block(std::string_view first_line) const {
    for (const auto& b : blocks_)
      if (b.compare(0, b.find('\n'), first_line) == 0) return b;
    return {};
  }

  static std::string describe(const retort_op& op) {
    switch (op.kind) {
      case RETORT_OP_CREATE_TABLE: {
        std::string out = "table " + qualified(op) + "\n";
        std::size_t key_columns = 0;
        for (std::size_t i = 0; i < op.column_count; ++i) key_columns += (op.columns[i]->flags & RETORT_COLUMN_PRIMARY_KEY) != 0;
        for (std::size_t i = 0; i < op.column_count; ++i) out += "  " + column(*op.columns[i], key_columns > 1) + "\n";
        std::vector<std::string> constraints;
        for (std::size_t i = 0; i < op.constraint_count; ++i) constraints.push_back("  " + constraint(*op.constraints[i]) + "\n");
        std::sort(constraints.begin(), constraints.end());
        for (const auto& c : constraints) out += c;
        return out;
      }
      case RETORT_OP_CREATE_INDEX: {
        std::string out = "index " + s(op.name) + " on " + qualified(op) + " (" + list(op.index_columns, op.index_column_count) + ")";
        if (op.flags & RETORT_OP_UNIQUE) out += " unique";
        if (op.where.size) out += " where " + s(op.where);
        return out + "\n";
      }
      case RETORT_OP_CREATE_VIEW: return "view " + qualified(op) + " as " + s(op.sql) + "\n";
      case RETORT_OP_CREATE_ENUM: return "enum " + s(op.name) + " (" + list(op.index_columns, op.index_column_count) + ")\n";
      default: return "unexpected operation kind " + std::to_string(op.kind) + "\n";
    }
  }

 private:
  static std::string s(retort_str v) { return v.data ? std::string(v.data, v.size) : std::string(); }
  static std::string qualified(const retort_op& op) {
    return op.schema.size ? s(op.schema) + "." + s(op.table) : s(op.table);
  }
  static std::string list(const retort_str* items, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ", " : "") + s(items[i]);
    return out;
  }
  // A column of a composite key says its place in the key ("primary_key 2").
  static std::string column(const retort_column& c, bool composite_key) {
    std::string out = "column " + s(c.name) + " " + s(c.type);
    if (c.flags & RETORT_COLUMN_NOT_NULL) out += " not_null";
    if (c.flags & RETORT_COLUMN_PRIMARY_KEY) out += " primary_key";
    if ((c.flags & RETORT_COLUMN_PRIMARY_KEY) && composite_key) out += " " + std::to_string(c.key_position);
    if (c.flags & RETORT_COLUMN_AUTOINCREMENT) out += " autoincrement";
    if (c.flags & RETORT_COLUMN_UNIQUE) out += " unique";
    if (c.default_sql.size) out += " default " + s(c.default_sql);
    if (c.generated_sql.size)
      out += std::string((c.flags & RETORT_COLUMN_VIRTUAL) ? " generated virtual " : " generated stored ") + s(c.generated_sql);
    if (c.references_table.size) out += " references " + s(c.references_table) + "(" + s(c.references_column) + ")";
    return out;
  }
  static std::string constraint(const retort_op& c) {
    switch (c.kind) {
      case RETORT_OP_ADD_FOREIGN_KEY: {
        std::string out = "foreign_key " + s(c.name) + " (" + list(c.index_columns, c.index_column_count) + ") -> " +
                          s(c.references_table) + " (" + list(c.references_columns, c.references_column_count) + ")";
        if (c.on_delete.size) out += " on_delete " + s(c.on_delete);
        if (c.on_update.size) out += " on_update " + s(c.on_update);
        return out;
      }
      case RETORT_OP_ADD_UNIQUE: return "unique " + s(c.name) + " (" + list(c.index_columns, c.index_column_count) + ")";
      case RETORT_OP_ADD_CHECK: return "check " + s(c.name) + " (" + s(c.check_sql) + ")";
      default: return "unexpected constraint kind " + std::to_string(c.kind);
    }
  }
  static int on_object(void* self, const retort_op* op, retort_error*) {
    static_cast<schema_capture*>(self)->blocks_.push_back(describe(*op));
    return RETORT_OK;
  }
  static void on_unmanaged(void* self, retort_str kind, retort_str name) {
    static_cast<schema_capture*>(self)->blocks_.push_back("unmanaged " + s(kind) + " " + s(name) + "\n");
  }

  retort_schema_sink sink_{};
  std::vector<std::string> blocks_;
};

}  // namespace test_support
