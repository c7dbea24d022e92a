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

TEST_P(Diff, ARevisionIsASourceAndThePlanFromItIsWhatTheRevisionsAfterItDo) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", shop_ids[2]}).code, 0);
  Result plan = project.retort({"diff", "--from", shop_ids[2], "--to", "head"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("is_hidden"));
  EXPECT_THAT(plan.out, HasSubstr("uq_purchases_payment_id"));
  // The database is where that revision left it: the plan takes it to head.
  apply(plan.out);
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", "database", "--to", "head"}), 0);
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", shop_ids.back(), "--to", "head"}), 0);
  // An id nobody has is a usage error naming it, not an empty schema.
  Result unknown = project.retort({"diff", "--from", "feedfacecafe", "--to", "head"});
  EXPECT_NE(unknown.code, 0);
  EXPECT_NE(unknown.code, 6);
  EXPECT_THAT(unknown.err, HasSubstr("feedfacecafe"));
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

namespace it {
namespace {

// Issue 12's audit: two schemas that differ only in what retort does not
// read are "equal" only with a line saying what was not compared; what it
// reads (VIRTUAL or STORED) is a difference, planned and proven.
class DiffUnread : public ::testing::Test {
 protected:
  Project project{"sqlite"};
  void SetUp() override { project.use_shop(); }
  // `diff --from file:a.sql --to file:b.sql` for the two statements given.
  Result diff(const std::string& a, const std::string& b, std::vector<std::string> extra = {}) {
    write_file(project.dir() / "a.sql", a + "\n");
    write_file(project.dir() / "b.sql", b + "\n");
    std::vector<std::string> args = {"diff", "--from", "file:a.sql", "--to", "file:b.sql"};
    args.insert(args.end(), extra.begin(), extra.end());
    return project.retort(args);
  }
};

TEST_F(DiffUnread, SqliteColumnCollationIsNamedAsNotCompared) {
  Result r = diff("CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT COLLATE NOCASE);",
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT);");
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("-- no differences\n"));
  EXPECT_THAT(r.out, HasSubstr("-- not compared (retort does not read them): collation orders.code: COLLATE NOCASE\n"));

  write_file(project.dir() / "a.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT COLLATE NOCASE);\n");
  Result json = project.retort({"--format", "json", "diff", "--from", "file:a.sql", "--to", "file:b.sql"});
  EXPECT_EXIT_CODE(json, 0);
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << json.out;
  EXPECT_EQ(doc["not_compared"], nlohmann::json::array({"collation orders.code: COLLATE NOCASE"}));
}

TEST_F(DiffUnread, SqliteWithoutRowidIsNamedAsNotCompared) {
  Result r = diff("CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT) WITHOUT ROWID;",
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT);");
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("-- not compared (retort does not read them): table option orders: WITHOUT ROWID\n"));
}

TEST_F(DiffUnread, SqliteStrictIsNamedAsNotCompared) {
  Result r = diff("CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT);",
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT) STRICT;");
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("-- not compared (retort does not read them): table option orders: STRICT\n"));
}

TEST_F(DiffUnread, SqliteVirtualAndStoredGeneratedColumnsDifferAndThePlanIsProven) {
  const std::string virtual_column =
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, qty INTEGER, twice INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL);";
  const std::string stored_column =
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, qty INTEGER, twice INTEGER GENERATED ALWAYS AS (qty * 2) STORED);";
  Result r = diff(virtual_column, stored_column);
  EXPECT_EXIT_CODE(r, 6);
  EXPECT_THAT(r.out, HasSubstr("\"twice\" INTEGER GENERATED ALWAYS AS (qty * 2) STORED"));
  Result json = project.retort({"--format", "json", "diff", "--from", "file:a.sql", "--to", "file:b.sql"});
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << json.out;
  ASSERT_EQ(doc["differences"].size(), 1u) << json.out;
  EXPECT_EQ(doc["differences"][0]["object"], "orders.twice");
  EXPECT_EQ(doc["differences"][0]["detail"], "generated now STORED (was VIRTUAL)");
  EXPECT_EXIT_CODE(diff(stored_column, virtual_column), 6);
}

// A rebuild makes the table anew, so the trigger would go: refused unless
// destruction is allowed, then said in the script.
TEST_F(DiffUnread, SqliteRebuildOfATableWithATriggerIsRefusedUnlessAllowed) {
  const std::string with_trigger =
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, qty INTEGER);\n"
      "CREATE TABLE audit (n INTEGER);\n"
      "CREATE TRIGGER trg_o AFTER INSERT ON orders BEGIN INSERT INTO audit VALUES (NEW.qty); END;";
  const std::string with_check =
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, qty INTEGER, CONSTRAINT ck_orders_qty CHECK (qty > 0));\n"
      "CREATE TABLE audit (n INTEGER);";
  Result refused = diff(with_trigger, with_check);
  EXPECT_EXIT_CODE(refused, 2);
  EXPECT_THAT(refused.err, HasSubstr("rebuild table orders (destroys trigger trg_o)"));
  EXPECT_EQ(refused.out, "");

  Result allowed = diff(with_trigger, with_check, {"--allow-destructive"});
  EXPECT_EXIT_CODE(allowed, 6);
  EXPECT_THAT(allowed.out, HasSubstr("-- destroys: trigger trg_o\n"));
  EXPECT_THAT(allowed.out, HasSubstr("trigger orders.trg_o"));  // and not compared, as before
}

// MariaDB has both: the difference is found, planned (the column dropped and
// added again: its values are computed) and proven.
TEST(DiffUnreadMariadb, VirtualAndStoredGeneratedColumnsDifferAndThePlanIsProven) {
  Project project("mariadb");
  project.use_shop();
  write_file(project.dir() / "a.sql",
             "CREATE TABLE orders (id INT PRIMARY KEY, qty INT, twice INT AS (qty * 2) VIRTUAL);\n");
  write_file(project.dir() / "b.sql",
             "CREATE TABLE orders (id INT PRIMARY KEY, qty INT, twice INT AS (qty * 2) STORED);\n");
  Result r = project.retort({"diff", "--from", "file:a.sql", "--to", "file:b.sql"});
  EXPECT_EXIT_CODE(r, 6);
  EXPECT_THAT(r.out, HasSubstr("DROP COLUMN `twice`"));
  EXPECT_THAT(r.out, HasSubstr("GENERATED ALWAYS AS (`qty` * 2) STORED"));
  Result json = project.retort({"--format", "json", "diff", "--from", "file:a.sql", "--to", "file:b.sql"});
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << json.out;
  ASSERT_EQ(doc["differences"].size(), 1u) << json.out;
  EXPECT_EQ(doc["differences"][0]["detail"], "generated now STORED (was VIRTUAL)");
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", "file:b.sql", "--to", "file:a.sql"}), 6);
}

// PostgreSQL 15 has STORED only: the description says so.
TEST(DiffUnreadPostgresql, AGeneratedColumnIsDescribedAsStored) {
  Project project("postgresql");
  project.use_shop();
  project.db().query("CREATE TABLE orders (id integer PRIMARY KEY, qty integer, "
                     "twice integer GENERATED ALWAYS AS (qty * 2) STORED)");
  Result r = project.retort({"--format", "json", "schema"});
  EXPECT_EXIT_CODE(r, 0);
  const auto doc = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << r.out;
  ASSERT_EQ(doc["tables"].size(), 1u) << r.out;
  EXPECT_EQ(doc["tables"][0]["columns"][2]["generated_storage"], "stored");
}

// ALWAYS and BY DEFAULT both read as autoincrement; the kind retort does not
// write is named, so "no differences" never hides it.
TEST(DiffUnreadPostgresql, IdentityAlwaysVersusByDefaultIsNamedAsNotCompared) {
  Project project("postgresql");
  project.use_shop();
  write_file(project.dir() / "a.sql", "CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n");
  write_file(project.dir() / "b.sql",
             "CREATE TABLE orders (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);\n");
  Result r = project.retort({"diff", "--from", "file:a.sql", "--to", "file:b.sql"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("-- not compared (retort does not read them): autoincrement orders.id: GENERATED "
                               "ALWAYS AS IDENTITY\n"));
}

}  // namespace
}  // namespace it
