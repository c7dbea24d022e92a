#include "host/schema/change_plan.hpp"
#include "host/schema/renames.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace host::schema {
namespace {

using Kind = Step::Kind;

template <class T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  for (const T& item : items)
    if (item.name == name) return &item;
  return nullptr;
}

template <class T>
const T* find_key(const std::vector<T>& items, const std::string& key) {
  for (const T& item : items)
    if (constraint_key(item) == key) return &item;
  return nullptr;
}

// Types a value always fits into: string(n) -> string(m >= n) or text,
// smallint -> integer -> bigint, float -> double. Anything else may lose data.
bool widens(const std::string& from, const std::string& to) {
  auto length = [](const std::string& t) -> long {
    if (t.rfind("string(", 0) != 0 || t.back() != ')') return -1;
    try {
      return std::stol(t.substr(7, t.size() - 8));
    } catch (...) {
      return -1;
    }
  };
  if (length(from) >= 0 && (to == "text" || length(to) >= length(from))) return true;
  static const std::vector<std::vector<std::string>> ladders = {{"smallint", "integer", "bigint"}, {"float", "double"}};
  for (const auto& ladder : ladders) {
    const auto f = std::find(ladder.begin(), ladder.end(), from), t = std::find(ladder.begin(), ladder.end(), to);
    if (f != ladder.end() && t != ladder.end() && f <= t) return true;
  }
  return false;
}

// Generic types an engine converts between in place; anything else (a date
// to a number) cannot be altered, only replaced. Verbatim types are the
// engine's to judge.
bool convertible(const std::string& from, const std::string& to) {
  auto family = [](const std::string& t) -> int {
    static const std::vector<std::pair<std::string, int>> families = {
        {"smallint", 1}, {"integer", 1}, {"bigint", 1}, {"numeric", 1}, {"float", 1}, {"double", 1},
        {"boolean", 2}, {"string", 3}, {"text", 3}, {"date", 4}, {"datetime", 4}, {"timestamp_tz", 4},
        {"json", 5},    {"uuid", 6},   {"binary", 7}};
    const std::string base = t.substr(0, t.find('('));
    for (const auto& [name, f] : families)
      if (name == base) return f;
    return 0;
  };
  const int a = family(from), b = family(to);
  return a == 0 || b == 0 || a == b || b == 3;  // anything becomes text
}

Step step(Kind kind, const std::string& table) {
  Step s{};
  s.kind = kind;
  s.table = table;
  return s;
}

class Planner {
 public:
  Planner(const Schema& from, const Schema& to, const PlanRules& rules) : from_(from), to_(to), rules_(rules) {}

  ChangePlan run() {
    if (rules_.rebuilds_tables) find_rebuilds();
    find_replacements();
    drop_views();
    drop_table_objects();
    rebuild_tables_that_lose_a_key_to_a_dropped_table();
    drop_tables();
    create_enums();
    create_tables();
    change_columns();
    add_table_objects();
    drop_enums();
    create_views();
    return std::move(plan_);
  }

 private:
  void add(Step s) { plan_.steps.push_back(std::move(s)); }
  void refuse(const std::string& what) { plan_.refused.push_back(what); }
  bool survives(const std::string& table) const { return find_named(to_.tables, table) && find_named(from_.tables, table); }

  // An engine that alters tables by rebuilding them (SQLite) rebuilds every
  // table whose change is more than adding a column it can add in place
  // (nullable or with a default, not generated), dropping a column, or an
  // index.
  void find_rebuilds() {
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      if (!a) continue;
      bool needs = a->primary_key != b.primary_key || a->foreign_keys != b.foreign_keys || a->uniques != b.uniques ||
                   a->checks != b.checks;
      for (const Column& c : b.columns) {
        const Column* was = find_named(a->columns, c.name);
        if (was ? !(*was == c) : (!c.nullable && !c.default_sql) || !c.generated.empty() || c.autoincrement)
          needs = true;
      }
      if (needs) rebuilt_.insert(b.name);
    }
  }
  bool rebuilt(const std::string& table) const { return rebuilt_.count(table) > 0; }

  // Columns whose new type no engine converts to are dropped and added
  // again (alter_column). Found first, so that the indexes and constraints
  // on them are dropped before them and made again after: dropping a column
  // does not take them on every engine (MariaDB narrows a multi-column
  // index or unique to the columns left, which then has the name the
  // recreated one needs).
  void find_replacements() {
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      if (!a || rebuilt(b.name)) continue;
      for (const Column& c : b.columns) {
        const Column* was = find_named(a->columns, c.name);
        if (was && ((was->type != c.type && !convertible(was->type, c.type) &&
                     was->autoincrement == c.autoincrement && was->generated == c.generated &&
                     was->generated_virtual == c.generated_virtual) ||
                    recomputed(*was, c)))
          replaced_.insert(b.name + "." + c.name);
      }
    }
  }

  void drop_views() {
    for (const View& v : from_.views) {
      const View* target = find_named(to_.views, v.name);
      // A rebuild renames a table, which SQLite refuses while a view names a missing one.
      if (target && *target == v && rebuilt_.empty()) continue;
      Step s = step(Kind::drop_view, v.name);
      s.view = v;
      s.name = v.name;
      add(s);
    }
  }

  // Whether index `i` of a table that stays in place is dropped.
  bool drops(const Index& i) const {
    const Index* target = find_named(to_.indexes, i.name);
    return !(target && *target == i && !lost(i.table, i.entries)) && find_named(to_.tables, i.table) &&
           !rebuilt(i.table);
  }
  // Whether unique `u` of `a`, a table that stays in place as `b`, is dropped.
  bool drops(const Table& a, const Table& b, const Unique& u) const {
    const Unique* kept = find_key(b.uniques, constraint_key(u));
    return !(kept && *kept == u && !lost(a.name, u.columns));
  }
  // Whether an engine may hold foreign key `f` up with an index on
  // `columns`: they start with the key's columns, in order (InnoDB's rule).
  static bool may_stand_on(const ForeignKey& f, const std::vector<std::string>& columns) {
    return columns.size() >= f.columns.size() && std::equal(f.columns.begin(), f.columns.end(), columns.begin());
  }
  // Whether kept foreign key `f` of `a` stands on an index or unique that
  // is dropped. MariaDB refuses to drop the index a key uses ("needed in a
  // foreign key constraint"), so the key is dropped first and added again
  // after; the planner knows no engine, so it does so wherever tables are
  // altered in place (SQLite, which rebuilds them, needs no such index).
  bool stands_on_a_dropped_index(const Table& a, const Table& b, const ForeignKey& f) const {
    if (rules_.rebuilds_tables) return false;
    for (const Index& i : from_.indexes)
      if (i.table == a.name && may_stand_on(f, i.entries) && drops(i)) return true;
    for (const Unique& u : a.uniques)
      if (may_stand_on(f, u.columns) && drops(a, b, u)) return true;
    return false;
  }

  // On tables that stay: foreign keys first (they may point at a dropped
  // table or a unique about to go, or stand on an index about to go), then
  // indexes, uniques and checks.
  void drop_table_objects() {
    for (const Table& a : from_.tables) {
      const Table* b = find_named(to_.tables, a.name);
      for (const ForeignKey& f : a.foreign_keys) {
        const ForeignKey* kept = b ? find_key(b->foreign_keys, constraint_key(f)) : nullptr;
        if (!b || rebuilt(a.name)) continue;  // goes with its table
        if (kept && *kept == f && !lost(a.name, f.columns)) {
          if (!stands_on_a_dropped_index(a, *b, f)) continue;
          lifted_.insert(a.name + "." + constraint_key(f));
        }
        Step s = step(Kind::drop_foreign_key, a.name);
        s.foreign_key = f;
        s.name = f.name;
        add(s);
      }
    }
    for (const Index& i : from_.indexes) {
      if (!drops(i)) continue;
      Step s = step(Kind::drop_index, i.table);
      s.index = i;
      s.name = i.name;
      add(s);
    }
    for (const Table& a : from_.tables) {
      const Table* b = find_named(to_.tables, a.name);
      if (!b || rebuilt(a.name)) continue;
      for (const Unique& u : a.uniques) {
        if (!drops(a, *b, u)) continue;
        Step s = step(Kind::drop_unique, a.name);
        s.unique = u;
        s.name = u.name;
        add(s);
      }
      for (const Check& c : a.checks) {
        const Check* kept = find_key(b->checks, constraint_key(c));
        if (kept && *kept == c) continue;
        Step s = step(Kind::drop_check, a.name);
        s.check = c;
        s.name = c.name;
        add(s);
      }
    }
  }

  // A table's keys to a table that is dropped go before it, so that no
  // engine is asked to drop a table something still points at (with
  // foreign keys on, SQLite's DROP TABLE deletes the rows first: ON DELETE
  // CASCADE empties the children, NO ACTION fails). In place, that is
  // drop_table_objects(); where tables are rebuilt (SQLite), it is the
  // rebuild, which therefore comes here rather than in change_columns().
  // The rebuild may name a table this plan creates later, which SQLite
  // allows; a row pointing at it is a violation then as it would be after,
  // the new table being empty.
  void rebuild_tables_that_lose_a_key_to_a_dropped_table() {
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      if (!a || !rebuilt(b.name)) continue;
      const auto dropped = [&](const ForeignKey& f) { return !find_named(to_.tables, f.references_table); };
      if (std::none_of(a->foreign_keys.begin(), a->foreign_keys.end(), dropped)) continue;
      rebuild(*a, b);
      rebuilt_early_.insert(b.name);
    }
  }

  void drop_tables() {
    // Tables referenced by other dropped tables go last.
    std::vector<const Table*> dropped;
    for (const Table& a : from_.tables)
      if (!find_named(to_.tables, a.name)) dropped.push_back(&a);
    std::set<std::string> done;
    while (done.size() < dropped.size()) {
      bool progressed = false;
      for (const Table* t : dropped) {
        if (done.count(t->name)) continue;
        bool referenced = false;
        for (const Table* other : dropped)
          if (other != t && !done.count(other->name))
            for (const ForeignKey& f : other->foreign_keys) referenced = referenced || f.references_table == t->name;
        if (referenced) continue;
        emit_drop_table(*t);
        done.insert(t->name);
        progressed = true;
      }
      // A cycle among dropped tables: drop its keys first, except where the
      // engine drops a table whatever points at it (SQLite checks keys on rows).
      if (!progressed) {
        for (const Table* t : dropped)
          if (!done.count(t->name) && !rules_.rebuilds_tables)
            for (const ForeignKey& f : t->foreign_keys) {
              Step s = step(Kind::drop_foreign_key, t->name);
              s.foreign_key = f;
              s.name = f.name;
              if (f.name.empty()) refuse(t->name + ": an unnamed foreign key in a cycle of dropped tables cannot be dropped first");
              add(s);
            }
        for (const Table* t : dropped)
          if (!done.count(t->name)) {
            emit_drop_table(*t);
            done.insert(t->name);
          }
      }
    }
  }
  void emit_drop_table(const Table& t) {
    Step s = step(Kind::drop_table, t.name);
    s.name = t.name;
    s.destroys = "table " + t.name + " and every row in it";
    add(s);
  }

  void create_enums() {
    for (const EnumType& e : to_.enums) {
      const EnumType* was = find_named(from_.enums, e.name);
      if (was && *was == e) continue;
      if (was) {
        refuse("enum " + e.name + ": labels (" + joined(was->labels) + ") -> (" + joined(e.labels) +
               "): changing an enum type's labels is not planned; write the revision by hand");
        continue;
      }
      Step s = step(Kind::create_enum, e.name);
      s.enum_type = e;
      add(s);
    }
  }
  void drop_enums() {
    for (const EnumType& e : from_.enums)
      if (!find_named(to_.enums, e.name)) {
        Step s = step(Kind::drop_enum, e.name);
        s.name = e.name;
        s.enum_type = e;
        add(s);
      }
  }

  void create_tables() {
    for (const Table& t : to_.tables) {
      if (find_named(from_.tables, t.name)) continue;
      Step s = step(Kind::create_table, t.name);
      s.definition = t;
      // Added once every table exists, which also breaks cycles; an engine
      // that rebuilds tables cannot add them later, and SQLite lets CREATE
      // TABLE name a table that does not exist yet.
      if (!rules_.rebuilds_tables) s.definition.foreign_keys.clear();
      add(s);
    }
  }

  void change_columns() {
    std::set<std::string> visited;
    for (const Table& b : to_.tables) rebuild_parents_first(b, visited);
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      if (!a || rebuilt(b.name)) continue;
      if (a->primary_key != b.primary_key)
        refuse(b.name + ": primary key (" + joined(a->primary_key) + ") -> (" + joined(b.primary_key) +
               "): changing a primary key is not planned; write the revision by hand");
      for (const Column& c : b.columns) {
        const Column* was = find_named(a->columns, c.name);
        if (!was) {
          add_column(b.name, c);
        } else if (!(*was == c)) {
          alter_column(b.name, *was, c);
        }
      }
      for (const Column& c : a->columns)
        if (!find_named(b.columns, c.name)) {
          Step s = step(Kind::drop_column, b.name);
          s.name = c.name;
          s.column = c;
          s.destroys = "column " + b.name + "." + c.name + " and its values";
          add(s);
        }
    }
  }
  // Rebuilds go parents first (the tables a table's keys reference), so
  // that a rebuilt child's check of its own keys meets its parent as it
  // becomes: with foreign keys on, a key to a primary key that grows in the
  // same plan is a "foreign key mismatch" until the parent is rebuilt. A
  // cycle is entered in name order.
  void rebuild_parents_first(const Table& b, std::set<std::string>& visited) {
    if (!rebuilt(b.name) || !visited.insert(b.name).second) return;
    for (const ForeignKey& f : b.foreign_keys)
      if (const Table* parent = find_named(to_.tables, f.references_table)) rebuild_parents_first(*parent, visited);
    if (!rebuilt_early_.count(b.name)) rebuild(*find_named(from_.tables, b.name), b);
  }
  // The table as it becomes, its rows copied for the columns it keeps; what
  // it may destroy is what the same changes in place would, and whatever of
  // the table retort does not read (a trigger, a collation, WITHOUT ROWID):
  // the new table is made from the description, which does not hold them.
  void rebuild(const Table& a, const Table& b) {
    Step s = step(Kind::rebuild_table, b.name);
    s.definition = b;
    std::vector<std::string> destroys;
    for (const Column& c : b.columns) {
      const Column* was = find_named(a.columns, c.name);
      if (!was) {
        if (!c.nullable && !c.default_sql && c.generated.empty() && !c.autoincrement)
          destroys.push_back("fails if " + b.name + " has rows: " + c.name + " is NOT NULL without a default");
        continue;
      }
      if (!c.generated.empty()) continue;  // computed, never copied
      s.copied.push_back(c.name);
      if (was->type != c.type && !widens(was->type, c.type))
        destroys.push_back("values of " + b.name + "." + c.name + " that do not fit " + c.type);
      if (was->nullable && !c.nullable) destroys.push_back("fails if " + b.name + "." + c.name + " holds NULL");
    }
    for (const Column& c : a.columns)
      if (!find_named(b.columns, c.name)) destroys.push_back("column " + b.name + "." + c.name + " and its values");
    for (const Unmanaged& u : from_.unmanaged)
      if (belongs_to(u, a.name)) {
        std::string what = u.name.substr(a.name.size() + 1);  // the step names the table
        what.erase(0, what.find_first_not_of(' '));
        destroys.push_back(u.kind + " " + what);
      }
    for (const auto& d : destroys) s.destroys += (s.destroys.empty() ? "" : "; ") + d;
    add(s);
  }

  void add_column(const std::string& table, const Column& c) {
    Step s = step(Kind::add_column, table);
    s.column = c;
    if (!c.nullable && !c.default_sql && c.generated.empty())
      s.destroys = "nothing, but fails if " + table + " has rows: NOT NULL without a default";
    add(s);
  }
  // A generated column whose expression or storage (VIRTUAL, STORED)
  // changes: no engine alters that in place alike, and its values are
  // computed, so it is dropped and added again without loss.
  static bool recomputed(const Column& was, const Column& now) {
    return !was.generated.empty() && !now.generated.empty() && was.autoincrement == now.autoincrement &&
           (was.generated != now.generated || was.generated_virtual != now.generated_virtual);
  }

  // Dropped and added again; `destroys` says what goes with it ("" when
  // its values are computed).
  void replace_column(const std::string& table, const Column& was, const Column& now, std::string destroys) {
    Step drop = step(Kind::drop_column, table);
    drop.name = was.name;
    drop.column = was;
    drop.destroys = std::move(destroys);
    add(drop);
    add_column(table, now);
  }

  void alter_column(const std::string& table, const Column& was, const Column& now) {
    const std::string label = table + "." + now.name;
    if (recomputed(was, now)) return replace_column(table, was, now, "");
    if (was.autoincrement != now.autoincrement || was.generated != now.generated ||
        was.generated_virtual != now.generated_virtual) {
      refuse(label + ": changing autoincrement, or a column to or from a generated one, is not planned; write the "
             "revision by hand");
      return;
    }
    if (was.type != now.type && !convertible(was.type, now.type)) {
      // No engine casts a date to a number: the column is replaced.
      replace_column(table, was, now,
                     "column " + label + " and its values (type " + was.type + " -> " + now.type +
                         " cannot be converted, so the column is replaced)");
      replaced_.insert(table + "." + now.name);  // find_replacements found it: its indexes and constraints went first
      return;
    }
    Step s = step(Kind::alter_column, table);
    s.column = now;
    const bool new_type = was.type != now.type;
    // A new type or nullability restates the whole column (MariaDB's MODIFY
    // redefines type, nullability and default together), so all are given.
    s.change_type = new_type || was.nullable != now.nullable;
    s.change_nullable = s.change_type;
    s.change_default = was.default_sql != now.default_sql || (s.change_type && was.default_sql);
    if (new_type && !widens(was.type, now.type))
      s.destroys = "values of " + label + " that do not fit " + now.type + " (type " + was.type + " -> " + now.type + ")";
    else if (s.change_nullable && !now.nullable)
      s.destroys = "nothing, but fails if " + label + " holds NULL (now NOT NULL)";
    add(s);
  }

  void add_table_objects() {
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      const bool created = !a || rebuilt(b.name);
      for (const Unique& u : b.uniques) {
        if (created) continue;  // declared by create_table
        const Unique* was = find_key(a->uniques, constraint_key(u));
        if (was && *was == u && !lost(b.name, u.columns)) continue;
        Step s = step(Kind::add_unique, b.name);
        s.unique = u;
        add(s);
      }
      for (const Check& c : b.checks) {
        if (created) continue;
        const Check* was = find_key(a->checks, constraint_key(c));
        if (was && *was == c) continue;
        Step s = step(Kind::add_check, b.name);
        s.check = c;
        add(s);
      }
    }
    for (const Index& i : to_.indexes) {
      const Index* was = find_named(from_.indexes, i.name);
      if (was && *was == i && !rebuilt(i.table) && !lost(i.table, i.entries)) continue;  // else it went
      Step s = step(Kind::create_index, i.table);
      s.index = i;
      add(s);
    }
    for (const Table& b : to_.tables) {
      const Table* a = find_named(from_.tables, b.name);
      for (const ForeignKey* key : in_column_order(b)) {
        const ForeignKey& f = *key;
        if ((!a && rules_.rebuilds_tables) || rebuilt(b.name)) continue;  // declared by create_table or the rebuild
        const ForeignKey* was = a ? find_key(a->foreign_keys, constraint_key(f)) : nullptr;
        if (was && *was == f && !lost(b.name, f.columns) && !lifted_.count(b.name + "." + constraint_key(f))) continue;
        Step s = step(Kind::add_foreign_key, b.name);
        s.foreign_key = f;
        add(s);
      }
    }
  }

  // A table's keys in the order of their first column, as keys declared
  // on their columns are made: an engine that names unnamed keys by their
  // order (MariaDB's t_ibfk_1, _2) then names them as the revisions did,
  // rather than in the description's sorted order.
  static std::vector<const ForeignKey*> in_column_order(const Table& t) {
    auto position = [&](const ForeignKey& f) {
      if (f.columns.empty()) return t.columns.size();
      const auto it = std::find_if(t.columns.begin(), t.columns.end(),
                                   [&](const Column& c) { return c.name == f.columns.front(); });
      return static_cast<std::size_t>(it - t.columns.begin());
    };
    std::vector<const ForeignKey*> keys;
    for (const ForeignKey& f : t.foreign_keys) keys.push_back(&f);
    std::stable_sort(keys.begin(), keys.end(),
                     [&](const ForeignKey* x, const ForeignKey* y) { return position(*x) < position(*y); });
    return keys;
  }

  void create_views() {
    for (const View& v : to_.views) {
      const View* was = find_named(from_.views, v.name);
      if (was && *was == v && rebuilt_.empty()) continue;
      Step s = step(Kind::create_view, v.name);
      s.view = v;
      add(s);
    }
  }

  const Schema& from_;
  const Schema& to_;
  const PlanRules& rules_;
  // Whether an index or constraint of `table` on `columns` is on a replaced column: dropped before it, made again after.
  bool lost(const std::string& table, const std::vector<std::string>& columns) const {
    for (const auto& c : columns)
      if (replaced_.count(table + "." + c)) return true;
    return false;
  }

  ChangePlan plan_;
  std::set<std::string> rebuilt_;
  std::set<std::string> rebuilt_early_;  // rebuilt before drop_tables(): they lose a key to a dropped table
  std::set<std::string> lifted_;    // "table.key" of foreign keys dropped around an index they stand on
  std::set<std::string> replaced_;  // "table.column" dropped and added again with another type
};

}  // namespace

ChangePlan plan_changes(const Schema& from, const Schema& to, const PlanRules& rules,
                        const std::vector<RenameHint>& renames) {
  if (renames.empty()) return Planner(from, to, rules).run();
  Renamed renamed = apply_renames(from, to, renames);
  ChangePlan plan = Planner(renamed.from, to, rules).run();
  plan.steps.insert(plan.steps.begin(), renamed.steps.begin(), renamed.steps.end());
  return plan;
}

std::string describe(const Step& s) {
  switch (s.kind) {
    case Kind::create_table: return "create table " + s.table;
    case Kind::drop_table: return "drop table " + s.table;
    case Kind::add_column: return "add column " + s.table + "." + s.column.name;
    case Kind::drop_column: return "drop column " + s.table + "." + s.name;
    case Kind::alter_column: return "alter column " + s.table + "." + s.column.name;
    case Kind::create_index: return "create index " + s.index.name;
    case Kind::drop_index: return "drop index " + s.name;
    case Kind::add_foreign_key: return "add foreign key " + s.table + "." + constraint_key(s.foreign_key);
    case Kind::drop_foreign_key: return "drop foreign key " + s.table + "." + constraint_key(s.foreign_key);
    case Kind::add_unique: return "add unique " + s.table + "." + constraint_key(s.unique);
    case Kind::drop_unique: return "drop unique " + s.table + "." + constraint_key(s.unique);
    case Kind::add_check: return "add check " + s.table + "." + constraint_key(s.check);
    case Kind::drop_check: return "drop check " + s.table + "." + constraint_key(s.check);
    case Kind::create_view: return "create view " + s.table;
    case Kind::drop_view: return "drop view " + s.table;
    case Kind::create_enum: return "create enum " + s.table;
    case Kind::drop_enum: return "drop enum " + s.table;
    case Kind::rebuild_table: return "rebuild table " + s.table;
    case Kind::rename_table: return "rename table " + s.table + " to " + s.name;
    case Kind::rename_column: return "rename column " + s.table + "." + s.name + " to " + s.column.name;
  }
  return "a step";
}

}  // namespace host::schema
