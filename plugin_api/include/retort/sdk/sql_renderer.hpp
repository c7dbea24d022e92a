// retort/sdk/sql_renderer.hpp: operations rendered as standard SQL, with a
// dialect overriding only what its engine spells differently or cannot do
// (Alembic's DefaultImpl and its per-dialect subclasses). The renderer owns
// the dispatch over operation kinds, the refusal of an unknown kind, and the
// standard statements; a dialect owns quoting, types and its refusals, each
// with advice.
//
// Adding an operation kind: its number in abi.h (appended, with the minor
// that added it), its name in vocabulary.hpp, its builder in revision.hpp,
// one function here with the standard SQL, an override where an engine
// differs, and one row per dialect in tests/conformance.
#pragma once

#include <retort/sdk/dialect.hpp>
#include <retort/sdk/text.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <string>
#include <string_view>

#pragma GCC visibility push(hidden)
namespace retort {

class sql_renderer {
 public:
  virtual ~sql_renderer() = default;

  /// Renders `op`, read through fitted_op, into its statements.
  void render(const retort_op& op, const statement_out& out) const {
    switch (op.kind) {
      case RETORT_OP_CREATE_TABLE: return create_table(op, out);
      case RETORT_OP_DROP_TABLE: return drop_table(op, out);
      case RETORT_OP_ADD_COLUMN: return add_column(op, out);
      case RETORT_OP_DROP_COLUMN: return drop_column(op, out);
      case RETORT_OP_ALTER_COLUMN: return alter_column(op, out);
      case RETORT_OP_RENAME_COLUMN: return rename_column(op, out);
      case RETORT_OP_RENAME_TABLE: return rename_table(op, out);
      case RETORT_OP_CREATE_INDEX: return create_index(op, out);
      case RETORT_OP_DROP_INDEX: return drop_index(op, out);
      case RETORT_OP_EXECUTE: return execute(op, out);
      case RETORT_OP_ADD_FOREIGN_KEY:
      case RETORT_OP_ADD_UNIQUE:
      case RETORT_OP_ADD_CHECK: return add_constraint(op, out);
      case RETORT_OP_DROP_FOREIGN_KEY:
      case RETORT_OP_DROP_UNIQUE:
      case RETORT_OP_DROP_CHECK: return drop_constraint(op, out);
      case RETORT_OP_CREATE_VIEW: return create_view(op, out);
      case RETORT_OP_DROP_VIEW: return drop_view(op, out);
      case RETORT_OP_CREATE_ENUM: return create_enum(op, out);
      case RETORT_OP_DROP_ENUM: return drop_enum(op, out);
      case RETORT_OP_REBUILD_TABLE: return rebuild_table(op, out);
    }
    throw failure("operation kind " + std::to_string(op.kind) + " is unknown to the " +
                      std::string(dialect_name()) + " dialect (ABI " + std::to_string(RETORT_ABI_MAJOR) + "." +
                      std::to_string(RETORT_ABI_MINOR) + ")",
                  RETORT_ERROR_USAGE);
  }

 protected:
  virtual std::string_view dialect_name() const = 0;
  virtual std::string quote_identifier(std::string_view name) const = 0;
  /// `schema.name`, each quoted; `name` alone for the connection's default schema.
  virtual std::string qualified(std::string_view schema, std::string_view name) const {
    return schema.empty() ? quote_identifier(name) : quote_identifier(schema) + "." + quote_identifier(name);
  }
  /// The table a foreign key points at: in the schema of the table it is declared on.
  virtual std::string referenced_table(std::string_view schema, std::string_view name) const {
    return qualified(schema, name);
  }

  // Kinds of ABI 1.0 whose statements differ by engine (column definitions,
  // identity, index entries): each dialect renders them.
  virtual void create_table(const retort_op& op, const statement_out& out) const = 0;
  virtual void add_column(const retort_op& op, const statement_out& out) const = 0;
  virtual void alter_column(const retort_op& op, const statement_out& out) const = 0;
  virtual void rename_table(const retort_op& op, const statement_out& out) const = 0;
  virtual void create_index(const retort_op& op, const statement_out& out) const = 0;
  virtual void drop_index(const retort_op& op, const statement_out& out) const = 0;

  /// DROP TABLE [IF EXISTS] t.
  virtual void drop_table(const retort_op& op, const statement_out& out) const {
    out(std::string("DROP TABLE ") + ((op.flags & RETORT_OP_IF_EXISTS) ? "IF EXISTS " : "") + table_of(op));
  }
  /// ALTER TABLE t DROP COLUMN c.
  virtual void drop_column(const retort_op& op, const statement_out& out) const {
    out("ALTER TABLE " + table_of(op) + " DROP COLUMN " + quote_identifier(required_name(op.name, op, "column name")));
  }
  /// ALTER TABLE t RENAME COLUMN a TO b.
  virtual void rename_column(const retort_op& op, const statement_out& out) const {
    out("ALTER TABLE " + table_of(op) + " RENAME COLUMN " + quote_identifier(required_name(op.name, op, "column name")) +
        " TO " + quote_identifier(required_name(op.new_name, op, "new column name")));
  }

  /// The script as written, in one call: the host decides whether to split it.
  virtual void execute(const retort_op& op, const statement_out& out) const {
    const std::string_view sql = text_of(op.sql, "sql");
    if (text::trim(sql).empty()) throw failure("execute: the SQL is empty", RETORT_ERROR_USAGE);
    out(sql);
  }

  /// ALTER TABLE t ADD CONSTRAINT ... (ABI 1.2).
  virtual void add_constraint(const retort_op& op, const statement_out& out) const {
    out("ALTER TABLE " + table_of(op) + " ADD " + constraint_sql(op, text_of(op.schema, "schema")));
  }
  /// ALTER TABLE t DROP CONSTRAINT n (ABI 1.2).
  virtual void drop_constraint(const retort_op& op, const statement_out& out) const {
    out("ALTER TABLE " + table_of(op) + " DROP CONSTRAINT " +
        quote_identifier(required_name(op.name, op, "constraint name")));
  }

  /// CREATE VIEW v AS select (ABI 1.2).
  virtual void create_view(const retort_op& op, const statement_out& out) const {
    const std::string_view select = text_of(op.sql, "sql");
    if (text::trim(select).empty()) throw failure("create_view " + table_of(op) + ": the SELECT is empty", RETORT_ERROR_USAGE);
    out("CREATE VIEW " + table_of(op) + " AS " + std::string(select));
  }
  /// DROP VIEW v (ABI 1.2).
  virtual void drop_view(const retort_op& op, const statement_out& out) const {
    out(std::string("DROP VIEW ") + ((op.flags & RETORT_OP_IF_EXISTS) ? "IF EXISTS " : "") + table_of(op));
  }
  /// Named enum types (ABI 1.2): only engines that have them override these.
  virtual void create_enum(const retort_op& op, const statement_out&) const {
    throw failure("create_enum " + std::string(text_of(op.name, "name")) + ": " + std::string(dialect_name()) +
                      " has no named enum types; declare the column's allowed values with a check constraint",
                  RETORT_ERROR_USAGE);
  }
  virtual void drop_enum(const retort_op& op, const statement_out&) const {
    throw failure("drop_enum " + std::string(text_of(op.name, "name")) + ": " + std::string(dialect_name()) +
                      " has no named enum types",
                  RETORT_ERROR_USAGE);
  }

  /// ABI 1.2: only an engine that alters tables by rebuilding them renders this.
  virtual void rebuild_table(const retort_op& op, const statement_out&) const {
    throw failure("rebuild_table " + table_of(op) + ": " + std::string(dialect_name()) +
                      " alters tables in place; use add_column, alter_column and the constraint operations",
                  RETORT_ERROR_USAGE);
  }

  /// How ADD and CREATE TABLE spell a constraint:
  /// `CONSTRAINT n FOREIGN KEY (a, b) REFERENCES r (x, y) ON DELETE CASCADE`,
  /// `CONSTRAINT n UNIQUE (a, b)`, `CONSTRAINT n CHECK (expression)`.
  virtual std::string constraint_sql(const retort_op& c, std::string_view schema) const {
    // Unnamed: the engine names it (SQLite keeps none); dropping one later needs a name.
    std::string sql = c.name.size == 0 ? std::string()
                                       : "CONSTRAINT " + quote_identifier(required_name(c.name, c, "constraint name")) + " ";
    switch (c.kind) {
      case RETORT_OP_ADD_FOREIGN_KEY: {
        if (c.references_column_count != c.index_column_count)
          throw failure(context(c) + ": foreign key " + std::string(view(c.name)) + " has " +
                            std::to_string(c.index_column_count) + " column(s) but references " +
                            std::to_string(c.references_column_count),
                        RETORT_ERROR_USAGE);
        sql += "FOREIGN KEY (" + name_list(c.index_columns, c.index_column_count, c, "column") + ") REFERENCES " +
               referenced_table(schema, required_name(c.references_table, c, "referenced table")) + " (" +
               name_list(c.references_columns, c.references_column_count, c, "referenced column") + ")";
        const std::string subject = context(c) + ": foreign key " + std::string(view(c.name));
        const std::string on_delete = referential_action(text_of(c.on_delete, "on_delete"), subject, "on_delete");
        const std::string on_update = referential_action(text_of(c.on_update, "on_update"), subject, "on_update");
        if (!on_delete.empty()) sql += " ON DELETE " + on_delete;
        if (!on_update.empty()) sql += " ON UPDATE " + on_update;
        return sql;
      }
      case RETORT_OP_ADD_UNIQUE:
        return sql + "UNIQUE (" + name_list(c.index_columns, c.index_column_count, c, "column") + ")";
      case RETORT_OP_ADD_CHECK: {
        const std::string_view expression = text::trim(text_of(c.check_sql, "check_sql"));
        if (expression.empty())
          throw failure(context(c) + ": check " + std::string(view(c.name)) + " has no expression", RETORT_ERROR_USAGE);
        return sql + "CHECK (" + std::string(expression) + ")";
      }
    }
    throw failure(context(c) + " is not a table constraint", RETORT_ERROR_USAGE);
  }

  /// ", CONSTRAINT ..." for every constraint a CREATE_TABLE declares, to
  /// close its column list with.
  std::string table_constraints_sql(const retort_op& create_table) const {
    std::string sql;
    for (std::size_t i = 0; i < create_table.constraint_count; ++i)
      sql += ", " + constraint_sql(*create_table.constraints[i], text_of(create_table.schema, "schema"));
    return sql;
  }

  // Reading fields: one wording for every dialect's messages.

  /// "add_unique shop.users": how a message names the operation.
  static std::string context(const retort_op& op) {
    const std::string_view schema = text_of(op.schema, "schema");
    const std::string_view table = text_of(op.table, "table name");
    std::string out(op_kind_name(op.kind));
    // A name with a NUL is what the message is about: it cannot be in it.
    const auto printable = [](std::string_view name) { return name.find('\0') == std::string_view::npos; };
    if (!table.empty() && printable(table) && printable(schema))
      out += " " + (schema.empty() ? std::string(table) : std::string(schema) + "." + std::string(table));
    return out;
  }
  /// vocabulary.hpp's op_text and op_name, with the operation as the context.
  static std::string_view text_of(retort_str s, std::string_view field) { return op_text(s, field); }
  static std::string_view required_name(retort_str s, const retort_op& op, std::string_view what) {
    return op_name(s, context(op), what);
  }
  std::string table_of(const retort_op& op) const {
    return qualified(text_of(op.schema, "schema"), required_name(op.table, op, "table name"));
  }
  /// `"a", "b"`: at least one name, each quoted.
  std::string name_list(const retort_str* names, std::size_t count, const retort_op& op, std::string_view what) const {
    if (count == 0) throw failure(context(op) + ": no " + std::string(what) + "s given", RETORT_ERROR_USAGE);
    std::string sql;
    for (std::size_t i = 0; i < count; ++i)
      sql += (i ? ", " : "") + quote_identifier(required_name(names[i], op, std::string(what) + " " + std::to_string(i + 1)));
    return sql;
  }
};

}  // namespace retort
#pragma GCC visibility pop
