// postgresql_connection::introspect (ABI 1.2): the live schema read from
// pg_catalog, one query per object kind for the whole schema (tables with
// their columns, constraints, indexes, views, enums, everything else),
// never one per table. Expressions come back as the server prints them.
//
// Each query sees the catalogue as it is when it runs (in autocommit, and
// at READ COMMITTED inside the host's transaction alike): DDL another
// session commits while they run may be described half before and half
// after. Constraints are only attached to tables the column query found.
#include "postgresql/connection.hpp"
#include "postgresql/quote.hpp"
#include "postgresql/text.hpp"
#include "postgresql/types.hpp"

#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace retort::postgresql {
namespace {

std::string value(const row& r, std::size_t i) { return r[i] ? std::string(*r[i]) : std::string(); }
bool is_true(const row& r, std::size_t i) { return r[i] && *r[i] == "t"; }

// The schema being read, and what every query needs to know of it.
struct scope {
  std::string oid;     ///< the schema's oid, as SQL
  int version = 0;     ///< server_version_num: catalogue columns differ before 11 and 12
  std::string skip;    ///< SQL: the skipped table names as a text[]

  // SQL: the pg_class row `c` is a table described by create_table. A
  // partition, a partitioned table and an extension's table are unmanaged.
  std::string described_table(const std::string& c) const {
    return c + ".relnamespace = " + oid + " AND " + c + ".relkind = 'r' AND NOT " + c + ".relispartition AND " +
           not_skipped(c) + " AND " + not_of_an_extension("pg_class", c + ".oid");
  }
  std::string not_skipped(const std::string& c) const { return c + ".relname::text <> ALL (" + skip + ")"; }
  // An extension's objects are the extension's, described as one unmanaged "extension".
  static std::string not_of_an_extension(const std::string& catalog, const std::string& object) {
    return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext WHERE ext.classid = 'pg_catalog." + catalog +
           "'::pg_catalog.regclass AND ext.objid = " + object + " AND ext.deptype = 'e')";
  }
};

std::string text_array(const std::vector<std::string>& names) {
  std::string out = "ARRAY[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + quote_literal(names[i]);
  return out + "]::pg_catalog.text[]";
}

[[noreturn]] void refuse(const std::string& message, int kind = RETORT_ERROR_USAGE) {
  throw failure("introspect: " + message, kind);
}

// ---- tables and their columns ------------------------------------------

struct column_facts {
  std::string name, type, expression;  ///< expression: the default, or a generated column's
  bool not_null = false, autoincrement = false, generated = false;
  std::uint32_t key_position = 0;  ///< its place in the primary key, from 1; 0: not in it
};

struct table_facts {
  std::vector<column_facts> columns;
  std::vector<constraint> constraints;
};

// A serial column is one whose default is nextval() of a sequence owned by
// that very column (OWNED BY, deptype 'a'): what `serial` creates, and what
// dropping the column drops. Any other nextval() default is a plain default.
std::string serial_sql() {
  return "EXISTS (SELECT 1 FROM pg_catalog.pg_depend o"
         "  JOIN pg_catalog.pg_class s ON s.oid = o.objid AND s.relkind = 'S'"
         " WHERE o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
         "   AND o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
         "   AND o.refobjid = a.attrelid AND o.refobjsubid = a.attnum AND o.deptype = 'a'"
         "   AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) ="
         "       'nextval(' || pg_catalog.quote_literal(s.oid::pg_catalog.regclass::text) || '::regclass)')";
}

std::string columns_sql(const scope& s) {
  // An enum of this schema is named as create_enum names it; format_type
  // would qualify it whenever the schema is not on the search_path.
  return "SELECT c.relname, a.attname,"
         "       CASE WHEN t.typtype = 'e' AND t.typnamespace = " + s.oid + " THEN t.typname::text"
         "            ELSE pg_catalog.format_type(a.atttypid, a.atttypmod) END,"
         "       a.attnotnull, a.attidentity <> '' OR " + serial_sql() + ", " +
         (s.version >= 120000 ? "a.attgenerated = 's'" : "false") + ","
         "       pg_catalog.pg_get_expr(d.adbin, d.adrelid)"
         "  FROM pg_catalog.pg_class c"
         "  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
         "  LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
         "  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
         " WHERE " + s.described_table("c") +
         " ORDER BY c.relname, a.attnum";
}

// A table without columns (CREATE TABLE t ()) is one row with a NULL column.
void read_columns(connection& db, const scope& s, std::map<std::string, table_facts>& tables) {
  db.query(columns_sql(s), [&](const row& r) {
    table_facts& table = tables[value(r, 0)];
    if (!r[1]) return;
    column_facts c;
    c.name = value(r, 1);
    c.type = generic_type(value(r, 2));
    c.not_null = is_true(r, 3);
    c.autoincrement = is_true(r, 4);
    c.generated = is_true(r, 5);
    if (!c.autoincrement) c.expression = value(r, 6);  // a serial's nextval() is what autoincrement means
    table.columns.push_back(std::move(c));
  });
}

// ---- constraints ---------------------------------------------------------

struct constraint_rows {
  std::string table, name, definition, references;
  char kind = 0;
  char on_delete = 0, on_update = 0;
  std::vector<std::string> columns, referenced;
};

std::string constraints_sql(const scope& s) {
  // One row per key column (ROWS FROM pairs conkey with confkey);
  // a CHECK naming no column still has its one row.
  return "SELECT c.relname, k.conname, k.contype, ka.attname, fa.attname,"
         "       CASE WHEN r.relnamespace = " + s.oid + " THEN r.relname::text"
         "            ELSE rn.nspname || '.' || r.relname END,"
         "       k.confdeltype, k.confupdtype, pg_catalog.pg_get_constraintdef(k.oid, true)"
         "  FROM pg_catalog.pg_constraint k"
         "  JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
         "  LEFT JOIN LATERAL ROWS FROM (pg_catalog.unnest(k.conkey), pg_catalog.unnest(k.confkey))"
         "       WITH ORDINALITY AS u(key, ref, i) ON true"
         "  LEFT JOIN pg_catalog.pg_attribute ka ON ka.attrelid = k.conrelid AND ka.attnum = u.key"
         "  LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.ref"
         "  LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid"
         "  LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace"
         " WHERE " + s.described_table("c") + " AND k.contype IN ('p', 'u', 'f', 'c', 'x')"
         " ORDER BY c.relname, k.conname, u.i";
}

// confdeltype / confupdtype as the action words; NO ACTION ('a') is the
// default an empty action creates.
std::string action(char code) {
  switch (code) {
    case 'r': return "RESTRICT";
    case 'c': return "CASCADE";
    case 'n': return "SET NULL";
    case 'd': return "SET DEFAULT";
    default: return {};
  }
}

// What is inside "CHECK (...)" as pg_get_constraintdef prints it; the
// server may add " NOT VALID" or " NO INHERIT" after the parenthesis, so it
// is found by its depth, outside string literals and quoted names.
std::string check_expression(const constraint_rows& c) {
  const std::string_view definition = c.definition;
  const std::string_view head = "CHECK (";
  if (definition.substr(0, head.size()) == head) {
    int depth = 1;
    char quote = 0;
    for (std::size_t i = head.size(); i < definition.size(); ++i) {
      const char ch = definition[i];
      if (quote) {
        if (ch == quote) quote = 0;  // a doubled quote closes and reopens: still inside
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(') {
        ++depth;
      } else if (ch == ')' && --depth == 0) {
        return std::string(definition.substr(head.size(), i - head.size()));
      }
    }
  }
  refuse("cannot read check constraint \"" + c.name + "\" of table \"" + c.table + "\": " + shorten(definition),
         RETORT_ERROR_PLUGIN);
}

void record_constraint(const constraint_rows& c, table_facts& table, schema_out& out) {
  switch (c.kind) {
    case 'p':  // c.columns in key order (conkey's)
      for (column_facts& column : table.columns)
        for (std::size_t i = 0; i < c.columns.size(); ++i)
          if (column.name == c.columns[i]) column.key_position = static_cast<std::uint32_t>(i + 1);
      return;
    case 'u': table.constraints.push_back(unique(c.name, c.columns)); return;
    case 'c': table.constraints.push_back(check(c.name, check_expression(c))); return;
    case 'f': {
      constraint fk = foreign_key(c.name, c.columns, c.references, c.referenced);
      if (!action(c.on_delete).empty()) fk.on_delete(action(c.on_delete));
      if (!action(c.on_update).empty()) fk.on_update(action(c.on_update));
      table.constraints.push_back(std::move(fk));
      return;
    }
    default:  // 'x': no operation declares an exclusion constraint
      out.unmanaged("exclusion constraint", c.table + "." + c.name);
  }
}

void read_constraints(connection& db, const scope& s, std::map<std::string, table_facts>& tables,
                      schema_out& out) {
  std::vector<constraint_rows> found;
  db.query(constraints_sql(s), [&](const row& r) {
    if (found.empty() || found.back().table != value(r, 0) || found.back().name != value(r, 1)) {
      constraint_rows c;
      c.table = value(r, 0);
      c.name = value(r, 1);
      c.kind = value(r, 2)[0];
      c.references = value(r, 5);
      c.on_delete = r[6] ? value(r, 6)[0] : 0;
      c.on_update = r[7] ? value(r, 7)[0] : 0;
      c.definition = value(r, 8);
      found.push_back(std::move(c));
    }
    if (r[3]) found.back().columns.push_back(value(r, 3));
    if (r[4]) found.back().referenced.push_back(value(r, 4));
  });
  for (const constraint_rows& c : found) {
    auto table = tables.find(c.table);
    if (table != tables.end()) record_constraint(c, table->second, out);
  }
}

void emit_table(const std::string& name, const table_facts& t, schema_out& out) {
  std::vector<column> columns;
  for (const column_facts& f : t.columns) {
    column c(f.name, f.type);
    if (f.not_null) c.not_null();
    if (f.key_position) c.primary_key(f.key_position);
    if (f.autoincrement) c.autoincrement();
    if (f.generated) {
      c.generated(f.expression);
    } else if (!f.expression.empty()) {
      c.default_sql(f.expression);
    }
    columns.push_back(std::move(c));
  }
  out.ops().create_table(name, columns, t.constraints);
}

// ---- indexes -------------------------------------------------------------

struct index_rows {
  std::string table, name, where;
  bool unique = false, describable = true;
  std::vector<std::string> entries;
};

std::string indexes_sql(const scope& s) {
  const std::string key_count = s.version >= 110000 ? "x.indnkeyatts" : "x.indnatts";
  // Indexes a constraint owns are that constraint (the key, a unique, an
  // exclusion); an index only a foreign key uses (conindid) is the index's own.
  return "SELECT c.relname, i.relname, x.indisunique, am.amname = 'btree' AND x.indnatts = " + key_count + ","
         "       a.attname, pg_catalog.pg_get_indexdef(x.indexrelid, k.i::int, true), x.indoption[(k.i - 1)::int],"
         "       pg_catalog.pg_get_expr(x.indpred, x.indrelid)"
         "  FROM pg_catalog.pg_index x"
         "  JOIN pg_catalog.pg_class c ON c.oid = x.indrelid"
         "  JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
         "  JOIN pg_catalog.pg_am am ON am.oid = i.relam"
         "  CROSS JOIN LATERAL pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, i)"
         "  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0"
         " WHERE " + s.described_table("c") + " AND k.i <= " + key_count +
         "   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint o WHERE o.conindid = x.indexrelid"
         "                      AND o.conrelid = x.indrelid AND o.contype IN ('p', 'u', 'x'))"
         " ORDER BY i.relname, k.i";
}

// A column entry with its ordering when it is not the default (indoption:
// 1 DESC, 2 NULLS FIRST), in the words create_index reads back.
std::string column_entry(std::string name, int option) {
  const bool descending = option & 1, nulls_first = option & 2;
  if (descending) return name + (nulls_first ? " DESC" : " DESC NULLS LAST");
  return nulls_first ? name + " NULLS FIRST" : name;
}

void read_indexes(connection& db, const scope& s, schema_out& out) {
  std::vector<index_rows> found;
  db.query(indexes_sql(s), [&](const row& r) {
    if (found.empty() || found.back().name != value(r, 1)) {
      index_rows ix;
      ix.table = value(r, 0);
      ix.name = value(r, 1);
      ix.unique = is_true(r, 2);
      ix.describable = is_true(r, 3);
      ix.where = value(r, 7);
      found.push_back(std::move(ix));
    }
    // An expression's text from pg_get_indexdef; a column by its name, unquoted.
    found.back().entries.push_back(r[4] ? column_entry(value(r, 4), std::atoi(value(r, 6).c_str())) : value(r, 5));
  });
  for (const index_rows& ix : found) {
    // create_index has no access method and no INCLUDE columns: a GIN index
    // described as a btree one would be a different index.
    if (!ix.describable) {
      out.unmanaged("index", ix.name);
      continue;
    }
    index_options options;
    options.unique = ix.unique;
    options.where = ix.where;
    out.ops().create_index(ix.name, ix.table, ix.entries, options);
  }
}

// ---- views, enums, the rest ----------------------------------------------

void read_views(connection& db, const scope& s, schema_out& out) {
  db.query("SELECT c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid, true)"
           "  FROM pg_catalog.pg_class c"
           " WHERE c.relnamespace = " + s.oid + " AND c.relkind IN ('v', 'm') AND " +
               scope::not_of_an_extension("pg_class", "c.oid") +
               " ORDER BY c.relname",
           [&](const row& r) {
             if (is_true(r, 1)) {
               out.unmanaged("materialized view", value(r, 0));
               return;
             }
             // pg_get_viewdef ends the SELECT with a ';' that is no part of it.
             std::string select(trim(value(r, 2)));
             if (!select.empty() && select.back() == ';') select.pop_back();
             out.ops().create_view(value(r, 0), trim(select));
           });
}

void read_enums(connection& db, const scope& s, schema_out& out) {
  std::vector<std::pair<std::string, std::vector<std::string>>> enums;
  db.query("SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t"
           "  LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
           " WHERE t.typnamespace = " + s.oid + " AND t.typtype = 'e' AND " +
               scope::not_of_an_extension("pg_type", "t.oid") +
               " ORDER BY t.typname, e.enumsortorder",
           [&](const row& r) {
             if (enums.empty() || enums.back().first != value(r, 0))
               enums.emplace_back(value(r, 0), std::vector<std::string>{});
             if (r[1]) enums.back().second.push_back(value(r, 1));
           });
  for (const auto& [name, labels] : enums) out.ops().create_enum(name, labels);
}

// Everything no operation creates, by kind and name. A sequence that a
// column owns (serial, identity) is that column's autoincrement; a type
// with an internal dependency is part of something else (a table's row
// type, an array or multirange type).
std::string unmanaged_sql(const scope& s) {
  const std::string proc_kind = s.version >= 110000 ? "p.prokind" : "CASE WHEN p.proisagg THEN 'a' ELSE 'f' END";
  return "SELECT 'trigger', c.relname || '.' || g.tgname"
         "  FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid"
         " WHERE c.relnamespace = " + s.oid + " AND NOT g.tgisinternal AND " + s.not_skipped("c") +
         " UNION ALL "
         "SELECT CASE " + proc_kind + " WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,"
         "       p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'"
         "  FROM pg_catalog.pg_proc p"
         " WHERE p.pronamespace = " + s.oid + " AND " + scope::not_of_an_extension("pg_proc", "p.oid") +
         " UNION ALL "
         "SELECT 'sequence', q.relname::text FROM pg_catalog.pg_class q"
         " WHERE q.relnamespace = " + s.oid + " AND q.relkind = 'S'"
         "   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
         "                    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = q.oid"
         "                      AND d.deptype IN ('a', 'i', 'e'))"
         " UNION ALL "
         "SELECT 'type', t.typname::text FROM pg_catalog.pg_type t"
         " WHERE t.typnamespace = " + s.oid + " AND t.typtype <> 'e'"
         "   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
         "                    WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid"
         "                      AND d.deptype IN ('i', 'e'))"
         " UNION ALL "
         "SELECT CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' ELSE 'partition' END,"
         "       c.relname::text FROM pg_catalog.pg_class c"
         " WHERE c.relnamespace = " + s.oid + " AND (c.relkind IN ('p', 'f') OR (c.relkind = 'r' AND c.relispartition))"
         "   AND " + s.not_skipped("c") + " AND " + scope::not_of_an_extension("pg_class", "c.oid") +
         " UNION ALL "
         "SELECT 'rule', c.relname || '.' || w.rulename"
         "  FROM pg_catalog.pg_rewrite w JOIN pg_catalog.pg_class c ON c.oid = w.ev_class"
         " WHERE c.relnamespace = " + s.oid + " AND w.rulename <> '_RETURN' AND " + s.not_skipped("c") +
         " UNION ALL "
         "SELECT 'policy', c.relname || '.' || p.polname"
         "  FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
         " WHERE c.relnamespace = " + s.oid + " AND " + s.not_skipped("c") +
         " UNION ALL "
         "SELECT 'extension', e.extname::text FROM pg_catalog.pg_extension e WHERE e.extnamespace = " + s.oid;
}

// The schema's oid: `schema`, or current_schema() when it is empty.
scope resolve(connection& db, std::string_view schema, const std::vector<std::string>& skip) {
  if (schema.find('\0') != std::string_view::npos) refuse("the schema name contains a NUL byte");
  for (const std::string& name : skip)
    if (name.find('\0') != std::string::npos) refuse("a skipped table name contains a NUL byte");
  scope s;
  bool found = false;
  db.query("SELECT n.oid, pg_catalog.current_setting('server_version_num')"
           "  FROM (SELECT COALESCE(NULLIF(" + quote_literal(schema) + ", ''), pg_catalog.current_schema()) AS name) w"
           "  LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = w.name",
           [&](const row& r) {
             found = r[0].has_value();
             s.oid = value(r, 0);
             s.version = std::atoi(value(r, 1).c_str());
           });
  if (!found && schema.empty()) refuse("no schema given, and the search_path names no schema that exists");
  if (!found) refuse("schema \"" + std::string(schema) + "\" does not exist");
  s.skip = text_array(skip);
  return s;
}

}  // namespace

void postgresql_connection::introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) {
  const scope s = resolve(*this, schema, skip);

  std::map<std::string, table_facts> tables;
  read_columns(*this, s, tables);
  read_constraints(*this, s, tables, out);
  for (const auto& [name, table] : tables) emit_table(name, table, out);

  read_indexes(*this, s, out);
  read_views(*this, s, out);
  read_enums(*this, s, out);
  query(unmanaged_sql(s), [&](const row& r) { out.unmanaged(value(r, 0), value(r, 1)); });
}

}  // namespace retort::postgresql
