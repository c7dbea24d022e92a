#include "sqlite/column_sql.hpp"

#include "sqlite/default_expression.hpp"
#include "sqlite/op_fields.hpp"
#include "sqlite/text.hpp"

#include <sqlite/quote.hpp>
#include <sqlite/types.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <vector>

namespace retort::sqlite {
namespace {

std::string references_clause(const retort_column& c, std::string_view column_label,
                              std::string_view context) {
  std::string_view table = fields::text_of(c.references_table, "references_table");
  std::string_view column = fields::text_of(c.references_column, "references_column");
  std::string_view on_delete = text::trim(fields::text_of(c.on_delete, "on_delete"));
  if (table.empty()) {
    if (!column.empty() || !on_delete.empty() || !text::trim(fields::text_of(c.on_update, "on_update")).empty())
      throw failure(std::string(context) + ": column " + std::string(column_label) +
                        " has references_column or on_delete but no references_table",
                    RETORT_ERROR_USAGE);
    return {};
  }
  // SQLite resolves a foreign key in the schema of its own table, so the
  // target is never schema-qualified.
  std::string sql = " REFERENCES " + quote_identifier(table);
  if (!column.empty()) sql += "(" + quote_identifier(column) + ")";
  const std::string subject = std::string(context) + ": column " + std::string(column_label);
  if (!on_delete.empty()) sql += " ON DELETE " + referential_action(on_delete, subject);
  const std::string on_update = referential_action(fields::text_of(c.on_update, "on_update"), subject, "on_update");
  if (!on_update.empty()) sql += " ON UPDATE " + on_update;
  return sql;
}

// SQLite has AUTOINCREMENT only for the rowid alias: the one INTEGER
// PRIMARY KEY column of a table.
void check_autoincrement(const retort_column& c, std::size_t index, bool single_key,
                         std::string_view table_label, std::string_view context) {
  std::string_view name =
      fields::name_of(c.name, context, "column " + std::to_string(index + 1) + " name");
  std::string label = std::string(table_label) + "." + std::string(name);
  std::string_view type = text::trim(fields::text_of(c.type, "type"));
  if (type.empty())
    throw failure(std::string(context) + ": column " + label + " has no type", RETORT_ERROR_USAGE);
  std::string why;
  if (!(c.flags & RETORT_COLUMN_PRIMARY_KEY)) why = label + " is not the primary key";
  else if (!single_key) why = label + " is part of a composite primary key";
  else if (!is_integer_type(type)) why = label + " has type " + std::string(type);
  if (!why.empty())
    throw failure(std::string(context) +
                      ": SQLite allows AUTOINCREMENT only on a single INTEGER PRIMARY KEY column; " + why,
                  RETORT_ERROR_USAGE);
}

}  // namespace

std::string column_definition(const retort_column& c, std::size_t index, key_role role,
                              std::string_view table_label, std::string_view context) {
  std::string_view name =
      fields::name_of(c.name, context, "column " + std::to_string(index + 1) + " name");
  std::string label = std::string(table_label) + "." + std::string(name);
  std::string type = sqlite_type(fields::text_of(c.type, "type"));
  if (type.empty())
    throw failure(std::string(context) + ": column " + label + " has no type", RETORT_ERROR_USAGE);

  std::string sql = quote_identifier(name) + " ";
  if (role == key_role::autoincrement) {
    // Only this exact spelling makes the column SQLite's rowid alias, which
    // AUTOINCREMENT requires; BIGINT would be rejected. NOT NULL and UNIQUE
    // are implied by it.
    sql += "INTEGER PRIMARY KEY AUTOINCREMENT";
    generated_clause(c, std::string(context) + ": column " + label);  // refuses generated with autoincrement
  } else {
    sql += type;
    sql += generated_clause(c, std::string(context) + ": column " + label);
    if (role == key_role::primary_key) sql += " PRIMARY KEY";
    if (c.flags & RETORT_COLUMN_NOT_NULL) sql += " NOT NULL";
    if (c.flags & RETORT_COLUMN_UNIQUE) sql += " UNIQUE";
  }
  std::string_view default_sql = text::trim(fields::text_of(c.default_sql, "default_sql"));
  if (!default_sql.empty()) sql += " DEFAULT " + default_expression(default_sql);
  sql += references_clause(c, label, context);
  return sql;
}

std::string create_table_sql(const retort_op& op) {
  std::string_view table = fields::name_of(op.table, "create_table", "table name");
  std::string label = fields::display_table(op);
  std::string context = "create_table " + label;
  if (op.column_count == 0) throw failure(context + ": no columns", RETORT_ERROR_USAGE);

  std::vector<std::string_view> key_names;  // in key order
  for (const retort_column* c : primary_key_columns(op.columns, op.column_count, context))
    key_names.push_back(fields::name_of(c->name, context, "key column name"));

  std::string sql = "CREATE TABLE ";
  if (op.flags & RETORT_OP_IF_NOT_EXISTS) sql += "IF NOT EXISTS ";
  sql += fields::qualified(fields::text_of(op.schema, "schema"), table) + " (";
  for (std::size_t i = 0; i < op.column_count; ++i) {
    const retort_column& c = *op.columns[i];
    bool is_key = (c.flags & RETORT_COLUMN_PRIMARY_KEY) != 0;
    key_role role = key_role::none;
    if (is_key && key_names.size() == 1) role = key_role::primary_key;
    if (c.flags & RETORT_COLUMN_AUTOINCREMENT) {
      check_autoincrement(c, i, is_key && key_names.size() == 1, label, context);
      role = key_role::autoincrement;
    }
    if (i > 0) sql += ", ";
    sql += column_definition(c, i, role, label, context);
  }
  if (key_names.size() > 1) {
    sql += ", PRIMARY KEY (";
    for (std::size_t i = 0; i < key_names.size(); ++i)
      sql += (i > 0 ? "," : "") + quote_identifier(key_names[i]);
    sql += ")";
  }
  return sql + ")";
}

}  // namespace retort::sqlite
