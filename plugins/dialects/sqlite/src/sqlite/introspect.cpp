// sqlite_connection::introspect (ABI 1.2): the live schema from sqlite_schema
// and the pragma_* table functions, one query per object kind for all tables
// at once; what only the CREATE text keeps (names, CHECK and generated
// expressions) from schema_sql.
//
// Not read, so named as unmanaged: triggers ("trigger", "table.trigger":
// a table rebuild drops them), a column's collation other than BINARY
// ("collation", "table.column: COLLATE NOCASE") and the table options
// ("table option", "table: WITHOUT ROWID", "table: STRICT").
#include "sqlite/connection.hpp"
#include "sqlite/quote.hpp"
#include "sqlite/schema_sql.hpp"
#include "sqlite/text.hpp"
#include "sqlite/types.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace retort::sqlite {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string value(const row& r, std::size_t i) { return r[i] ? std::string(*r[i]) : std::string(); }

struct table_facts {
  std::string sql;
  std::vector<column> columns;
  std::vector<std::string> key;  // primary key columns in key order
  std::vector<constraint> constraints;
};

// The schema qualifier for sqlite_schema and the pragma functions' second argument.
std::string schema_of(std::string_view schema) { return schema.empty() ? std::string("main") : std::string(schema); }

// A constraint's name from the CREATE text: the written constraint of the
// same kind on the same columns (and referenced table), or "" if unnamed.
std::string written_name(const written_table& t, written_constraint::kind kind, const std::vector<std::string>& columns,
                         const std::string& references = {}) {
  for (const auto& w : t.constraints) {
    if (w.what != kind || w.columns.size() != columns.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < columns.size(); ++i) same = same && lower(w.columns[i]) == lower(columns[i]);
    if (same && (references.empty() || lower(w.references_table) == lower(references))) return w.name;
  }
  return {};
}

// ON DELETE / ON UPDATE as the pragma reports them; NO ACTION is the default an empty action creates.
std::string action(std::string reported) { return reported == "NO ACTION" ? std::string() : reported; }

}  // namespace

void sqlite_connection::introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) {
  const std::string db = quote_identifier(schema_of(schema));
  const std::string db_literal = quote_literal(schema_of(schema));
  const auto skipped = [&](std::string_view name) {
    if (lower(name).rfind("sqlite_", 0) == 0) return true;
    return std::any_of(skip.begin(), skip.end(), [&](const std::string& s) { return lower(s) == lower(name); });
  };

  std::map<std::string, table_facts> tables;  // by name: a stable order
  std::vector<std::string> order;
  query_rows("SELECT name, sql FROM " + db + ".sqlite_schema WHERE type = 'table' ORDER BY name", [&](const row& r) {
    const std::string name = value(r, 0);
    if (skipped(name)) return;
    tables[name].sql = value(r, 1);
    order.push_back(name);
  });

  std::map<std::string, written_table> written;
  for (const auto& [name, t] : tables) written[name] = read_create_table(t.sql);

  // Columns: pragma_table_xinfo has the hidden generated ones too (hidden 2, 3).
  std::map<std::string, std::vector<std::pair<int, std::string>>> keys;
  query_rows("SELECT m.name, x.name, x.type, x.\"notnull\", x.dflt_value, x.pk, x.hidden FROM " + db +
                 ".sqlite_schema m, pragma_table_xinfo(m.name, " + db_literal +
                 ") x WHERE m.type = 'table' ORDER BY m.name, x.cid",
             [&](const row& r) {
               const std::string table = value(r, 0);
               auto found = tables.find(table);
               if (found == tables.end()) return;
               const std::string name = value(r, 1);
               column c(name, read_type(value(r, 2)));
               if (value(r, 3) == "1") c.not_null();
               if (r[4]) c.default_sql(value(r, 4));
               const int pk = std::atoi(value(r, 5).c_str());
               if (pk > 0) keys[table].emplace_back(pk, name);
               // hidden: 2 a VIRTUAL generated column, 3 a STORED one.
               for (const auto& [generated, expression] : written[table].generated)
                 if (lower(generated) == lower(name)) {
                   if (value(r, 6) == "2") c.generated_virtual(expression);
                   else c.generated(expression);
                 }
               found->second.columns.push_back(std::move(c));
             });
  for (auto& [table, key] : keys) {
    std::sort(key.begin(), key.end());
    table_facts& t = tables[table];
    for (const auto& key_column : key) t.key.push_back(key_column.second);
  }

  // Foreign keys: one row per column pair, grouped by id.
  struct fk_rows {
    std::string references;
    std::vector<std::string> from, to;
    std::string on_update, on_delete;
  };
  std::map<std::string, std::map<int, fk_rows>> fks;
  query_rows("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete FROM " + db +
                 ".sqlite_schema m, pragma_foreign_key_list(m.name, " + db_literal +
                 ") f WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
             [&](const row& r) {
               if (!tables.count(value(r, 0))) return;
               fk_rows& fk = fks[value(r, 0)][std::atoi(value(r, 1).c_str())];
               fk.references = value(r, 2);
               fk.from.push_back(value(r, 3));
               fk.to.push_back(value(r, 4));
               fk.on_update = action(value(r, 5));
               fk.on_delete = action(value(r, 6));
             });
  for (auto& [table, by_id] : fks) {
    for (auto& [id_, fk] : by_id) {
      constraint c = foreign_key(written_name(written[table], written_constraint::foreign_key, fk.from, fk.references),
                                 fk.from, fk.references, fk.to);
      if (!fk.on_delete.empty()) c.on_delete(fk.on_delete);
      if (!fk.on_update.empty()) c.on_update(fk.on_update);
      tables[table].constraints.push_back(std::move(c));
    }
  }

  // Indexes: unique constraints (origin 'u') belong to their table; indexes
  // made by CREATE INDEX (origin 'c') are objects of their own; the primary
  // key's (origin 'pk') is the key.
  struct index_rows {
    std::string table, origin, sql;
    bool unique = false, partial = false;
    std::vector<std::pair<int, std::string>> columns;  // cid -2: an expression
    std::vector<std::string> orderings;                // " COLLATE NOCASE DESC" or "", per column
  };
  std::map<std::string, index_rows> indexes;
  query_rows("SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, x.cid, x.name, s.sql, x.\"desc\", x.coll FROM " + db +
                 ".sqlite_schema m, pragma_index_list(m.name, " + db_literal + ") l, pragma_index_xinfo(l.name, " +
                 db_literal + ") x LEFT JOIN " + db +
                 ".sqlite_schema s ON s.type = 'index' AND s.name = l.name WHERE m.type = 'table' AND x.key = 1 "
                 "ORDER BY m.name, l.name, x.seqno",
             [&](const row& r) {
               if (!tables.count(value(r, 0))) return;
               index_rows& ix = indexes[value(r, 1)];
               ix.table = value(r, 0);
               ix.unique = value(r, 2) == "1";
               ix.origin = value(r, 3);
               ix.partial = value(r, 4) == "1";
               ix.sql = value(r, 7);
               ix.columns.emplace_back(std::atoi(value(r, 5).c_str()), value(r, 6));
               std::string ordering;
               if (lower(value(r, 9)) != "binary" && r[9]) ordering += " COLLATE " + value(r, 9);
               if (value(r, 8) == "1") ordering += " DESC";
               ix.orderings.push_back(ordering);
             });
  std::vector<std::pair<std::string, index_rows>> created;
  for (auto& [name, ix] : indexes) {
    if (ix.origin == "pk") continue;
    std::vector<std::string> columns;
    for (const auto& [cid, column_name] : ix.columns) columns.push_back(column_name);
    if (ix.origin == "u") {
      tables[ix.table].constraints.push_back(
          unique(written_name(written[ix.table], written_constraint::unique, columns), columns));
    } else {
      created.emplace_back(name, ix);
    }
  }

  for (auto& t : written) {
    for (const auto& w : t.second.constraints)
      if (w.what == written_constraint::check) tables[t.first].constraints.push_back(check(w.name, w.check_sql));
  }

  for (const std::string& name : order) {
    const written_table& w = written[name];
    for (const auto& [column_name, collation] : w.collations)
      if (lower(collation) != "binary") out.unmanaged("collation", name + "." + column_name + ": COLLATE " + collation);
    if (w.without_rowid) out.unmanaged("table option", name + ": WITHOUT ROWID");
    if (w.strict) out.unmanaged("table option", name + ": STRICT");
  }

  for (const std::string& name : order) {
    table_facts& t = tables[name];
    const bool autoincrement = written[name].autoincrement && t.key.size() == 1;
    // The key: primary_key(position) on each key column, its place in the key.
    std::vector<column> keyed;
    for (column c : t.columns) {
      const retort_column view = c.abi();
      const std::string column_name(view.name.data, view.name.size);
      const auto in_key = std::find_if(t.key.begin(), t.key.end(), [&](const std::string& k) { return lower(k) == lower(column_name); });
      if (in_key != t.key.end()) {
        c.primary_key(static_cast<std::uint32_t>(in_key - t.key.begin() + 1));
        if (autoincrement) c.autoincrement();
      }
      keyed.push_back(std::move(c));
    }
    out.ops().create_table(name, keyed, t.constraints);
  }

  for (auto& [name, ix] : created) {
    const written_index w = read_create_index(ix.sql);
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < ix.columns.size(); ++i) {
      const auto& [cid, column_name] = ix.columns[i];
      // A column with a collation or order is SQL (quoted name and all), as create_index takes it.
      const std::string& ordering = ix.orderings[i];
      entries.push_back(cid >= 0 ? (ordering.empty() ? column_name : quote_identifier(column_name) + ordering)
                                 : (i < w.entries.size() ? w.entries[i] : std::string()));
    }
    index_options options;
    options.unique = ix.unique;
    if (ix.partial) options.where = w.where;
    out.ops().create_index(name, ix.table, entries, options);
  }

  query_rows("SELECT type, name, tbl_name, sql FROM " + db + ".sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY name",
             [&](const row& r) {
               const std::string kind = value(r, 0);
               if (kind == "view") {
                 out.ops().create_view(value(r, 1), read_view_select(value(r, 3)));
               } else if (!skipped(value(r, 2))) {
                 out.unmanaged("trigger", value(r, 2) + "." + value(r, 1));
               }
             });
}

}  // namespace retort::sqlite
