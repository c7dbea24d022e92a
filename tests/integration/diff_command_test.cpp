// `retort diff` through the binary on every engine: plans that are proven
// on a scratch database before they are shown, destructive steps refused
// unless allowed, and the printed SQL doing what it says when applied by
// the engine's own client.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class Diff : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  // Applies printed SQL with the engine's own client, as a user would.
  void apply(const std::string& sql) {
    const fs::path script = project.dir() / "plan.sql";
    write_file(script, sql);
    Result r = project.db().apply_script(script);
    ASSERT_EQ(r.code, 0) << r.err << "\n" << sql;
  }
};

TEST_P(Diff, AnEmptyDatabaseGetsThePlanToHeadAndIsAtHeadAfterApplyingIt) {
  project.use_shop();
  Result plan = project.retort({"diff"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("CREATE TABLE"));
  EXPECT_THAT(plan.out, Not(HasSubstr("retort_version")));
  apply(plan.out);
  Result again = project.retort({"diff"});
  EXPECT_EXIT_CODE(again, 0);
  EXPECT_THAT(again.out, HasSubstr("-- no differences"));
}

TEST_P(Diff, EqualSchemasAreExitZero) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  EXPECT_EXIT_CODE(project.retort({"diff"}), 0);
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", "empty", "--to", "empty"}), 0);
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", "head", "--to", "head"}), 0);
}

TEST_P(Diff, DestructiveStepsAreRefusedUnlessAllowedAndThenSayWhatTheyDestroy) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  project.db().query("ALTER TABLE purchases ADD COLUMN note TEXT");

  Result refused = project.retort({"diff"});
  EXPECT_EXIT_CODE(refused, 2);
  EXPECT_THAT(refused.err, HasSubstr("drop column purchases.note"));
  EXPECT_THAT(refused.err, HasSubstr("--allow-destructive"));
  EXPECT_EQ(refused.out, "");

  Result allowed = project.retort({"diff", "--allow-destructive"});
  EXPECT_EXIT_CODE(allowed, 6);
  EXPECT_THAT(allowed.out, HasSubstr("-- destroys: column purchases.note and its values\n"));
  apply(allowed.out);
  EXPECT_EXIT_CODE(project.retort({"diff"}), 0);
}

TEST_P(Diff, TheOtherWayRoundAddsWhatTheDatabaseHas) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  project.db().query("ALTER TABLE purchases ADD COLUMN note TEXT");
  Result plan = project.retort({"diff", "--from", "head", "--to", "database"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("ADD COLUMN"));
  EXPECT_THAT(plan.out, HasSubstr("note"));

  Result json = project.retort({"--format", "json", "diff", "--from", "head", "--to", "database"});
  EXPECT_EXIT_CODE(json, 6);
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << json.out;
  EXPECT_EQ(doc["equal"], false);
  ASSERT_EQ(doc["differences"].size(), 1u) << json.out;
  EXPECT_EQ(doc["differences"][0]["change"], "added");
  EXPECT_EQ(doc["differences"][0]["kind"], "column");
  EXPECT_EQ(doc["differences"][0]["object"], "purchases.note");
  ASSERT_EQ(doc["steps"].size(), 1u);
  EXPECT_EQ(doc["steps"][0]["step"], "add column purchases.note");
}

// Two tables whose foreign keys point at each other: the plan creates both
// before either key (or, on SQLite, declares them in CREATE TABLE).
TEST_P(Diff, ACycleOfForeignKeysIsPlannedAndProven) {
  const bool sqlite = GetParam() == "sqlite";
  project.use_sql_revisions(
      {{"aaaa00000001", "",
        sqlite ? "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER CONSTRAINT fk_a_b REFERENCES b (id));\n"
                 "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER CONSTRAINT fk_b_a REFERENCES a (id));"
               : "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER);\n"
                 "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER);\n"
                 "ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id);\n"
                 "ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id);",
        "DROP TABLE a; DROP TABLE b;"}});
  Result plan = project.retort({"diff"});
  EXPECT_EXIT_CODE(plan, 6);
  apply(plan.out);
  EXPECT_EXIT_CODE(project.retort({"diff"}), 0);
  Result back = project.retort({"diff", "--from", "database", "--to", "empty", "--allow-destructive"});
  EXPECT_EXIT_CODE(back, 6);
  apply(back.out);
  EXPECT_EXIT_CODE(project.retort({"diff", "--to", "empty"}), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, Diff, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it

namespace it {
namespace {

// SQLite's 12-step rebuild: a parent table rebuilt while a child table has
// rows that cascade on delete. The plan switches foreign keys off, so the
// children stay, even when the script is run with them on.
TEST(DiffSqliteRebuild, RebuildingAParentTableNeverCascadesIntoItsChildren) {
  Project project("sqlite");
  project.use_sql_revisions(
      {{"aaaa00000001", "",
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER CONSTRAINT fk_child_parent REFERENCES parent (id) "
        "ON DELETE CASCADE);\n"
        "CREATE INDEX ix_parent_name ON parent (name);",
        "DROP TABLE child; DROP TABLE parent;"},
       {"bbbb00000002", "aaaa00000001",
        "CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', "
        "CONSTRAINT ck_parent_name CHECK (length(name) > 0));\n"
        "INSERT INTO parent_new SELECT id, coalesce(name, 'x') FROM parent;\n"
        "DROP TABLE parent;\n"
        "ALTER TABLE parent_new RENAME TO parent;\n"
        "CREATE INDEX ix_parent_name ON parent (name);",
        "SELECT 1;"}});
  ASSERT_EQ(project.retort({"upgrade", "aaaa"}).code, 0);
  project.db().query("INSERT INTO parent (id, name) VALUES (1, 'one'), (2, 'two')");
  project.db().query("INSERT INTO child (id, parent_id) VALUES (10, 1), (20, 2)");

  Result refused = project.retort({"diff"});
  EXPECT_EXIT_CODE(refused, 2);
  EXPECT_THAT(refused.err, HasSubstr("rebuild table parent"));

  Result plan = project.retort({"diff", "--allow-destructive"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("PRAGMA foreign_keys = OFF;\n"));
  EXPECT_THAT(plan.out, HasSubstr("-- destroys: fails if parent.name holds NULL\n"));
  EXPECT_THAT(plan.out, HasSubstr("pragma_foreign_key_check('parent')"));
  EXPECT_THAT(plan.out, HasSubstr("CREATE INDEX \"ix_parent_name\""));

  const fs::path script = project.dir() / "plan.sql";
  write_file(script, "PRAGMA foreign_keys = ON;\n" + plan.out);
  Result applied = project.db().apply_script(script);
  ASSERT_EQ(applied.code, 0) << applied.err;
  EXPECT_EQ(project.db().query("SELECT count(*) FROM child"), "2\n") << "the rebuild cascaded into the child table";
  EXPECT_EQ(project.db().query("SELECT name FROM parent ORDER BY id"), "one\ntwo\n");
  EXPECT_EXIT_CODE(project.retort({"diff"}), 0);
}

}  // namespace
}  // namespace it
