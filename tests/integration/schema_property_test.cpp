// Round trips of random schema pairs on every engine (issue 12): for each
// pair (A, B), build A from nothing, plan A -> B, apply it, read the schema
// back and require it to be B as the engine itself stores B; then plan the
// way back to A and require A. Seeded, so a failure names the seed that
// reproduces it. Through the host's own planner, renderer and introspection,
// against a fresh database of the real engine.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <sstream>

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

// What the generator draws from: generic types every engine reads back as
// themselves (timestamp_tz is datetime on MariaDB, json text on SQLite).
const std::vector<std::string> column_types = {"integer", "bigint", "smallint", "boolean", "string(20)",
                                               "string(40)", "text", "numeric(10,2)", "date", "datetime"};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  Schema schema() {
    Schema s;
    const int tables = pick(1, 4);
    for (int t = 0; t < tables; ++t) s.tables.push_back(table(t));
    for (Table& t : s.tables) {
      if (chance(40)) {  // a foreign key to any table's key, cycles included
        const Table& target = s.tables[pick(0, static_cast<int>(s.tables.size()) - 1)];
        t.columns.push_back(Column{"ref_" + target.name, "integer", true, std::nullopt, false, ""});
        t.foreign_keys.push_back(ForeignKey{"fk_" + t.name + "_" + target.name, {"ref_" + target.name}, target.name,
                                            {"id"}, chance(50) ? "CASCADE" : "", ""});
      }
      for (std::size_t c = 1; c < t.columns.size(); ++c) {
        if (chance(15) && t.columns[c].type.rfind("string", 0) == 0)
          t.uniques.push_back(Unique{"uq_" + t.name + "_" + t.columns[c].name, {t.columns[c].name}});
        if (chance(20) && t.foreign_keys.empty())
          s.indexes.push_back(Index{"ix_" + t.name + "_" + t.columns[c].name, t.name, {t.columns[c].name}, false, ""});
      }
      if (chance(20)) t.checks.push_back(Check{"ck_" + t.name + "_id", "id > 0"});
    }
    sort_schema(s);
    return s;
  }

 private:
  Table table(int index) {
    Table t;
    t.name = "p" + std::to_string(index);
    t.columns.push_back(Column{"id", "integer", false, std::nullopt, false, ""});
    t.primary_key = {"id"};
    const int columns = pick(0, 4);
    for (int c = 0; c < columns; ++c) {
      Column col{"c" + std::to_string(pick(0, 6)), column_types[pick(0, static_cast<int>(column_types.size()) - 1)],
                 chance(60), std::nullopt, false, ""};
      if (std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& x) { return x.name == col.name; })) continue;
      if (col.type == "integer" && chance(30)) col.default_sql = "0";
      if (!col.nullable && !col.default_sql && col.type == "integer") col.default_sql = "1";
      t.columns.push_back(col);
    }
    return t;
  }
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return pick(1, 100) <= percent; }

  std::mt19937 rng_;
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

int pair_count() {
  const char* n = std::getenv("RETORT_PROPERTY_PAIRS");
  return n ? std::atoi(n) : 200;
}

TEST_P(SchemaProperty, RandomPairsPlanThereAndBackToExactlyWhatTheEngineMakesOfThem) {
  for (int i = 0; i < pair_count(); ++i) {
    const unsigned seed = 1000u + static_cast<unsigned>(i);
    Generator g(seed);
    const Schema a = g.schema(), b = g.schema();
    SCOPED_TRACE("seed " + std::to_string(seed) + "\nA:\n" + to_text(a) + "B:\n" + to_text(b));
    try {
      // What the engine makes of B and of A, each built from nothing.
      const Schema b_stored = move({}, b, "build B");
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
