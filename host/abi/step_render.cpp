#include "host/abi/step_render.hpp"

#include <retort/abi.h>

#include <deque>

namespace host {
namespace {

using Kind = schema::Step::Kind;

// Owns every string and array a retort_op built here borrows.
class OpBuilder {
 public:
  retort_str keep(const std::string& s) {
    strings_.push_back(s);
    return retort_str{strings_.back().data(), strings_.back().size()};
  }
  const retort_str* list(const std::vector<std::string>& items) {
    lists_.emplace_back();
    for (const auto& i : items) lists_.back().push_back(keep(i));
    return lists_.back().empty() ? nullptr : lists_.back().data();
  }
  retort_op op(int kind, const std::string& table) {
    retort_op o{};
    o.struct_size = sizeof o;
    o.kind = kind;
    o.table = keep(table);
    o.alter_nullable = RETORT_ALTER_KEEP;
    return o;
  }
  // `key_position`: the column's place in the primary key, from 1; 0 when not in it.
  retort_column column(const schema::Column& c, std::uint32_t key_position) {
    const bool in_key = key_position > 0;
    retort_column out{};
    out.struct_size = sizeof out;
    out.name = keep(c.name);
    out.type = keep(c.type);
    if (!c.nullable || in_key) out.flags |= RETORT_COLUMN_NOT_NULL;
    if (in_key) out.flags |= RETORT_COLUMN_PRIMARY_KEY;
    out.key_position = key_position;
    if (c.autoincrement) out.flags |= RETORT_COLUMN_AUTOINCREMENT;
    if (c.default_sql) out.default_sql = keep(*c.default_sql);
    if (!c.generated.empty()) out.generated_sql = keep(c.generated);
    if (!c.generated.empty() && c.generated_virtual) out.flags |= RETORT_COLUMN_VIRTUAL;
    return out;
  }
  void set_columns(retort_op& o, std::vector<retort_column> columns) {
    columns_.push_back(std::move(columns));
    pointers_.emplace_back();
    for (const auto& c : columns_.back()) pointers_.back().push_back(&c);
    o.columns = pointers_.back().data();
    o.column_count = pointers_.back().size();
  }
  retort_op foreign_key(const std::string& table, const schema::ForeignKey& f) {
    retort_op o = op(RETORT_OP_ADD_FOREIGN_KEY, table);
    o.name = keep(f.name);
    o.index_columns = list(f.columns);
    o.index_column_count = f.columns.size();
    o.references_table = keep(f.references_table);
    o.references_columns = list(f.references_columns);
    o.references_column_count = f.references_columns.size();
    o.on_delete = keep(f.on_delete);
    o.on_update = keep(f.on_update);
    return o;
  }
  retort_op unique(const std::string& table, const schema::Unique& u) {
    retort_op o = op(RETORT_OP_ADD_UNIQUE, table);
    o.name = keep(u.name);
    o.index_columns = list(u.columns);
    o.index_column_count = u.columns.size();
    return o;
  }
  retort_op check(const std::string& table, const schema::Check& c) {
    retort_op o = op(RETORT_OP_ADD_CHECK, table);
    o.name = keep(c.name);
    o.check_sql = keep(c.expression);
    return o;
  }
  void set_constraints(retort_op& o, std::vector<retort_op> constraints) {
    constraint_ops_.push_back(std::move(constraints));
    constraint_pointers_.emplace_back();
    for (const auto& c : constraint_ops_.back()) constraint_pointers_.back().push_back(&c);
    o.constraints = constraint_pointers_.back().empty() ? nullptr : constraint_pointers_.back().data();
    o.constraint_count = constraint_pointers_.back().size();
  }

 private:
  std::deque<std::string> strings_;  // a deque never moves what it holds
  std::deque<std::vector<retort_str>> lists_;
  std::deque<std::vector<retort_column>> columns_;
  std::deque<std::vector<const retort_column*>> pointers_;
  std::deque<std::vector<retort_op>> constraint_ops_;
  std::deque<std::vector<const retort_op*>> constraint_pointers_;
};

// The column's place in `t`'s primary key, from 1; 0 when not in it.
std::uint32_t key_position(const schema::Table& t, const std::string& column) {
  for (std::size_t i = 0; i < t.primary_key.size(); ++i)
    if (t.primary_key[i] == column) return static_cast<std::uint32_t>(i + 1);
  return 0;
}

retort_op create_table(OpBuilder& b, const schema::Table& t) {
  retort_op o = b.op(RETORT_OP_CREATE_TABLE, t.name);
  std::vector<retort_column> columns;
  for (const auto& c : t.columns) columns.push_back(b.column(c, key_position(t, c.name)));
  b.set_columns(o, std::move(columns));
  std::vector<retort_op> constraints;
  for (const auto& f : t.foreign_keys) constraints.push_back(b.foreign_key(t.name, f));
  for (const auto& u : t.uniques) constraints.push_back(b.unique(t.name, u));
  for (const auto& c : t.checks) constraints.push_back(b.check(t.name, c));
  b.set_constraints(o, std::move(constraints));
  return o;
}

retort_op named(OpBuilder& b, int kind, const schema::Step& s) {
  retort_op o = b.op(kind, s.table);
  o.name = b.keep(s.name);
  return o;
}

retort_op op_of(OpBuilder& b, const schema::Step& s) {
  switch (s.kind) {
    case Kind::create_table: return create_table(b, s.definition);
    case Kind::drop_table: return b.op(RETORT_OP_DROP_TABLE, s.table);
    case Kind::add_column: {
      retort_op o = b.op(RETORT_OP_ADD_COLUMN, s.table);
      b.set_columns(o, {b.column(s.column, 0)});
      return o;
    }
    case Kind::drop_column: return named(b, RETORT_OP_DROP_COLUMN, s);
    case Kind::alter_column: {
      retort_op o = b.op(RETORT_OP_ALTER_COLUMN, s.table);
      o.name = b.keep(s.column.name);
      if (s.change_type) o.alter_type = b.keep(s.column.type);
      if (s.change_nullable) o.alter_nullable = s.column.nullable ? 1 : 0;
      if (s.change_default) {
        o.alter_default_action = s.column.default_sql ? RETORT_DEFAULT_SET : RETORT_DEFAULT_DROP;
        if (s.column.default_sql) o.alter_default_sql = b.keep(*s.column.default_sql);
      }
      return o;
    }
    case Kind::create_index: {
      retort_op o = b.op(RETORT_OP_CREATE_INDEX, s.index.table);
      o.name = b.keep(s.index.name);
      o.index_columns = b.list(s.index.entries);
      o.index_column_count = s.index.entries.size();
      o.where = b.keep(s.index.where);
      if (s.index.unique) o.flags |= RETORT_OP_UNIQUE;
      return o;
    }
    case Kind::drop_index: return named(b, RETORT_OP_DROP_INDEX, s);
    case Kind::add_foreign_key: return b.foreign_key(s.table, s.foreign_key);
    case Kind::drop_foreign_key: return named(b, RETORT_OP_DROP_FOREIGN_KEY, s);
    case Kind::add_unique: return b.unique(s.table, s.unique);
    case Kind::drop_unique: return named(b, RETORT_OP_DROP_UNIQUE, s);
    case Kind::add_check: return b.check(s.table, s.check);
    case Kind::drop_check: return named(b, RETORT_OP_DROP_CHECK, s);
    case Kind::create_view: {
      retort_op o = b.op(RETORT_OP_CREATE_VIEW, s.view.name);
      o.sql = b.keep(s.view.definition);
      return o;
    }
    case Kind::drop_view: return b.op(RETORT_OP_DROP_VIEW, s.table);
    case Kind::create_enum: {
      retort_op o = b.op(RETORT_OP_CREATE_ENUM, "");
      o.name = b.keep(s.enum_type.name);
      o.index_columns = b.list(s.enum_type.labels);
      o.index_column_count = s.enum_type.labels.size();
      return o;
    }
    case Kind::rebuild_table: {
      retort_op o = create_table(b, s.definition);
      o.kind = RETORT_OP_REBUILD_TABLE;
      o.index_columns = b.list(s.copied);
      o.index_column_count = s.copied.size();
      return o;
    }
    case Kind::rename_table: {
      retort_op o = b.op(RETORT_OP_RENAME_TABLE, s.table);
      o.new_name = b.keep(s.name);
      return o;
    }
    case Kind::rename_column: {
      retort_op o = b.op(RETORT_OP_RENAME_COLUMN, s.table);
      o.name = b.keep(s.name);
      o.new_name = b.keep(s.column.name);
      return o;
    }
    case Kind::drop_enum: {
      retort_op o = b.op(RETORT_OP_DROP_ENUM, "");
      o.name = b.keep(s.enum_type.name);
      return o;
    }
  }
  return b.op(0, s.table);
}

}  // namespace

std::vector<std::string> render_step(const Dialect& dialect, const schema::Step& step) {
  OpBuilder builder;
  const retort_op op = op_of(builder, step);
  return dialect.render(op);
}

}  // namespace host
