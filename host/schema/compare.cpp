#include "host/schema/compare.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace host::schema {
namespace {

using Change = Difference::Change;

// Matches two lists by key: `on_both` for a key in both, then the ones only
// in `from` (removed) and only in `to` (added), each in its list's order.
template <class T>
void match(const std::vector<T>& from, const std::vector<T>& to, const std::function<std::string(const T&)>& key,
           const std::function<void(const T*, const T*)>& each) {
  std::set<std::string> in_to, in_from;
  for (const T& t : to) in_to.insert(key(t));
  for (const T& f : from) in_from.insert(key(f));
  for (const T& f : from) {
    const std::string k = key(f);
    if (!in_to.count(k)) {
      each(&f, nullptr);
      continue;
    }
    for (const T& t : to)
      if (key(t) == k) {
        each(&f, &t);
        break;
      }
  }
  for (const T& t : to)
    if (!in_from.count(key(t))) each(nullptr, &t);
}

std::string default_text(const Column& c) { return c.default_sql ? *c.default_sql : std::string("none"); }

std::string column_changes(const Column& a, const Column& b) {
  std::vector<std::string> what;
  if (a.type != b.type) what.push_back("type " + a.type + " -> " + b.type);
  if (a.nullable != b.nullable) what.push_back(b.nullable ? "now nullable" : "now NOT NULL");
  if (a.default_sql != b.default_sql) what.push_back("default " + default_text(a) + " -> " + default_text(b));
  if (a.autoincrement != b.autoincrement) what.push_back(b.autoincrement ? "now autoincrement" : "no longer autoincrement");
  if (a.generated != b.generated)
    what.push_back("generated " + (a.generated.empty() ? std::string("none") : a.generated) + " -> " +
                   (b.generated.empty() ? std::string("none") : b.generated));
  else if (a.generated_virtual != b.generated_virtual)
    what.push_back(b.generated_virtual ? "generated now VIRTUAL (was STORED)" : "generated now STORED (was VIRTUAL)");
  return joined(what);
}

std::string fk_text(const ForeignKey& f) {
  std::string out = "(" + joined(f.columns) + ") -> " + f.references_table + " (" + joined(f.references_columns) + ")";
  if (!f.on_delete.empty()) out += " ON DELETE " + f.on_delete;
  if (!f.on_update.empty()) out += " ON UPDATE " + f.on_update;
  return out;
}
std::string index_text(const Index& i) {
  return std::string(i.unique ? "UNIQUE " : "") + "ON " + i.table + " (" + joined(i.entries) + ")" +
         (i.where.empty() ? "" : " WHERE " + i.where);
}

void compare_tables(const Table& a, const Table& b, std::vector<Difference>& out) {
  const std::string& t = a.name;
  match<Column>(a.columns, b.columns, [](const Column& c) { return c.name; }, [&](const Column* x, const Column* y) {
    if (!y) out.push_back({Change::removed, "column", t + "." + x->name, ""});
    else if (!x) out.push_back({Change::added, "column", t + "." + y->name, ""});
    else if (!(*x == *y)) out.push_back({Change::changed, "column", t + "." + x->name, column_changes(*x, *y)});
  });
  if (a.primary_key != b.primary_key)
    out.push_back({Change::changed, "primary key", t, "(" + joined(a.primary_key) + ") -> (" + joined(b.primary_key) + ")"});
  match<ForeignKey>(a.foreign_keys, b.foreign_keys, [](const ForeignKey& f) { return constraint_key(f); }, [&](const ForeignKey* x, const ForeignKey* y) {
    if (!y) out.push_back({Change::removed, "foreign key", t + "." + constraint_key(*x), ""});
    else if (!x) out.push_back({Change::added, "foreign key", t + "." + constraint_key(*y), ""});
    else if (!(*x == *y)) out.push_back({Change::changed, "foreign key", t + "." + constraint_key(*x), fk_text(*x) + " -> " + fk_text(*y)});
  });
  match<Unique>(a.uniques, b.uniques, [](const Unique& u) { return constraint_key(u); }, [&](const Unique* x, const Unique* y) {
    if (!y) out.push_back({Change::removed, "unique", t + "." + constraint_key(*x), ""});
    else if (!x) out.push_back({Change::added, "unique", t + "." + constraint_key(*y), ""});
    else if (!(*x == *y))
      out.push_back({Change::changed, "unique", t + "." + constraint_key(*x), "(" + joined(x->columns) + ") -> (" + joined(y->columns) + ")"});
  });
  match<Check>(a.checks, b.checks, [](const Check& c) { return constraint_key(c); }, [&](const Check* x, const Check* y) {
    if (!y) out.push_back({Change::removed, "check", t + "." + constraint_key(*x), ""});
    else if (!x) out.push_back({Change::added, "check", t + "." + constraint_key(*y), ""});
    else if (!(*x == *y)) out.push_back({Change::changed, "check", t + "." + constraint_key(*x), x->expression + " -> " + y->expression});
  });
}

}  // namespace

std::string change_name(Change change) {
  switch (change) {
    case Change::added: return "added";
    case Change::removed: return "removed";
    case Change::changed: return "changed";
  }
  return "changed";
}

std::vector<Difference> compare(const Schema& from, const Schema& to) {
  std::vector<Difference> out;
  match<Table>(from.tables, to.tables, [](const Table& t) { return t.name; }, [&](const Table* x, const Table* y) {
    if (!y) out.push_back({Change::removed, "table", x->name, ""});
    else if (!x) out.push_back({Change::added, "table", y->name, ""});
    else compare_tables(*x, *y, out);
  });
  match<Index>(from.indexes, to.indexes, [](const Index& i) { return i.name; }, [&](const Index* x, const Index* y) {
    if (!y) out.push_back({Change::removed, "index", x->name, ""});
    else if (!x) out.push_back({Change::added, "index", y->name, ""});
    else if (!(*x == *y)) out.push_back({Change::changed, "index", x->name, index_text(*x) + " -> " + index_text(*y)});
  });
  match<View>(from.views, to.views, [](const View& v) { return v.name; }, [&](const View* x, const View* y) {
    if (!y) out.push_back({Change::removed, "view", x->name, ""});
    else if (!x) out.push_back({Change::added, "view", y->name, ""});
    else if (!(*x == *y)) out.push_back({Change::changed, "view", x->name, "its definition"});
  });
  match<EnumType>(from.enums, to.enums, [](const EnumType& e) { return e.name; }, [&](const EnumType* x, const EnumType* y) {
    if (!y) out.push_back({Change::removed, "enum", x->name, ""});
    else if (!x) out.push_back({Change::added, "enum", y->name, ""});
    else if (!(*x == *y))
      out.push_back({Change::changed, "enum", x->name, "(" + joined(x->labels) + ") -> (" + joined(y->labels) + ")"});
  });
  return out;
}

std::vector<std::string> not_compared(const Schema& a, const Schema& b) {
  std::set<std::string> names;
  for (const Schema* s : {&a, &b})
    for (const Unmanaged& u : s->unmanaged) names.insert(u.kind + " " + u.name);
  return {names.begin(), names.end()};
}

}  // namespace host::schema
