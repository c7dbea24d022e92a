// Round trips of random schema pairs on every engine (issue 12): for each
// pair (A, B), build A from nothing, plan A -> B, apply it, read the schema
// back and require it to be B as the engine itself stores B; then plan the
// way back to A and require A. Seeded, so a failure names the seed that
// reproduces it. Through the host's own planner, renderer and introspection,
// against a fresh database of the real engine.
//
// The schemas have one to four tables with columns of every generic type,
// nullable or not, with defaults that suit their type; keys of one column
// or two (in table order or not); foreign keys on one or two columns to
// any table's key, cycles included, with ON DELETE and ON UPDATE actions;
// unique constraints and checks; indexes on one to three columns, unique
// or not, partial where the engine has them. B is drawn from nothing half
// the time, else it is A changed in one to four places (types, nullability,
// defaults, columns, indexes, uniques, keys and checks added, dropped or
// changed, tables added or dropped), so that changes in place are planned
// as often as whole tables. What an engine cannot do is not asked of it
// (Limits); everything else it is given must round-trip exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <utility>

#include "host/abi/connection.hpp"
#include "host/abi/dialect.hpp"
#include "host/abi/step_render.hpp"
#include "host/cli/app.hpp"
#include "host/schema/change_plan.hpp"
#include "host/schema/compare.hpp"
#include "host/schema/schema_text.hpp"
#include "project.hpp"

namespace it {
namespace {

using namespace host::schema;

// Every generic type of SPEC §3. What an engine makes of one is what the
// test compares with (timestamp_tz reads as datetime on MariaDB, json as
// text on SQLite), so a type need only read back the same way each time.
const std::vector<std::string> column_types = {
    "integer", "bigint", "smallint",  "boolean",  "string(20)",   "string(40)", "text", "numeric(10,2)",
    "float",   "double", "date",      "datetime", "timestamp_tz", "json",       "uuid", "binary"};

// Types the second column of a composite key, and the columns that refer to it, take.
const std::vector<std::string> key_types = {"integer", "smallint", "string(20)", "date", "uuid"};

// Defaults that suit each type, as a revision would write them; every engine accepts each.
const std::map<std::string, std::vector<std::string>> defaults_by_type = {
    {"integer", {"0", "7", "-1"}},
    {"bigint", {"0", "-1"}},
    {"smallint", {"0", "3"}},
    {"boolean", {"TRUE", "FALSE"}},
    {"string", {"'abc'", "'it''s'", "''"}},
    {"text", {"'abc'", "'it''s'"}},
    {"numeric", {"0", "1.5", "-2.25"}},
    {"float", {"1.5", "0"}},
    {"double", {"2.5", "-0.5"}},
    {"date", {"'2024-01-31'"}},
    {"datetime", {"'2024-01-31 12:00:00'", "CURRENT_TIMESTAMP"}},
    {"timestamp_tz", {"CURRENT_TIMESTAMP"}},
    {"json", {"'{}'"}},
    {"uuid", {"'00000000-0000-0000-0000-000000000000'"}},
    // binary: none; no byte-string literal reads on every engine (X'00' is not PostgreSQL's).
};

// ON DELETE / ON UPDATE. InnoDB keeps SET DEFAULT as RESTRICT, which MariaDB
// reads as no action given: what it makes of B, so still drawn there.
const std::vector<std::string> actions = {"", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"};

std::string base_type(const std::string& type) { return type.substr(0, type.find('(')); }

// What an engine genuinely cannot do, so the generator does not ask it there.
struct Limits {
  bool partial_indexes = true;  // MariaDB has no partial indexes (its renderer refuses WHERE)
  bool long_types_in_keys = true;  // MariaDB indexes TEXT/BLOB (text, json, binary) only with a prefix length
};

Limits limits_of(const std::string& engine) {
  Limits l;
  if (engine == "mariadb") l = {false, false};
  return l;
}

class Generator {
 public:
  Generator(unsigned seed, const std::string& engine) : rng_(seed), limits_(limits_of(engine)) {
    // Each table's primary key is the same in A and B: the planner refuses
    // to change a key (docs/schema.md), so the pairs keep their keys. A
    // composite key takes its columns in table order or the other way round.
    for (Key& k : keys_) {
      k.composite = chance(30);
      k.second_first = chance(50);
      k.second_type = pick_of(key_types);
    }
  }

  /// A schema drawn from nothing.
  Schema schema() {
    Schema s;
    const int tables = pick(1, 4);
    for (int t = 0; t < tables; ++t) s.tables.push_back(table(t));
    for (Table& t : s.tables) {
      // Foreign keys to any table's key, itself and cycles included; to a
      // composite key, on as many columns.
      std::set<std::string> targets;
      for (int f = 0; f < 2; ++f)
        if (chance(f == 0 ? 45 : 15)) targets.insert(pick_of(s.tables).name);
      for (const std::string& target : targets) add_foreign_key(t, *find(s, target));
      for (int u = 0; u < 2; ++u)
        if (chance(25)) add_unique(t);
      for (int n = 0; n < 2; ++n)
        if (chance(30)) add_index(s, t);
      if (chance(20)) t.checks.push_back(Check{"ck_" + t.name + "_id", "id > 0"});
    }
    sort_schema(s);
    return s;
  }

  /// B for `a`: half the time drawn from nothing, else `a` changed in one
  /// to four places, as a revision changes a schema, so that alterations
  /// in place (types, nullability, defaults, constraints, indexes on
  /// tables that stay) are planned as often as whole tables.
  Schema next(const Schema& a) {
    if (chance(50)) return schema();
    Schema s = a;
    const int edits = pick(1, 4);
    for (int e = 0; e < edits; ++e) edit(s);
    fit(s);
    sort_schema(s);
    return s;
  }

 private:
  struct Key {
    bool composite = false, second_first = false;
    std::string second_type;
  };

  Table table(int index) {
    Table t;
    t.name = "p" + std::to_string(index);
    t.columns.push_back(Column{"id", "integer", false, std::nullopt, false, ""});
    t.primary_key = {"id"};
    const Key& key = keys_[index];
    if (key.composite) {
      t.columns.push_back(Column{"k", key.second_type, false, std::nullopt, false, ""});
      t.primary_key = key.second_first ? std::vector<std::string>{"k", "id"} : std::vector<std::string>{"id", "k"};
    }
    const int columns = pick(0, 5);
    for (int c = 0; c < columns; ++c) add_column(t);
    return t;
  }

  void add_column(Table& t) {
    Column col{"c" + std::to_string(pick(0, 7)), pick_of(column_types), chance(60), std::nullopt, false, ""};
    if (std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& x) { return x.name == col.name; })) return;
    if (chance(35)) col.default_sql = default_for(col.type);
    if (!col.nullable && !col.default_sql && col.type == "integer") col.default_sql = "1";
    t.columns.push_back(col);
  }
  std::optional<std::string> default_for(const std::string& type) {
    const auto defaults = defaults_by_type.find(base_type(type));
    if (defaults == defaults_by_type.end()) return std::nullopt;
    return pick_of(defaults->second);
  }

  void add_foreign_key(Table& t, const Table& target) {
    const std::string name = "fk_" + t.name + "_" + target.name;
    if (std::any_of(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const ForeignKey& f) { return f.name == name; })) return;
    ForeignKey f{name, {}, target.name, target.primary_key, pick_of(actions), pick_of(actions)};
    for (const std::string& k : target.primary_key) {
      const std::string column = "r_" + target.name + "_" + k;
      f.columns.push_back(column);
      if (find(t, column)) continue;  // kept from a key dropped before
      const Column& referenced = *find(target, k);
      t.columns.push_back(Column{column, referenced.type, true, std::nullopt, false, ""});
    }
    t.foreign_keys.push_back(f);
  }

  // Columns an index or a unique constraint may cover on this engine.
  std::vector<std::string> indexable(const Table& t, bool unique) const {
    std::vector<std::string> out;
    for (const Column& c : t.columns)
      if (indexable(c, unique)) out.push_back(c.name);
    return out;
  }
  bool indexable(const Column& c, bool unique) const {
    const std::string base = base_type(c.type);
    const bool long_type = base == "text" || base == "json" || base == "binary";
    // MariaDB makes a unique key on a long type a hash one, which needs no prefix.
    return !long_type || limits_.long_types_in_keys || unique;
  }

  // One to three distinct columns out of `from`, in the order drawn.
  std::vector<std::string> some_of(std::vector<std::string> from) {
    std::vector<std::string> out;
    const int n = pick(1, std::min(3, static_cast<int>(from.size())));
    for (int i = 0; i < n; ++i) {
      const int at = pick(0, static_cast<int>(from.size()) - 1);
      out.push_back(from[at]);
      from.erase(from.begin() + at);
    }
    return out;
  }

  void add_unique(Table& t) {
    std::vector<std::string> candidates = indexable(t, true);
    candidates.erase(candidates.begin());  // not id alone, already the key's
    if (candidates.empty()) return;
    const std::string name = "uq_" + t.name + "_" + std::to_string(pick(0, 2));
    if (std::any_of(t.uniques.begin(), t.uniques.end(), [&](const Unique& u) { return u.name == name; })) return;
    t.uniques.push_back(Unique{name, some_of(candidates)});
  }

  void add_index(Schema& s, const Table& t) {
    Index ix{"ix_" + t.name + "_" + std::to_string(pick(0, 2)), t.name, {}, chance(25), ""};
    if (std::any_of(s.indexes.begin(), s.indexes.end(), [&](const Index& i) { return i.name == ix.name; })) return;
    ix.entries = some_of(indexable(t, ix.unique));
    if (limits_.partial_indexes && chance(30)) ix.where = chance(50) ? ix.entries.front() + " IS NOT NULL" : "id > 10";
    s.indexes.push_back(ix);
  }

  // Whether `column` of `t` is in its key or one of its foreign keys: its
  // type and nullability stay, as the keys they are in do.
  static bool keyed(const Table& t, const std::string& column) {
    if (std::find(t.primary_key.begin(), t.primary_key.end(), column) != t.primary_key.end()) return true;
    for (const ForeignKey& f : t.foreign_keys)
      if (std::find(f.columns.begin(), f.columns.end(), column) != f.columns.end()) return true;
    return column.rfind("r_", 0) == 0;
  }

  // One change to `s`, somewhere.
  void edit(Schema& s) {
    Table& t = pick_of(s.tables);
    std::vector<Column*> plain;
    for (Column& c : t.columns)
      if (!keyed(t, c.name)) plain.push_back(&c);
    switch (pick(0, 11)) {
      case 0:  // a new type, and a default that suits it
        if (!plain.empty()) {
          Column& c = *pick_of(plain);
          c.type = pick_of(column_types);
          if (c.default_sql || chance(30)) c.default_sql = default_for(c.type);
        }
        break;
      case 1:
        if (!plain.empty()) pick_of(plain)->nullable ^= true;
        break;
      case 2:
        if (!plain.empty()) {
          Column& c = *pick_of(plain);
          c.default_sql = chance(30) ? std::nullopt : default_for(c.type);
        }
        break;
      case 3: add_column(t); break;
      case 4:
        if (!plain.empty()) {
          const std::string gone = pick_of(plain)->name;
          t.columns.erase(std::find_if(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == gone; }));
        }
        break;
      case 5: add_index(s, t); break;
      case 6:  // an index dropped, or made unique, partial or not
        if (!s.indexes.empty()) {
          Index& ix = pick_of(s.indexes);
          if (chance(40)) {
            s.indexes.erase(s.indexes.begin() + (&ix - s.indexes.data()));
          } else if (chance(50) || !limits_.partial_indexes) {
            ix.unique ^= true;
          } else {
            ix.where = ix.where.empty() ? "id > 10" : "";
          }
        }
        break;
      case 7:
        if (!t.uniques.empty() && chance(50)) t.uniques.erase(t.uniques.begin() + pick(0, static_cast<int>(t.uniques.size()) - 1));
        else add_unique(t);
        break;
      case 8:  // a foreign key's actions changed, or the key dropped with its columns kept, or a new one
        if (!t.foreign_keys.empty() && chance(70)) {
          const int at = pick(0, static_cast<int>(t.foreign_keys.size()) - 1);
          if (chance(50)) {
            t.foreign_keys[at].on_delete = pick_of(actions);
            t.foreign_keys[at].on_update = pick_of(actions);
          } else {
            t.foreign_keys.erase(t.foreign_keys.begin() + at);
          }
        } else {
          add_foreign_key(t, pick_of(s.tables));
        }
        break;
      case 9:
        if (t.checks.empty()) t.checks.push_back(Check{"ck_" + t.name + "_id", "id > 0"});
        else t.checks.clear();
        break;
      case 10:  // a table more
        if (s.tables.size() < keys_.size()) {
          for (std::size_t i = 0; i < keys_.size(); ++i)
            if (!find(s, "p" + std::to_string(i))) {
              s.tables.push_back(table(static_cast<int>(i)));
              break;
            }
        }
        break;
      case 11:  // a table less; keys to it go, their columns stay
        if (s.tables.size() > 1) {
          const std::string gone = t.name;
          s.tables.erase(s.tables.begin() + (&t - s.tables.data()));
          for (Table& other : s.tables)
            other.foreign_keys.erase(std::remove_if(other.foreign_keys.begin(), other.foreign_keys.end(),
                                                    [&](const ForeignKey& f) { return f.references_table == gone; }),
                                     other.foreign_keys.end());
        }
        break;
    }
  }

  // What the edits left pointing at nothing goes: indexes of dropped tables,
  // indexes and constraints on dropped columns or on columns whose new type
  // this engine cannot index.
  void fit(Schema& s) const {
    auto covered = [&](const Table& t, const std::vector<std::string>& columns, bool unique) {
      return std::all_of(columns.begin(), columns.end(), [&](const std::string& name) {
        const Column* c = find(t, name);
        return c && indexable(*c, unique);
      });
    };
    s.indexes.erase(std::remove_if(s.indexes.begin(), s.indexes.end(),
                                   [&](const Index& ix) {
                                     const Table* t = find(s, ix.table);
                                     return !t || !covered(*t, ix.entries, ix.unique) ||
                                            (!ix.where.empty() && ix.where != "id > 10" && !find(*t, ix.entries.front()));
                                   }),
                    s.indexes.end());
    for (Table& t : s.tables)
      t.uniques.erase(std::remove_if(t.uniques.begin(), t.uniques.end(),
                                     [&](const Unique& u) { return !covered(t, u.columns, true); }),
                      t.uniques.end());
  }

  static const Table* find(const Schema& s, const std::string& name) {
    for (const Table& t : s.tables)
      if (t.name == name) return &t;
    return nullptr;
  }
  static Table* find(Schema& s, const std::string& name) { return const_cast<Table*>(find(std::as_const(s), name)); }
  static const Column* find(const Table& t, const std::string& name) {
    for (const Column& c : t.columns)
      if (c.name == name) return &c;
    return nullptr;
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return pick(1, 100) <= percent; }
  template <class T>
  T& pick_of(std::vector<T>& items) {
    return items[pick(0, static_cast<int>(items.size()) - 1)];
  }
  template <class T>
  const T& pick_of(const std::vector<T>& items) {
    return items[pick(0, static_cast<int>(items.size()) - 1)];
  }

  std::mt19937 rng_;
  Limits limits_;
  std::array<Key, 4> keys_;
};

class SchemaProperty : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = make_engine(GetParam(), dir_.path());
    host::Invocation invocation;
    invocation.command = "diff";
    host::Settings settings;
    settings.database_url = engine_->url();
    app_ = std::make_unique<host::App>(std::move(invocation), std::move(settings));
    db_ = app_->connect();
    // A file's durability is not what this test is about, and waiting for
    // the disk after every statement of every rebuild is most of its time.
    if (GetParam() == "sqlite") db_->execute("PRAGMA synchronous = OFF");
  }
  Schema read() { return db_->read_schema("", {}); }
  // Plans `from` -> `to` and runs it; returns what the engine then has.
  Schema move(const Schema& from, const Schema& to, const std::string& what) {
    const ChangePlan plan = plan_changes(from, to, {app_->dialect().rebuilds_tables()});
    EXPECT_TRUE(plan.refused.empty()) << what << ": " << (plan.refused.empty() ? "" : plan.refused.front());
    for (const Step& step : plan.steps)
      for (const auto& statement : host::render_step(app_->dialect(), step)) {
        try {
          db_->execute(statement);
        } catch (const std::exception& e) {
          ADD_FAILURE() << what << ": " << describe(step) << ": " << e.what() << "\n" << statement;
          throw;
        }
      }
    return read();
  }

  TempDir dir_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<host::App> app_;
  std::unique_ptr<host::Connection> db_;
};

std::string differences(const Schema& a, const Schema& b) {
  std::string out;
  for (const auto& d : compare(a, b))
    out += "  " + change_name(d.change) + " " + d.kind + " " + d.object + (d.detail.empty() ? "" : ": " + d.detail) + "\n";
  return out;
}

// What no engine may change of a schema it is given, though it spells
// types, defaults and expressions its own way: each table's primary key, in
// its order, and each foreign key's columns and the columns it names.
std::string keys_changed(const Schema& given, const Schema& stored) {
  std::string out;
  for (const Table& t : given.tables) {
    const auto s = std::find_if(stored.tables.begin(), stored.tables.end(), [&](const Table& x) { return x.name == t.name; });
    if (s == stored.tables.end()) continue;  // differences() says so
    if (s->primary_key != t.primary_key)
      out += "  " + t.name + ": primary key (" + joined(t.primary_key) + ") reads as (" + joined(s->primary_key) + ")\n";
    for (const ForeignKey& f : t.foreign_keys)
      for (const ForeignKey& g : s->foreign_keys)
        if (g.name == f.name && (g.columns != f.columns || g.references_columns != f.references_columns))
          out += "  " + t.name + "." + f.name + ": (" + joined(f.columns) + ") -> (" + joined(f.references_columns) +
                 ") reads as (" + joined(g.columns) + ") -> (" + joined(g.references_columns) + ")\n";
  }
  return out;
}

int pair_count() {
  const char* n = std::getenv("RETORT_PROPERTY_PAIRS");
  return n ? std::atoi(n) : 200;
}

TEST_P(SchemaProperty, RandomPairsPlanThereAndBackToExactlyWhatTheEngineMakesOfThem) {
  for (int i = 0; i < pair_count(); ++i) {
    const unsigned seed = 1000u + static_cast<unsigned>(i);
    Generator g(seed, GetParam());
    const Schema a = g.schema(), b = g.next(a);
    SCOPED_TRACE("seed " + std::to_string(seed) + "\nA:\n" + to_text(a) + "B:\n" + to_text(b));
    try {
      // What the engine makes of B and of A, each built from nothing.
      const Schema b_stored = move({}, b, "build B");
      ASSERT_EQ(keys_changed(b, b_stored), "") << "the engine does not hold B's keys as B has them";
      move(b_stored, {}, "clear B");
      const Schema a_stored = move({}, a, "build A");
      const Schema reached = move(a_stored, b_stored, "A -> B");
      ASSERT_EQ(differences(reached, b_stored), "") << "A -> B did not reach B";
      const Schema back = move(reached, a_stored, "B -> A");
      ASSERT_EQ(differences(back, a_stored), "") << "B -> A did not come back to A";
      move(back, {}, "clear");
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
    if (HasFatalFailure() || HasFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, SchemaProperty, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
