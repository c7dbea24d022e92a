// Issue 15: Flyway's repeatable migrations (R__ files), through the built
// binary on every engine. A Flyway folder of V1, V2 (with their undo files)
// and R__views.sql, which makes a view over V1's table: the repeatable runs
// after the versions of an upgrade to head, again only when its file
// changed, never for an upgrade to a middle revision nor on a downgrade;
// offline scripts end with it; `check` reports it changed or never run;
// `heads` does not list it; a fleet's targets get it too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

// The view as each engine re-creates one: PostgreSQL and MariaDB replace it
// in place; SQLite has no CREATE OR REPLACE VIEW.
std::string views_file(const std::string& engine, int below) {
  const std::string select = "SELECT name FROM items WHERE price < " + std::to_string(below) + ";";
  if (engine == "sqlite") return "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS " + select + "\n";
  return "-- kept by Flyway as a repeatable\nCREATE OR REPLACE VIEW cheap_items AS " + select + "\n";
}

class Repeatables : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};

  // `check`, comparing the live schema with the scratch replay, views too.
  Result check(std::vector<std::string> more = {}) const {
    std::vector<std::string> args{"check"};
    args.insert(args.end(), more.begin(), more.end());
    return project.retort(args);
  }

  void SetUp() override {
    write_migration("V1__create_items.sql",
                    "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, price INTEGER NOT NULL);");
    write_migration("U1__create_items.sql", "DROP TABLE items;");
    write_migration("V2__add_items.sql", "INSERT INTO items (id, name, price) VALUES (1, 'apple', 5), (2, 'pear', 15);");
    write_migration("U2__add_items.sql", "DELETE FROM items;");
    write_views(10);
    project.configure("migrations");
  }

  void write_migration(const std::string& name, const std::string& sql) const {
    write_file(project.dir() / "migrations" / name, sql + "\n");
  }
  void write_views(int below) const { write_migration("R__views.sql", views_file(GetParam(), below)); }

  std::string cheap_items() { return project.db().query("SELECT name FROM cheap_items ORDER BY name"); }
  long history_rows() const {
    const std::string h = project.history();  // one row a line, the last without its newline
    return h.empty() ? 0 : 1 + static_cast<long>(std::count(h.begin(), h.end(), '\n'));
  }
};

TEST_P(Repeatables, UpgradeRunsTheVersionsThenTheRepeatableAndAgainOnlyWhenItsFileChanged) {
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.history(),
            "V1 upgrade applied\n"
            "V2 upgrade applied\n"
            "R__views upgrade applied");
  EXPECT_EQ(project.versions(), "V2");  // the version table holds heads only
  EXPECT_EQ(cheap_items(), "apple\n");

  const Result again = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(again, 0);
  EXPECT_THAT(again.err, HasSubstr("nothing to upgrade"));
  EXPECT_EQ(history_rows(), 3);

  write_views(20);
  const Result changed = project.retort({"upgrade", "heads"});
  EXPECT_EXIT_CODE(changed, 0);
  EXPECT_THAT(changed.err, HasSubstr("plan: upgrade 1 revision(s): R__views"));
  EXPECT_EQ(project.history(),
            "V1 upgrade applied\n"
            "V2 upgrade applied\n"
            "R__views upgrade applied\n"
            "R__views upgrade applied");
  EXPECT_EQ(cheap_items(), "apple\npear\n");
  EXPECT_EQ(project.versions(), "V2");
  // Two runs, two checksums, and a duration for each.
  EXPECT_EQ(project.db().query("SELECT COUNT(DISTINCT checksum) FROM retort_history WHERE revision = 'R__views' "
                               "AND duration_ms IS NOT NULL"),
            "2\n");
}

TEST_P(Repeatables, UpgradeToAMiddleRevisionRunsNoRepeatable) {
  EXPECT_EXIT_CODE(project.retort({"upgrade", "V1"}), 0);
  EXPECT_EQ(project.history(), "V1 upgrade applied");
  EXPECT_EXIT_CODE(project.retort({"upgrade", "+1"}), 0);
  EXPECT_EQ(project.history(), "V1 upgrade applied\nV2 upgrade applied");
  // At V2 already: head has no version left to run, only the repeatable.
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.history(), "V1 upgrade applied\nV2 upgrade applied\nR__views upgrade applied");
}

TEST_P(Repeatables, DowngradeLeavesTheRepeatableAlone) {
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EXIT_CODE(project.retort({"downgrade", "V1"}), 0);
  EXPECT_EQ(project.history(),
            "V1 upgrade applied\n"
            "V2 upgrade applied\n"
            "R__views upgrade applied\n"
            "V2 downgrade applied");
  EXPECT_EQ(project.versions(), "V1");
  EXPECT_EQ(cheap_items(), "");  // the view is still there, over an empty table
  // Back up to head: V2 again; the repeatable did not change, so it stays.
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(history_rows(), 5);
  EXPECT_EQ(cheap_items(), "apple\n");
}

TEST_P(Repeatables, OfflineScriptToHeadEndsWithTheRepeatableAndAppliesLikeTheOnlineRun) {
  const Result middle = project.retort({"upgrade", "V1", "--sql"});
  EXPECT_EXIT_CODE(middle, 0);
  EXPECT_THAT(middle.out, Not(HasSubstr("cheap_items")));

  const Result script = project.retort({"upgrade", "head", "--sql", "--output", "up.sql"});
  EXPECT_EXIT_CODE(script, 0);
  const std::string sql = read_file(project.dir() / "up.sql");
  const auto insert = sql.find("INSERT INTO items");
  const auto view = sql.find("VIEW cheap_items AS");
  ASSERT_NE(insert, std::string::npos) << sql;
  ASSERT_NE(view, std::string::npos) << sql;
  EXPECT_LT(insert, view) << sql;

  const Result applied = project.db().apply_script(project.dir() / "up.sql");
  ASSERT_EQ(applied.code, 0) << applied.err;
  EXPECT_EQ(project.history(), "V1 upgrade applied\nV2 upgrade applied\nR__views upgrade applied");
  EXPECT_EQ(cheap_items(), "apple\n");
  // The script recorded the checksums an online run would have.
  EXPECT_EXIT_CODE(check(), 0);
  EXPECT_THAT(project.retort({"upgrade", "head"}).err, HasSubstr("nothing to upgrade"));
}

TEST_P(Repeatables, CheckReportsARepeatableNeverRunOrChangedAndIsCleanAfterUpgrade) {
  EXPECT_EXIT_CODE(project.retort({"upgrade", "V2"}), 0);
  const Result never = check();
  EXPECT_EXIT_CODE(never, 6);
  EXPECT_THAT(never.out, HasSubstr("not_applied: R__views not applied yet"));

  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EXIT_CODE(check(), 0);

  write_views(20);
  const Result changed = check();
  EXPECT_EXIT_CODE(changed, 6);
  EXPECT_THAT(changed.out, HasSubstr("repeatable: R__views will run again on upgrade: checksum changed (recorded "));
  const Result json = check({"--format", "json"});
  EXPECT_EXIT_CODE(json, 6);
  const Json report = Json::parse(json.out);
  ASSERT_EQ(report["findings"].size(), 1u) << json.out;
  const Json& finding = report["findings"][0];
  EXPECT_EQ(finding["kind"], "repeatable");
  EXPECT_EQ(finding["revision"], "R__views");
  EXPECT_NE(finding["recorded_checksum"], finding["checksum"]);
  EXPECT_EQ(report["heads"], Json::array({"V2"}));

  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  const Result clean = check();
  EXPECT_EXIT_CODE(clean, 0);
  EXPECT_THAT(clean.out, HasSubstr("ok:"));
}

TEST_P(Repeatables, OneTransactionForTheWholeRunHoldsTheRepeatableToo) {
  project.configure("migrations", "transaction_per_migration = false");
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.history(), "V1 upgrade applied\nV2 upgrade applied\nR__views upgrade applied");
  EXPECT_EQ(cheap_items(), "apple\n");
}

INSTANTIATE_TEST_SUITE_P(Engines, Repeatables, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

TEST(RepeatablesGraph, HeadsListsOnlyVersionedRevisions) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "V1__a.sql", "SELECT 1;\n");
  write_file(project.dir() / "migrations" / "R__views.sql", "SELECT 2;\n");
  project.configure("migrations");
  const Result heads = project.retort({"heads"});
  EXPECT_EXIT_CODE(heads, 0);
  EXPECT_THAT(heads.out, HasSubstr("V1"));
  EXPECT_THAT(heads.out, Not(HasSubstr("R__")));
  const Result history = project.retort({"history"});
  EXPECT_THAT(history.out, Not(HasSubstr("R__")));
}

TEST(RepeatablesGraph, AFolderOfRepeatablesOnlyRunsThemOnUpgradeHead) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "R__b.sql", "CREATE TABLE IF NOT EXISTS b (x INTEGER);\n");
  write_file(project.dir() / "migrations" / "R__a.sql", "CREATE TABLE IF NOT EXISTS a (x INTEGER);\n");
  project.configure("migrations");
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.history(), "R__a upgrade applied\nR__b upgrade applied");  // by description
  EXPECT_EQ(project.versions(), "");
  EXPECT_EXIT_CODE(project.retort({"check", "--no-drift"}), 0);
}

TEST(RepeatablesGraph, TwoFilesOfOneIdAreRefusedInOneLineNamingBoth) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "V1__a.sql", "SELECT 1;\n");
  write_file(project.dir() / "migrations" / "R__my-views.sql", "SELECT 2;\n");
  write_file(project.dir() / "migrations" / "R__my views.sql", "SELECT 3;\n");
  project.configure("migrations");
  const Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("R__my views.sql and "));
  EXPECT_THAT(r.err, HasSubstr("R__my-views.sql both map to revision id 'R__my_views'"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

// A fleet plans each target as `upgrade` does: the repeatable runs on every
// target once, and again on each after its file changed.
TEST(RepeatablesFleet, EveryTargetGetsTheRepeatableAndAgainAfterItChanged) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "V1__a.sql", "CREATE TABLE a (x INTEGER);\n");
  write_file(project.dir() / "migrations" / "R__v.sql", "DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1 AS one;\n");
  project.configure("migrations");
  std::string targets;
  for (const char* name : {"t1", "t2", "t3"})
    targets += std::string(name) + " sqlite:///" + (project.dir() / (std::string(name) + ".db")).string() + "\n";
  write_file(project.dir() / "targets.txt", targets);
  auto rows_of = [&](const char* name) {
    return run_process({"sqlite3", (project.dir() / (std::string(name) + ".db")).string(),
                        "SELECT revision FROM retort_history ORDER BY id;"},
                       project.dir().path())
        .out;
  };
  // t1 already at V1 with the repeatable run; the others fresh.
  const Result one = run_process(
      {retort_binary().string(), "--url", "sqlite:///" + (project.dir() / "t1.db").string(), "upgrade", "head"},
      project.dir().path());
  ASSERT_EQ(one.code, 0) << one.err;

  EXPECT_EXIT_CODE(project.retort({"upgrade", "head", "--targets", "targets.txt", "--jobs", "2"}), 0);
  for (const char* name : {"t1", "t2", "t3"}) EXPECT_EQ(rows_of(name), "V1\nR__v\n") << name;

  const Result nothing = project.retort({"upgrade", "head", "--targets", "targets.txt", "--format", "json"});
  EXPECT_EXIT_CODE(nothing, 0);
  // Held: a range-for over parse(...)["targets"] would iterate a destroyed temporary.
  const Json report = Json::parse(nothing.out);
  for (const auto& row : report["targets"]) EXPECT_EQ(row["revisions"], 0) << row.dump();

  write_file(project.dir() / "migrations" / "R__v.sql", "DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 2 AS two;\n");
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head", "--targets", "targets.txt", "--jobs", "2"}), 0);
  for (const char* name : {"t1", "t2", "t3"}) EXPECT_EQ(rows_of(name), "V1\nR__v\nR__v\n") << name;
  EXPECT_EXIT_CODE(project.retort({"check", "--targets", "targets.txt"}), 0);
}

}  // namespace
}  // namespace it
