#include "mariadb/render.hpp"

#include "mariadb/quote.hpp"
#include "mariadb/render_columns.hpp"
#include "mariadb/types.hpp"

#include <retort/sdk/sql_renderer.hpp>

#include <cstddef>
#include <string_view>

namespace retort::mariadb {
namespace {

// Every table gets the engine and character set explicitly, so the schema
// does not depend on the server's defaults (MyISAM has no foreign keys or
// transactions; latin1 is still the compiled-in default).
constexpr std::string_view table_options = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

std::string_view required(retort_str s, std::string_view what, std::string_view operation) {
  if (s.size == 0)
    throw failure(std::string(operation) + " needs " + std::string(what), RETORT_ERROR_USAGE);
  return view(s);
}

bool has(const retort_op& op, unsigned flag) { return (op.flags & flag) != 0; }

std::string table_of(const retort_op& op, std::string_view operation) {
  return qualified_name(view(op.schema), required(op.table, "a table name", operation));
}

// A plain column name is quoted; anything else (`name(10)`, `created DESC`,
// an expression) is the caller's SQL and passes as written.
std::string index_element(std::string_view element) {
  if (element.empty()) throw failure("CREATE INDEX has an empty column", RETORT_ERROR_USAGE);
  for (char c : element) {
    unsigned char u = static_cast<unsigned char>(c);
    bool word = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                u == '_' || u == '$' || u >= 0x80;
    if (!word) return std::string(element);
  }
  return quote_identifier(element);
}

std::string create_table(const retort_op& op) {
  const std::string table = table_of(op, "CREATE TABLE");
  if (op.column_count == 0 || !op.columns)
    throw failure("CREATE TABLE " + table + " needs at least one column", RETORT_ERROR_USAGE);
  column_elements elements = render_columns(op.columns, op.column_count);
  std::string out = "CREATE TABLE ";
  if (has(op, RETORT_OP_IF_NOT_EXISTS)) out += "IF NOT EXISTS ";
  out += table + " (";
  bool first = true;
  for (const auto* list : {&elements.definitions, &elements.constraints})
    for (const std::string& e : *list) {
      if (!first) out += ", ";
      out += e;
      first = false;
    }
  out += ")";
  out += table_options;
  return out;
}

// Every column of the operation in one ALTER TABLE (the ABI sends one).
std::string add_column(const retort_op& op) {
  const std::string table = table_of(op, "ADD COLUMN");
  if (op.column_count == 0 || !op.columns)
    throw failure("ADD COLUMN on " + table + " needs a column", RETORT_ERROR_USAGE);
  column_elements elements = render_columns(op.columns, op.column_count);
  std::string out = "ALTER TABLE " + table;
  const char* separator = " ";
  for (const std::string& d : elements.definitions) {
    out += separator;
    out += "ADD COLUMN ";
    if (has(op, RETORT_OP_IF_NOT_EXISTS)) out += "IF NOT EXISTS ";
    out += d;
    separator = ", ";
  }
  for (const std::string& c : elements.constraints) out += ", ADD " + c;
  return out;
}

std::string drop_column(const retort_op& op) {
  const std::string table = table_of(op, "DROP COLUMN");
  return "ALTER TABLE " + table + " DROP COLUMN " +
         (has(op, RETORT_OP_IF_EXISTS) ? "IF EXISTS " : "") +
         quote_identifier(required(op.name, "a column name", "DROP COLUMN on " + table));
}

// MariaDB changes type and nullability only by restating the column
// (MODIFY COLUMN), which also resets what it does not restate: nullability
// would silently become NULL and the default would go. So a type change
// must say its nullability, a nullability change must say its type, and a
// default set in the same alteration is restated inline.
std::string alter_column(const retort_op& op) {
  const std::string table = table_of(op, "ALTER COLUMN");
  const std::string column =
      quote_identifier(required(op.name, "a column name", "ALTER COLUMN on " + table));
  const std::string where = "ALTER COLUMN " + table + "." + column;
  const bool new_type = op.alter_type.size != 0;
  const bool new_nullability = op.alter_nullable != RETORT_ALTER_KEEP;
  const int default_action = op.alter_default_action;
  if (default_action != RETORT_DEFAULT_KEEP && default_action != RETORT_DEFAULT_SET &&
      default_action != RETORT_DEFAULT_DROP)
    throw failure(where + ": unknown default action " + std::to_string(default_action),
                  RETORT_ERROR_USAGE);
  if (default_action == RETORT_DEFAULT_SET && op.alter_default_sql.size == 0)
    throw failure(where + ": setting a default needs its SQL expression", RETORT_ERROR_USAGE);

  if (new_nullability && !new_type)
    throw failure(where + ": MariaDB can change nullability only together with the type; "
                          "give the full type too (alteration().type(...))",
                  RETORT_ERROR_USAGE);
  if (new_type && !new_nullability)
    throw failure(where + ": MariaDB's MODIFY COLUMN redefines nullability with the type; "
                          "say whether the column is nullable too (alteration().nullable(...))",
                  RETORT_ERROR_USAGE);

  if (new_type) {
    std::string out = "ALTER TABLE " + table + " MODIFY COLUMN " + column + " " +
                      column_type(view(op.alter_type)) +
                      (op.alter_nullable ? " NULL" : " NOT NULL");
    if (default_action == RETORT_DEFAULT_SET)
      out += " DEFAULT " + std::string(view(op.alter_default_sql));
    return out;
  }
  if (default_action == RETORT_DEFAULT_SET)
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " +
           std::string(view(op.alter_default_sql));
  if (default_action == RETORT_DEFAULT_DROP)
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT";
  throw failure(where + " changes nothing (no type, nullability or default given)",
                RETORT_ERROR_USAGE);
}

std::string rename_table(const retort_op& op) {
  const std::string table = table_of(op, "RENAME TABLE");
  return "RENAME TABLE " + table + " TO " +
         qualified_name(view(op.schema),
                        required(op.new_name, "the new name", "RENAME TABLE " + table));
}

std::string create_index(const retort_op& op) {
  const std::string table = table_of(op, "CREATE INDEX");
  const std::string operation = "CREATE INDEX on " + table;
  const std::string name = quote_identifier(required(op.name, "an index name", operation));
  if (op.where.size != 0)
    throw failure(operation + " has a WHERE clause: MariaDB has no partial indexes",
                  RETORT_ERROR_USAGE);
  if (op.index_column_count == 0 || !op.index_columns)
    throw failure(operation + " needs at least one column", RETORT_ERROR_USAGE);
  std::string out = "CREATE ";
  if (has(op, RETORT_OP_UNIQUE)) out += "UNIQUE ";
  out += "INDEX ";
  if (has(op, RETORT_OP_IF_NOT_EXISTS)) out += "IF NOT EXISTS ";
  out += name + " ON " + table + " (";
  for (std::size_t i = 0; i < op.index_column_count; ++i) {
    if (i) out += ", ";
    out += index_element(view(op.index_columns[i]));
  }
  return out + ")";
}

// MariaDB's index names are per table, so dropping one needs the table.
std::string drop_index(const retort_op& op) {
  const std::string name = quote_identifier(required(op.name, "an index name", "DROP INDEX"));
  if (op.table.size == 0)
    throw failure("DROP INDEX " + name + " needs its table: MariaDB names indexes per table",
                  RETORT_ERROR_USAGE);
  return std::string("DROP INDEX ") + (has(op, RETORT_OP_IF_EXISTS) ? "IF EXISTS " : "") + name +
         " ON " + qualified_name(view(op.schema), view(op.table));
}

// MariaDB's overrides: its own statements for the kinds of ABI 1.0, and a
// DROP for each kind of constraint, since MariaDB keeps foreign keys and
// unique keys apart from other constraints.
class mariadb_renderer final : public sql_renderer {
 protected:
  std::string_view dialect_name() const override { return "mariadb"; }
  std::string quote_identifier(std::string_view name) const override { return mariadb::quote_identifier(name); }
  void create_table(const retort_op& op, const statement_out& out) const override {
    std::string sql = mariadb::create_table(op);
    sql.insert(sql.size() - table_options.size() - 1, table_constraints_sql(op));  // before ")" and the options
    out(sql);
  }
  void add_column(const retort_op& op, const statement_out& out) const override { out(mariadb::add_column(op)); }
  void drop_column(const retort_op& op, const statement_out& out) const override { out(mariadb::drop_column(op)); }
  void alter_column(const retort_op& op, const statement_out& out) const override { out(mariadb::alter_column(op)); }
  void rename_table(const retort_op& op, const statement_out& out) const override { out(mariadb::rename_table(op)); }
  void create_index(const retort_op& op, const statement_out& out) const override { out(mariadb::create_index(op)); }
  void drop_index(const retort_op& op, const statement_out& out) const override { out(mariadb::drop_index(op)); }
  // A foreign key goes with the index MariaDB made for it when it was added
  // (named after the key), which introspection counts as part of the key:
  // so add_foreign_key then drop_foreign_key leaves the table as it was,
  // and a diff that drops a key reaches its target. IF EXISTS: a key added
  // where an index of its columns already was made none.
  void drop_constraint(const retort_op& op, const statement_out& out) const override {
    const std::string name = quote_identifier(required_name(op.name, op, "constraint name"));
    if (op.kind == RETORT_OP_DROP_FOREIGN_KEY) {
      out("ALTER TABLE " + table_of(op) + " DROP FOREIGN KEY " + name + ", DROP INDEX IF EXISTS " + name);
      return;
    }
    const char* what = op.kind == RETORT_OP_DROP_UNIQUE ? " DROP INDEX " : " DROP CONSTRAINT ";
    out("ALTER TABLE " + table_of(op) + what + name);
  }
};

void to_vector(void* context, const char* data, size_t size) {
  static_cast<std::vector<std::string>*>(context)->emplace_back(data, size);
}

}  // namespace

std::vector<std::string> render_op(const retort_op& op) {
  static const mariadb_renderer renderer;
  std::vector<std::string> statements;
  const retort_statement_sink sink{&statements, &to_vector};
  renderer.render(op, statement_out(&sink));
  return statements;
}

}  // namespace retort::mariadb
