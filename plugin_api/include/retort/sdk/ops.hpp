// retort/sdk/ops.hpp: the operation builder. Revisions describe what they
// do with it (revision.hpp), a dialect describes a live schema with it and
// a models plugin the schema it wants (schema_out.hpp, models.hpp), so
// there is one way to build a retort_op.
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#pragma GCC visibility push(hidden)
namespace retort {

/// A column definition, built fluently: column("price", "numeric(10,2)").not_null().
class column {
 public:
  column(std::string name, std::string type) : name_(std::move(name)), type_(std::move(type)) {}
  column& not_null() { flags_ |= RETORT_COLUMN_NOT_NULL; return *this; }
  column& primary_key() { flags_ |= RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_NOT_NULL; return *this; }
  /// ABI 1.2: the `position`-th column (from 1) of a primary key whose order
  /// is not the table's: PRIMARY KEY (b, a) is b.primary_key(1), a.primary_key(2).
  column& primary_key(std::uint32_t position) { key_position_ = position; return primary_key(); }
  column& autoincrement() { flags_ |= RETORT_COLUMN_AUTOINCREMENT; return *this; }
  column& unique() { flags_ |= RETORT_COLUMN_UNIQUE; return *this; }
  /// A server-side default, as an SQL expression: "0", "'new'", "CURRENT_TIMESTAMP".
  column& default_sql(std::string expression) { default_ = std::move(expression); return *this; }
  /// A foreign key to table(column).
  column& references(std::string table, std::string column_name) {
    ref_table_ = std::move(table);
    ref_column_ = std::move(column_name);
    return *this;
  }
  column& on_delete(std::string action) { on_delete_ = std::move(action); return *this; }
  /// ABI 1.2: ON UPDATE of the foreign key (a host of 1.1 does not see it).
  column& on_update(std::string action) { on_update_ = std::move(action); return *this; }
  /// ABI 1.2: a generated (computed, stored) column: its SQL expression.
  column& generated(std::string expression) {
    generated_ = std::move(expression);
    flags_ &= ~RETORT_COLUMN_VIRTUAL;
    return *this;
  }
  /// ABI 1.2 (RETORT_COLUMN_VIRTUAL): a generated column computed when read,
  /// not stored (VIRTUAL); an engine without them (PostgreSQL before 18) refuses it.
  column& generated_virtual(std::string expression) {
    generated_ = std::move(expression);
    flags_ |= RETORT_COLUMN_VIRTUAL;
    return *this;
  }
  /// ABI 1.2: a rename hint, meaningful only in a models description
  /// (models.hpp): the column was called `old_name` before, so the host
  /// renames it where it would drop and add. A revision renames with
  /// ops::rename_column instead; there the hint is ignored.
  column& renamed_from(std::string old_name) { renamed_from_ = std::move(old_name); return *this; }

  /// The ABI view; borrows from this object.
  retort_column abi() const {
    retort_column c{};
    c.struct_size = sizeof c;
    c.name = str(name_);
    c.type = str(type_);
    c.flags = flags_;
    c.default_sql = str(default_);
    c.references_table = str(ref_table_);
    c.references_column = str(ref_column_);
    c.on_delete = str(on_delete_);
    c.on_update = str(on_update_);
    c.generated_sql = str(generated_);
    c.key_position = key_position_;
    c.renamed_from = str(renamed_from_);
    return c;
  }

 private:
  std::string name_, type_, default_, ref_table_, ref_column_, on_delete_, on_update_, generated_, renamed_from_;
  std::uint32_t flags_ = 0;
  std::uint32_t key_position_ = 0;
};

/// What alter_column changes; anything not set stays as it is.
class alteration {
 public:
  alteration& type(std::string t) { type_ = std::move(t); return *this; }
  alteration& nullable(bool yes) { nullable_ = yes ? 1 : 0; return *this; }
  alteration& default_sql(std::string expression) {
    default_ = std::move(expression);
    default_action_ = RETORT_DEFAULT_SET;
    return *this;
  }
  alteration& drop_default() { default_action_ = RETORT_DEFAULT_DROP; return *this; }

 private:
  friend class ops;
  std::string type_, default_;
  int nullable_ = RETORT_ALTER_KEEP;
  int default_action_ = RETORT_DEFAULT_KEEP;
};

/// A named table constraint (ABI 1.2): made by retort::foreign_key,
/// retort::unique or retort::check, then added with ops::add_constraint or
/// declared inside ops::create_table.
class constraint {
 public:
  /// ON DELETE / ON UPDATE of a foreign key: CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION.
  constraint& on_delete(std::string action) { on_delete_ = std::move(action); return *this; }
  constraint& on_update(std::string action) { on_update_ = std::move(action); return *this; }

  /// The ABI view of this constraint as an ADD_* operation on `table`; its
  /// arrays live in `out`, its strings in this object and `table`.
  struct abi_view {
    retort_op op{};
    std::vector<retort_str> columns, references;
  };
  void abi(std::string_view table, abi_view& out) const {
    out.columns.clear();
    out.references.clear();
    for (const auto& c : columns_) out.columns.push_back(str(c));
    for (const auto& c : references_) out.references.push_back(str(c));
    retort_op& op = out.op;
    op = retort_op{};
    op.struct_size = sizeof op;
    op.kind = kind_;
    op.table = str(table);
    op.name = str(name_);
    op.alter_nullable = RETORT_ALTER_KEEP;
    op.index_columns = out.columns.empty() ? nullptr : out.columns.data();
    op.index_column_count = out.columns.size();
    op.references_table = str(references_table_);
    op.references_columns = out.references.empty() ? nullptr : out.references.data();
    op.references_column_count = out.references.size();
    op.on_delete = str(on_delete_);
    op.on_update = str(on_update_);
    op.check_sql = str(check_);
  }

 private:
  friend constraint foreign_key(std::string, std::vector<std::string>, std::string, std::vector<std::string>);
  friend constraint unique(std::string, std::vector<std::string>);
  friend constraint check(std::string, std::string);
  constraint(int kind, std::string name) : kind_(kind), name_(std::move(name)) {}

  int kind_;
  std::string name_, references_table_, on_delete_, on_update_, check_;
  std::vector<std::string> columns_, references_;
};

/// FOREIGN KEY (columns) REFERENCES references_table (references_columns), named `name`.
inline constraint foreign_key(std::string name, std::vector<std::string> columns, std::string references_table,
                              std::vector<std::string> references_columns) {
  constraint c(RETORT_OP_ADD_FOREIGN_KEY, std::move(name));
  c.columns_ = std::move(columns);
  c.references_table_ = std::move(references_table);
  c.references_ = std::move(references_columns);
  return c;
}
/// UNIQUE (columns), named `name`.
inline constraint unique(std::string name, std::vector<std::string> columns) {
  constraint c(RETORT_OP_ADD_UNIQUE, std::move(name));
  c.columns_ = std::move(columns);
  return c;
}
/// CHECK (expression), named `name`.
inline constraint check(std::string name, std::string expression) {
  constraint c(RETORT_OP_ADD_CHECK, std::move(name));
  c.check_ = std::move(expression);
  return c;
}

/// Options of create_index.
struct index_options {
  bool unique = false;
  std::string where;  ///< partial index predicate, where the engine has them
};

/// The operations a revision can ask for, and what it may know of the run.
class ops {
 public:
  explicit ops(const retort_migration_context* ctx) : ctx_(ctx) {}

  /// The dialect's name: "sqlite", "postgresql", "mariadb".
  std::string_view dialect() const { return view(ctx_->dialect); }
  /// True under `retort upgrade --sql`: nothing is connected.
  bool offline() const { return ctx_->offline != 0; }
  /// The value of `-x KEY=VALUE`, if it was given (Alembic's get_x_argument).
  std::optional<std::string> x(std::string_view key) const {
    retort_str value{nullptr, 0};
    if (ctx_->x_argument(ctx_->host, str(key), &value)) return std::string(view(value));
    return std::nullopt;
  }
  std::string x(std::string_view key, std::string fallback) const {
    auto v = x(key);
    return v ? *v : std::move(fallback);
  }

  /// CREATE TABLE; `constraints` (ABI 1.2) are declared inside the table.
  /// `renamed_from` (ABI 1.2) is a rename hint, meaningful only in a models
  /// description: the table's former name (see column::renamed_from).
  void create_table(std::string_view table, const std::vector<column>& columns,
                    const std::vector<constraint>& constraints = {}, std::string_view renamed_from = {}) {
    std::vector<retort_column> defs;
    defs.reserve(columns.size());
    for (const auto& c : columns) defs.push_back(c.abi());
    std::vector<const retort_column*> ptrs;
    for (const auto& d : defs) ptrs.push_back(&d);
    std::deque<constraint::abi_view> views(constraints.size());  // never moves its elements
    std::vector<const retort_op*> constraint_ptrs;
    for (std::size_t i = 0; i < constraints.size(); ++i) {
      constraints[i].abi(table, views[i]);
      constraint_ptrs.push_back(&views[i].op);
    }
    retort_op op = make(RETORT_OP_CREATE_TABLE, table);
    op.columns = ptrs.data();
    op.column_count = ptrs.size();
    op.constraints = constraint_ptrs.empty() ? nullptr : constraint_ptrs.data();
    op.constraint_count = constraint_ptrs.size();
    op.renamed_from = str(renamed_from);
    send(op);
  }
  void drop_table(std::string_view table) { send(make(RETORT_OP_DROP_TABLE, table)); }
  void add_column(std::string_view table, const column& c) {
    retort_column def = c.abi();
    const retort_column* ptr = &def;
    retort_op op = make(RETORT_OP_ADD_COLUMN, table);
    op.columns = &ptr;
    op.column_count = 1;
    send(op);
  }
  void drop_column(std::string_view table, std::string_view name) {
    retort_op op = make(RETORT_OP_DROP_COLUMN, table);
    op.name = str(name);
    send(op);
  }
  void alter_column(std::string_view table, std::string_view name, const alteration& change) {
    retort_op op = make(RETORT_OP_ALTER_COLUMN, table);
    op.name = str(name);
    op.alter_type = str(change.type_);
    op.alter_nullable = change.nullable_;
    op.alter_default_action = change.default_action_;
    op.alter_default_sql = str(change.default_);
    send(op);
  }
  void rename_column(std::string_view table, std::string_view from, std::string_view to) {
    retort_op op = make(RETORT_OP_RENAME_COLUMN, table);
    op.name = str(from);
    op.new_name = str(to);
    send(op);
  }
  void rename_table(std::string_view from, std::string_view to) {
    retort_op op = make(RETORT_OP_RENAME_TABLE, from);
    op.new_name = str(to);
    send(op);
  }
  void create_index(std::string_view name, std::string_view table,
                    const std::vector<std::string>& columns, const index_options& options = {}) {
    std::vector<retort_str> cols;
    for (const auto& c : columns) cols.push_back(str(c));
    retort_op op = make(RETORT_OP_CREATE_INDEX, table);
    op.name = str(name);
    op.index_columns = cols.data();
    op.index_column_count = cols.size();
    op.where = str(options.where);
    if (options.unique) op.flags |= RETORT_OP_UNIQUE;
    send(op);
  }
  void drop_index(std::string_view name, std::string_view table = {}) {
    retort_op op = make(RETORT_OP_DROP_INDEX, table);
    op.name = str(name);
    send(op);
  }
  /// ABI 1.2: ALTER TABLE ... ADD CONSTRAINT (a foreign key, unique or check).
  void add_constraint(std::string_view table, const constraint& c) {
    constraint::abi_view v;
    c.abi(table, v);
    send(v.op);
  }
  void drop_foreign_key(std::string_view table, std::string_view name) { drop_constraint(RETORT_OP_DROP_FOREIGN_KEY, table, name); }
  void drop_unique(std::string_view table, std::string_view name) { drop_constraint(RETORT_OP_DROP_UNIQUE, table, name); }
  void drop_check(std::string_view table, std::string_view name) { drop_constraint(RETORT_OP_DROP_CHECK, table, name); }
  /// ABI 1.2: CREATE VIEW view AS select.
  void create_view(std::string_view view_name, std::string_view select) {
    retort_op op = make(RETORT_OP_CREATE_VIEW, view_name);
    op.sql = str(select);
    send(op);
  }
  void drop_view(std::string_view view_name) { send(make(RETORT_OP_DROP_VIEW, view_name)); }
  /// ABI 1.2: a named enum type (PostgreSQL's CREATE TYPE ... AS ENUM).
  void create_enum(std::string_view type_name, const std::vector<std::string>& labels) {
    std::vector<retort_str> values;
    for (const auto& l : labels) values.push_back(str(l));
    retort_op op = make(RETORT_OP_CREATE_ENUM, {});
    op.name = str(type_name);
    op.index_columns = values.data();
    op.index_column_count = values.size();
    send(op);
  }
  void drop_enum(std::string_view type_name) {
    retort_op op = make(RETORT_OP_DROP_ENUM, {});
    op.name = str(type_name);
    send(op);
  }
  /// Raw SQL, one or more statements, sent as written.
  void execute(std::string_view sql) {
    retort_op op = make(RETORT_OP_EXECUTE, {});
    op.sql = str(sql);
    send(op);
  }

 private:
  static retort_op make(int kind, std::string_view table) {
    retort_op op{};
    op.struct_size = sizeof op;
    op.kind = kind;
    op.table = str(table);
    op.alter_nullable = RETORT_ALTER_KEEP;
    return op;
  }
  void drop_constraint(int kind, std::string_view table, std::string_view name) {
    retort_op op = make(kind, table);
    op.name = str(name);
    send(op);
  }
  // What ABI 1.2 added to an operation means something: a host of 1.1 would
  // drop it silently, so it is refused here, naming what needs a newer host.
  void require_host_1_2(const retort_op& op) const {
    const bool host_knows = ctx_->struct_size >= offsetof(retort_migration_context, host_abi_minor) +
                                                     sizeof ctx_->host_abi_minor &&
                            ctx_->host_abi_minor >= 2;
    if (host_knows) return;
    bool uses = op.kind > RETORT_OP_EXECUTE || op.constraint_count > 0 || op.renamed_from.size > 0;
    for (std::size_t i = 0; i < op.column_count; ++i)
      uses = uses || op.columns[i]->on_update.size > 0 || op.columns[i]->generated_sql.size > 0 ||
             op.columns[i]->renamed_from.size > 0 || op.columns[i]->key_position > 0;
    if (uses)
      throw failure(std::string(op_kind_name(op.kind)) +
                        ": table constraints, views, enum types, ON UPDATE, generated columns and rename hints "
                        "need a retort host of ABI 1.2 or later; "
                        "this one is older and would drop them: upgrade retort",
                    RETORT_ERROR_USAGE);
  }
  void send(const retort_op& op) {
    require_host_1_2(op);
    retort_error err{};
    err.struct_size = sizeof err;
    if (ctx_->op(ctx_->host, &op, &err) != RETORT_OK)
      throw failure(err.message, err.kind ? err.kind : RETORT_ERROR_USAGE);
  }

  const retort_migration_context* ctx_;
};

}  // namespace retort
#pragma GCC visibility pop
