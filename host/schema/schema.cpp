#include "host/schema/schema.hpp"

#include <algorithm>
#include <tuple>

namespace host::schema {
namespace {

template <class T, class Key>
void sort_by(std::vector<T>& items, Key key) {
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

bool belongs_to(const Unmanaged& u, const std::string& table) {
  return u.name.size() > table.size() && u.name.compare(0, table.size(), table) == 0 &&
         (u.name[table.size()] == '.' || u.name[table.size()] == ':');
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string constraint_key(const ForeignKey& f) {
  return f.name.empty() ? "(" + joined(f.columns) + ") -> " + f.references_table + " (" + joined(f.references_columns) + ")"
                        : f.name;
}
std::string constraint_key(const Unique& u) { return u.name.empty() ? "(" + joined(u.columns) + ")" : u.name; }
std::string constraint_key(const Check& c) { return c.name.empty() ? "(" + c.expression + ")" : c.name; }

void sort_schema(Schema& schema) {
  for (Table& t : schema.tables) {
    sort_by(t.foreign_keys, [](const ForeignKey& f) { return std::tie(f.name, f.columns, f.references_table); });
    sort_by(t.uniques, [](const Unique& u) { return std::tie(u.name, u.columns); });
    sort_by(t.checks, [](const Check& c) { return std::tie(c.name, c.expression); });
  }
  sort_by(schema.tables, [](const Table& t) { return t.name; });
  sort_by(schema.indexes, [](const Index& i) { return std::tie(i.name, i.table); });
  sort_by(schema.views, [](const View& v) { return v.name; });
  sort_by(schema.enums, [](const EnumType& e) { return e.name; });
  sort_by(schema.unmanaged, [](const Unmanaged& u) { return std::tie(u.kind, u.name); });
}

}  // namespace host::schema
