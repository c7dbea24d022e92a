#include "host/schema/renames.hpp"

#include <algorithm>
#include <map>

namespace host::schema {
namespace {

template <class T>
T* find_named(std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

void rename_table(Schema& s, const std::string& from, const std::string& to) {
  for (Table& t : s.tables) {
    if (t.name == from) t.name = to;
    for (ForeignKey& f : t.foreign_keys)
      if (f.references_table == from) f.references_table = to;
  }
  for (Index& i : s.indexes)
    if (i.table == from) i.table = to;
}

void rename_column(Schema& s, const std::string& table, const std::string& from, const std::string& to) {
  for (Table& t : s.tables) {
    for (ForeignKey& f : t.foreign_keys)
      if (f.references_table == table) rename_in(f.references_columns, from, to);
    if (t.name != table) continue;
    for (Column& c : t.columns)
      if (c.name == from) c.name = to;
    rename_in(t.primary_key, from, to);
    for (ForeignKey& f : t.foreign_keys) rename_in(f.columns, from, to);
    for (Unique& u : t.uniques) rename_in(u.columns, from, to);
  }
  for (Index& i : s.indexes)
    if (i.table == table) rename_in(i.entries, from, to);
}

}  // namespace

Renamed apply_renames(const Schema& from, const Schema& to, const std::vector<RenameHint>& hints) {
  Renamed out{{}, from};
  Schema target = to;
  for (const RenameHint& h : hints) {
    if (!h.column.empty()) continue;
    if (!find_named(out.from.tables, h.from) || find_named(out.from.tables, h.table) ||
        !find_named(target.tables, h.table))
      continue;
    Step s{};
    s.kind = Step::Kind::rename_table;
    s.table = h.from;
    s.name = h.table;
    out.steps.push_back(s);
    rename_table(out.from, h.from, h.table);
  }
  for (const RenameHint& h : hints) {
    if (h.column.empty()) continue;
    Table* had = find_named(out.from.tables, h.table);
    Table* wanted = find_named(target.tables, h.table);
    if (!had || !wanted || !find_named(had->columns, h.from) || find_named(had->columns, h.column) ||
        !find_named(wanted->columns, h.column))
      continue;
    Step s{};
    s.kind = Step::Kind::rename_column;
    s.table = h.table;
    s.name = h.from;
    s.column.name = h.column;
    out.steps.push_back(s);
    rename_column(out.from, h.table, h.from, h.column);
  }
  sort_schema(out.from);
  return out;
}

std::vector<RenameHint> inverted(const std::vector<RenameHint>& hints) {
  std::map<std::string, std::string> old_table;
  for (const RenameHint& h : hints)
    if (h.column.empty()) old_table[h.table] = h.from;
  std::vector<RenameHint> out;
  for (const RenameHint& h : hints) {
    if (h.column.empty()) {
      out.push_back({h.from, "", h.table});
    } else {
      auto it = old_table.find(h.table);
      out.push_back({it == old_table.end() ? h.table : it->second, h.from, h.column});
    }
  }
  return out;
}

}  // namespace host::schema
