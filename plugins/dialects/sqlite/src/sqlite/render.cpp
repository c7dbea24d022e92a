#include <sqlite/render.hpp>

#include "sqlite/column_sql.hpp"
#include "sqlite/op_fields.hpp"
#include "sqlite/text.hpp"

#include <sqlite/quote.hpp>
#include <retort/sdk/sql_renderer.hpp>
#include <retort/sdk/vocabulary.hpp>

namespace retort::sqlite {
namespace {

using fields::name_of;
using fields::qualified;
using fields::text_of;

// Names every operation needs, read and checked once.
struct target {
  std::string context;  // e.g. "drop_column shop.users", the start of every message
  std::string_view schema;
  std::string_view table;
};

target table_target(const retort_op& op) {
  std::string_view kind = op_kind_name(op.kind);
  target t;
  t.table = name_of(op.table, kind, "table name");
  t.schema = text_of(op.schema, "schema");
  t.context = std::string(kind) + " " + fields::display_table(op);
  return t;
}

std::string alter_table(const target& t) { return "ALTER TABLE " + qualified(t.schema, t.table); }

std::string add_column_sql(const retort_op& op) {
  target t = table_target(op);
  if (op.column_count != 1)
    throw failure(t.context + ": add_column takes exactly one column, got " +
                      std::to_string(op.column_count),
                  RETORT_ERROR_USAGE);
  const retort_column& c = *op.columns[0];
  std::string label = fields::display_table(op) + "." + std::string(name_of(c.name, t.context, "column 1 name"));
  // SQLite refuses these in ALTER TABLE ADD COLUMN whatever the data; saying
  // so here lets offline mode fail as early as online mode.
  if (c.flags & (RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT))
    throw failure("SQLite cannot add the PRIMARY KEY column " + label +
                      ": rebuild the table with create_table + execute(INSERT … SELECT) + "
                      "drop_table + rename_table",
                  RETORT_ERROR_USAGE);
  if (c.flags & RETORT_COLUMN_UNIQUE)
    throw failure("SQLite cannot add the UNIQUE column " + label +
                      ": add it without unique, then create a unique index on it",
                  RETORT_ERROR_USAGE);
  return alter_table(t) + " ADD COLUMN " +
         column_definition(c, 0, key_role::none, fields::display_table(op), t.context);
}

std::string rename_table_sql(const retort_op& op) {
  target t = table_target(op);
  // The new name stays in the table's schema; SQLite refuses a qualified one.
  return alter_table(t) + " RENAME TO " + quote_identifier(name_of(op.new_name, t.context, "new table name"));
}

// SQLite cannot change a column's type, nullability or default in place; the
// documented way is a table rebuild, which a revision can spell out with
// portable operations. Faking it here would need the table's full definition,
// which only the database knows, so offline mode could not render it.
void alter_column(const retort_op& op) {
  target t = table_target(op);
  std::string_view column = name_of(op.name, t.context, "column name");
  bool changes_something = !text::trim(text_of(op.alter_type, "alter_type")).empty() ||
                           op.alter_nullable != RETORT_ALTER_KEEP ||
                           op.alter_default_action != RETORT_DEFAULT_KEEP;
  if (!changes_something) return;  // nothing asked, nothing to render
  throw failure("SQLite cannot ALTER COLUMN " + fields::display_table(op) + "." + std::string(column) +
                    " (type/nullability/default): rebuild the table with create_table + "
                    "execute(INSERT … SELECT) + drop_table + rename_table",
                RETORT_ERROR_USAGE);
}

// An entry with a parenthesis or a space is an expression or carries a
// collation or sort order ("lower(email)", "name DESC"): it is SQL, not a name.
std::string index_entry(std::string_view entry) {
  if (entry.find('(') != std::string_view::npos || entry.find(' ') != std::string_view::npos)
    return std::string(entry);
  return quote_identifier(entry);
}

std::string create_index_sql(const retort_op& op) {
  target t = table_target(op);
  std::string_view index = name_of(op.name, t.context, "index name");
  if (op.index_column_count == 0) throw failure(t.context + ": index " + std::string(index) + " has no columns", RETORT_ERROR_USAGE);
  std::string sql = "CREATE ";
  if (op.flags & RETORT_OP_UNIQUE) sql += "UNIQUE ";
  sql += "INDEX ";
  if (op.flags & RETORT_OP_IF_NOT_EXISTS) sql += "IF NOT EXISTS ";
  // SQLite puts the schema on the index, and the table must then be unqualified.
  sql += qualified(t.schema, index) + " ON " + quote_identifier(t.table) + " (";
  for (std::size_t i = 0; i < op.index_column_count; ++i) {
    std::string what = "index column " + std::to_string(i + 1);
    std::string_view entry = text::trim(text_of(op.index_columns[i], what));
    if (entry.empty() || entry.find('\0') != std::string_view::npos)
      throw failure(t.context + ": " + what + " of index " + std::string(index) + " is empty or contains NUL",
                    RETORT_ERROR_USAGE);
    sql += (i > 0 ? "," : "") + index_entry(entry);
  }
  sql += ")";
  std::string_view where = text::trim(text_of(op.where, "where"));
  if (!where.empty()) sql += " WHERE " + std::string(where);
  return sql;
}

std::string drop_index_sql(const retort_op& op) {
  std::string_view index = name_of(op.name, "drop_index", "index name");
  return std::string("DROP INDEX ") + (op.flags & RETORT_OP_IF_EXISTS ? "IF EXISTS " : "") +
         qualified(text_of(op.schema, "schema"), index);
}

// SQLite's overrides of the standard renderer: everything it spells its
// own way, and the refusals (with advice) for what it cannot do in place.
class sqlite_renderer final : public sql_renderer {
 protected:
  std::string_view dialect_name() const override { return "sqlite"; }
  std::string quote_identifier(std::string_view name) const override { return sqlite::quote_identifier(name); }
  // SQLite resolves a foreign key in the schema of its own table.
  std::string referenced_table(std::string_view, std::string_view name) const override {
    return sqlite::quote_identifier(name);
  }
  void create_table(const retort_op& op, const statement_out& out) const override {
    std::string sql = create_table_sql(op);
    sql.insert(sql.size() - 1, table_constraints_sql(op));  // inside the closing parenthesis
    out(sql);
  }
  void add_column(const retort_op& op, const statement_out& out) const override { out(add_column_sql(op)); }
  void alter_column(const retort_op& op, const statement_out&) const override { sqlite::alter_column(op); }
  void rename_table(const retort_op& op, const statement_out& out) const override { out(rename_table_sql(op)); }
  void create_index(const retort_op& op, const statement_out& out) const override { out(create_index_sql(op)); }
  void drop_index(const retort_op& op, const statement_out& out) const override { out(drop_index_sql(op)); }
  // SQLite's documented way to change a table (sqlite.org/lang_altertable.html,
  // "Making Other Kinds Of Table Schema Changes"): a new table, the rows
  // copied, the old one dropped, the new one renamed. Foreign keys must be
  // off for it: with them on, DROP TABLE deletes the rows first, which
  // cascades into the children of a parent table (or fails, NO ACTION).
  // `PRAGMA foreign_keys = OFF` below does that only outside a transaction
  // (a `diff` script run as it is); inside one it is a no-op. So an online
  // run's connection turns them off before its transaction begins and on
  // again after it ends (transactions.cpp), and a script run inside a
  // transaction (`upgrade --sql`) must be run with them off, the sqlite3
  // shell's default. The pragma is never undone here: a script cannot know
  // whether they were on. The rebuilt table's own keys are checked before
  // the end: a violation fails the CHECK of retort_foreign_key_violations.
  // Not the keys pointing at it: in the middle of a plan a child may still
  // name a key of this table that the plan changes (a primary key that
  // grows, with the child's key changed after), and the check would then
  // fail with "foreign key mismatch". SQLite's procedure checks every key
  // once all is changed; online, with foreign keys on, the connection does
  // that at the end of each step (transactions.cpp).
  void rebuild_table(const retort_op& op, const statement_out& out) const override {
    const std::string_view table = fields::name_of(op.table, "rebuild_table", "table name");
    const std::string scratch_name = std::string(table) + "__retort_rebuild";
    retort_op target = op;
    target.kind = RETORT_OP_CREATE_TABLE;
    target.table = retort_str{scratch_name.data(), scratch_name.size()};
    std::string columns;
    for (std::size_t i = 0; i < op.index_column_count; ++i)
      columns += (i ? ", " : "") + quote_identifier(fields::name_of(op.index_columns[i], "rebuild_table", "copied column"));
    const std::string old_table = qualified(fields::text_of(op.schema, "schema"), table);
    const std::string new_table = qualified(fields::text_of(op.schema, "schema"), scratch_name);
    out("PRAGMA foreign_keys = OFF");
    create_table(target, out);
    if (!columns.empty())
      out("INSERT INTO " + new_table + " (" + columns + ") SELECT " + columns + " FROM " + old_table);
    out("DROP TABLE " + old_table);
    out("ALTER TABLE " + new_table + " RENAME TO " + quote_identifier(table));
    out("CREATE TEMP TABLE retort_foreign_key_violations (violations INTEGER CHECK (violations = 0))");
    out("INSERT INTO retort_foreign_key_violations SELECT COUNT(*) FROM pragma_foreign_key_check(" +
        sqlite::quote_literal(table) + ")");
    out("DROP TABLE retort_foreign_key_violations");
  }
  // ALTER TABLE has no ADD/DROP CONSTRAINT in SQLite.
  void add_constraint(const retort_op& op, const statement_out&) const override { cannot_alter_constraints(op); }
  void drop_constraint(const retort_op& op, const statement_out&) const override { cannot_alter_constraints(op); }

 private:
  [[noreturn]] static void cannot_alter_constraints(const retort_op& op) {
    throw failure("SQLite cannot " + std::string(op_kind_name(op.kind)) + " on an existing table (" +
                      context(op) + "): declare constraints in create_table, or rebuild the table with "
                      "create_table + execute(INSERT … SELECT) + drop_table + rename_table",
                  RETORT_ERROR_USAGE);
  }
};

}  // namespace

void render_op(const retort_op& op, const statement_out& out) {
  static const sqlite_renderer renderer;
  renderer.render(op, out);
}

}  // namespace retort::sqlite
