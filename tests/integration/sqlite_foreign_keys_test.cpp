// SQLite with foreign keys on (`?foreign_keys=on`) and table rebuilds
// (issue 12), through the built binary on a real file. A rebuild drops the
// old table, and with the keys enforced DROP TABLE first deletes its rows:
// ON DELETE CASCADE would empty the children. So a run's transaction has
// them off, as SQLite documents and Django does, each step ends with a
// foreign key check, and a plan rebuilds away a key to a table before it
// drops that table.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

const std::string parent_and_child =
    "CREATE TABLE p (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  name VARCHAR(20)\n"
    ");\n"
    "CREATE TABLE c (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  p_id INTEGER,\n"
    "  CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE\n"
    ");\n";

class SqliteForeignKeysOn : public ::testing::Test {
 protected:
  Project project{"sqlite"};
  std::string keys_on = project.db().url() + "?foreign_keys=on";

  void SetUp() override {
    fs::create_directories(project.dir() / "migrations");
    project.configure("migrations", "models = models");
  }
  // `models` written as revision aaaa00000001, applied, then `rows` inserted.
  void start(const std::string& models, const std::string& rows) {
    autogenerate(models, "aaaa00000001");
    ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
    project.db().query(rows);
  }
  // A parent p (rows 1, 2) and a child c (rows 10, 20) whose key cascades.
  void start_with_parent_and_child() {
    start(parent_and_child,
          "INSERT INTO p (id, name) VALUES (1, 'one'), (2, 'two'); INSERT INTO c (id, p_id) VALUES (10, 1), (20, 2)");
  }
  void set_models(const std::string& sql) { write_file(project.dir() / "models" / "schema.sql", sql); }
  // Writes revision `id` from head to `models`; returns its text.
  std::string autogenerate(const std::string& models, const std::string& id) {
    set_models(models);
    const Result r = project.retort({"revision", "--autogenerate", "--allow-destructive", "-m", "to models",
                                     "--rev-id", id});
    EXPECT_EQ(r.code, 0) << r.err;
    return read_file(r.out.substr(0, r.out.find('\n')));
  }
  std::string table_sql(const std::string& table) {
    return project.db().query("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'");
  }
  static std::string line_with(const std::string& err, const std::string& text) {
    const auto at = err.find(text);
    if (at == std::string::npos) return "";
    const auto start = err.rfind('\n', at), end = err.find('\n', at);
    return err.substr(start == std::string::npos ? 0 : start + 1, end == std::string::npos ? end : end - start - 1);
  }
};

TEST_F(SqliteForeignKeysOn, ARebuiltParentKeepsItsCascadingChildrensRowsAndLaterStepsAreStillChecked) {
  start_with_parent_and_child();
  std::string with_check = parent_and_child;
  with_check.replace(with_check.find("  name VARCHAR(20)\n"), 18,
                     "  name VARCHAR(20),\n  CONSTRAINT ck_p_name CHECK (length(name) > 0)\n");
  const std::string rebuild = autogenerate(with_check, "aaaa00000002");
  ASSERT_THAT(rebuild, HasSubstr("p__retort_rebuild")) << "a CHECK added on SQLite is a rebuild";
  // A later revision of the same run leaves an orphan row.
  project.add_sql_revision({"aaaa00000003", "aaaa00000002", "INSERT INTO c (id, p_id) VALUES (30, 99);",
                            "DELETE FROM c WHERE id = 30;"});

  const Result r = project.retort({"--url", keys_on, "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_EQ(project.db().query("SELECT id FROM c ORDER BY id"), "10\n20\n") << "the rebuild of p cascaded into c";
  EXPECT_THAT(table_sql("p"), HasSubstr("ck_p_name"));
  const std::string line = line_with(r.err, "foreign key check failed");
  EXPECT_THAT(line, HasSubstr("revision aaaa00000003 upgrade failed"));
  EXPECT_THAT(line, HasSubstr("foreign key check failed after this step: 1 row of c references missing rows of p"));
  EXPECT_EQ(project.versions(), "aaaa00000002");
  EXPECT_EQ(project.history(),
            "aaaa00000001 upgrade applied\naaaa00000002 upgrade applied\naaaa00000003 upgrade failed");

  // Keys off, SQLite's default: the same revision goes through, as SQLite documents.
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.versions(), "aaaa00000003");
}

// The child keeps its rows and drops its key; the parent goes. The key must
// go first (with the child's rebuild), or DROP TABLE p cascades into c.
TEST_F(SqliteForeignKeysOn, AChildsKeyIsRebuiltAwayBeforeItsParentIsDropped) {
  start_with_parent_and_child();
  const std::string child_alone =
      "CREATE TABLE c (\n"
      "  id INTEGER NOT NULL PRIMARY KEY,\n"
      "  p_id INTEGER\n"
      ");\n";
  const std::string text = autogenerate(child_alone, "aaaa00000002");
  const auto rebuild = text.find("c__retort_rebuild"), drop = text.find("DROP TABLE \"p\"");
  ASSERT_NE(rebuild, std::string::npos) << text;
  ASSERT_NE(drop, std::string::npos) << text;
  EXPECT_LT(rebuild, drop) << text;

  const Result r = project.retort({"--url", keys_on, "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.db().query("SELECT id, p_id FROM c ORDER BY id"), "10\t1\n20\t2\n");
  EXPECT_EQ(project.db().tables(), "c\nretort_history\nretort_version\n");
  EXPECT_THAT(table_sql("c"), ::testing::Not(HasSubstr("REFERENCES")));
}

// The same plan as a script (`diff`), run by sqlite3 with foreign keys on
// and no transaction around it: the rebuild's own PRAGMA turns them off,
// but only from the rebuild on, so the order alone keeps c's rows.
TEST_F(SqliteForeignKeysOn, ADiffScriptRunWithForeignKeysOnKeepsTheChildsRows) {
  start_with_parent_and_child();
  set_models(
      "CREATE TABLE c (\n"
      "  id INTEGER NOT NULL PRIMARY KEY,\n"
      "  p_id INTEGER\n"
      ");\n");
  const Result plan = project.retort({"diff", "--to", "models", "--allow-destructive"});
  EXPECT_EXIT_CODE(plan, 6);
  const fs::path script = project.dir() / "plan.sql";
  write_file(script, "PRAGMA foreign_keys = ON;\n" + plan.out);
  const Result applied = project.db().apply_script(script);
  ASSERT_EQ(applied.code, 0) << applied.err;
  EXPECT_EQ(project.db().query("SELECT id, p_id FROM c ORDER BY id"), "10\t1\n20\t2\n") << plan.out;
  EXPECT_EQ(project.db().tables(), "c\nretort_history\nretort_version\n");
}

// A rebuild checks its own table's keys, not the whole database: mid-plan,
// b still names a's old key when a is rebuilt, and a check of b then fails
// with "foreign key mismatch". The whole database is checked once the step
// is done.
TEST_F(SqliteForeignKeysOn, APrimaryKeyThatGrowsAndTheChildKeyNamingItChangeInOneRevision) {
  start("CREATE TABLE a (id INTEGER NOT NULL, x INTEGER NOT NULL, PRIMARY KEY (id));\n"
        "CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER, a_x INTEGER,\n"
        "  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));\n",
        "INSERT INTO a VALUES (1, 5), (2, 6); INSERT INTO b VALUES (10, 1, 5), (20, 2, 6)");
  autogenerate("CREATE TABLE a (id INTEGER NOT NULL, x INTEGER NOT NULL, PRIMARY KEY (id, x));\n"
               "CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER, a_x INTEGER,\n"
               "  CONSTRAINT fk_b_a FOREIGN KEY (a_id, a_x) REFERENCES a (id, x));\n",
               "aaaa00000002");
  const Result r = project.retort({"--url", keys_on, "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "aaaa00000002");
  EXPECT_EQ(project.db().query("SELECT id, a_id, a_x FROM b ORDER BY id"), "10\t1\t5\n20\t2\t6\n");
}

// The same with the parent's name sorting after its child's: the parent is
// still rebuilt first, or the child's own key check meets the old key.
TEST_F(SqliteForeignKeysOn, AParentWhoseNameSortsLastIsRebuiltBeforeItsChild) {
  start("CREATE TABLE z (id INTEGER NOT NULL, x INTEGER NOT NULL, PRIMARY KEY (id));\n"
        "CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, z_id INTEGER, z_x INTEGER,\n"
        "  CONSTRAINT fk_b_z FOREIGN KEY (z_id) REFERENCES z (id));\n",
        "INSERT INTO z VALUES (1, 5), (2, 6); INSERT INTO b VALUES (10, 1, 5), (20, 2, 6)");
  const std::string text =
      autogenerate("CREATE TABLE z (id INTEGER NOT NULL, x INTEGER NOT NULL, PRIMARY KEY (id, x));\n"
                   "CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, z_id INTEGER, z_x INTEGER,\n"
                   "  CONSTRAINT fk_b_z FOREIGN KEY (z_id, z_x) REFERENCES z (id, x));\n",
                   "aaaa00000002");
  EXPECT_LT(text.find("z__retort_rebuild"), text.find("b__retort_rebuild")) << text;
  const Result r = project.retort({"--url", keys_on, "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "aaaa00000002");
  EXPECT_EQ(project.db().query("SELECT id, z_id, z_x FROM b ORDER BY id"), "10\t1\t5\n20\t2\t6\n");
}

}  // namespace
}  // namespace it
