#include "host/schema/schema_text.hpp"

namespace host::schema {
namespace {

std::string named(const std::string& name) { return name.empty() ? std::string() : "CONSTRAINT " + name + " "; }

std::string column_line(const Column& c) {
  std::string line = "  " + c.name + " " + c.type;
  if (!c.nullable) line += " NOT NULL";
  if (c.autoincrement) line += " AUTOINCREMENT";
  if (c.default_sql) line += " DEFAULT " + *c.default_sql;
  if (!c.generated.empty()) line += " GENERATED AS (" + c.generated + (c.generated_virtual ? ") VIRTUAL" : ") STORED");
  return line + "\n";
}

}  // namespace

std::string to_text(const Schema& schema) {
  std::string out;
  for (const Table& t : schema.tables) {
    out += "table " + t.name + "\n";
    for (const Column& c : t.columns) out += column_line(c);
    if (!t.primary_key.empty()) out += "  PRIMARY KEY (" + joined(t.primary_key) + ")\n";
    for (const ForeignKey& f : t.foreign_keys) {
      out += "  " + named(f.name) + "FOREIGN KEY (" + joined(f.columns) + ") REFERENCES " + f.references_table + " (" +
             joined(f.references_columns) + ")";
      if (!f.on_delete.empty()) out += " ON DELETE " + f.on_delete;
      if (!f.on_update.empty()) out += " ON UPDATE " + f.on_update;
      out += "\n";
    }
    for (const Unique& u : t.uniques) out += "  " + named(u.name) + "UNIQUE (" + joined(u.columns) + ")\n";
    for (const Check& c : t.checks) out += "  " + named(c.name) + "CHECK (" + c.expression + ")\n";
  }
  for (const Index& i : schema.indexes) {
    out += std::string(i.unique ? "unique index " : "index ") + i.name + " ON " + i.table + " (" + joined(i.entries) + ")";
    if (!i.where.empty()) out += " WHERE " + i.where;
    out += "\n";
  }
  for (const View& v : schema.views) out += "view " + v.name + " AS " + v.definition + "\n";
  for (const EnumType& e : schema.enums) out += "enum " + e.name + " (" + joined(e.labels) + ")\n";
  for (const Unmanaged& u : schema.unmanaged) out += "not managed: " + u.kind + " " + u.name + "\n";
  return out;
}

}  // namespace host::schema
