#include "mariadb/render_columns.hpp"

#include "mariadb/quote.hpp"
#include "mariadb/types.hpp"

#include <retort/sdk/vocabulary.hpp>

#include <string_view>

namespace retort::mariadb {
namespace {

bool has(const retort_column& c, unsigned flag) { return (c.flags & flag) != 0; }

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += quote_identifier(n);
  }
  return out;
}

std::string foreign_key(const retort_column& c) {
  const std::string_view name = view(c.name);
  const std::string_view column = view(c.references_column);
  if (column.empty())
    throw failure("column " + quote_identifier(name) + " references " +
                      quote_identifier(view(c.references_table)) +
                      " without naming its column; MariaDB needs the referenced column",
                  RETORT_ERROR_USAGE);
  std::string out = "FOREIGN KEY (" + quote_identifier(name) + ") REFERENCES " +
                    quote_identifier(view(c.references_table)) + " (" +
                    quote_identifier(column) + ")";
  const std::string subject = "column " + quote_identifier(name);
  const std::string on_delete = referential_action(view(c.on_delete), subject);
  const std::string on_update = referential_action(view(c.on_update), subject, "on_update");
  if (!on_delete.empty()) out += " ON DELETE " + on_delete;
  if (!on_update.empty()) out += " ON UPDATE " + on_update;
  return out;
}

std::string definition(const retort_column& c, bool inline_primary_key) {
  std::string out = quote_identifier(view(c.name)) + " " + column_type(view(c.type));
  out += generated_clause(c, "column " + quote_identifier(view(c.name)));
  if (has(c, RETORT_COLUMN_NOT_NULL)) out += " NOT NULL";
  if (c.default_sql.size != 0) out += " DEFAULT " + std::string(view(c.default_sql));
  if (has(c, RETORT_COLUMN_AUTOINCREMENT)) out += " AUTO_INCREMENT";
  if (inline_primary_key)
    out += " PRIMARY KEY";
  else if (has(c, RETORT_COLUMN_UNIQUE))
    out += " UNIQUE";
  return out;
}

const retort_column& checked(const retort_column* c, std::size_t index) {
  if (!c) throw failure("column " + std::to_string(index) + " is missing (null)", RETORT_ERROR_USAGE);
  if (c->name.size == 0)
    throw failure("column " + std::to_string(index) + " has no name", RETORT_ERROR_USAGE);
  if (c->type.size == 0)
    throw failure("column " + quote_identifier(view(c->name)) + " has no type", RETORT_ERROR_USAGE);
  return *c;
}

}  // namespace

column_elements render_columns(const retort_column* const* columns, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) checked(columns[i], i);
  std::vector<std::string_view> primary;  // in key order
  for (const retort_column* c : primary_key_columns(columns, count, "the primary key")) primary.push_back(view(c->name));

  column_elements out;
  for (std::size_t i = 0; i < count; ++i) {
    const retort_column& c = *columns[i];
    bool inline_key = primary.empty() ? has(c, RETORT_COLUMN_AUTOINCREMENT)
                                      : primary.size() == 1 && has(c, RETORT_COLUMN_PRIMARY_KEY);
    out.definitions.push_back(definition(c, inline_key));
  }
  if (primary.size() > 1) out.constraints.push_back("PRIMARY KEY (" + join_names(primary) + ")");
  for (std::size_t i = 0; i < count; ++i)
    if (columns[i]->references_table.size != 0) out.constraints.push_back(foreign_key(*columns[i]));
  return out;
}

}  // namespace retort::mariadb
