// `retort adopt` (issue 15): a database another tool manages, its table
// built exactly as that tool builds it on each engine (DDL written from each
// tool's documentation), taken over through the built binary: the versions
// that tool applied are stamped, the next upgrade runs only the rest, and
// the other tool's table is left as it was. Every refusal changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string users_up = "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL);";
const std::string posts_up = "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);";
const std::string index_up = "CREATE INDEX ix_posts_title ON posts (title);";

// A tool's database after it applied the first two of three migrations.
struct ToolCase {
  std::string from;                            ///< --from
  std::string table;                           ///< its bookkeeping table
  std::function<void(const Project&)> folder;  ///< writes ./migrations as the tool reads it
  std::vector<std::string> ids;                ///< the three revisions' ids in retort
  std::string create;                          ///< the tool's DDL, this engine's
  std::string applied_two;                     ///< its rows after the first two
  std::string snapshot;                        ///< SELECT of every row, ordered
};

std::string ddl(const std::string& engine, const std::string& sqlite, const std::string& postgresql,
                const std::string& mariadb) {
  return engine == "sqlite" ? sqlite : engine == "postgresql" ? postgresql : mariadb;
}

ToolCase golang_migrate(const std::string& engine) {
  return {"golang-migrate", "schema_migrations",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            write_file(f / "000001_create_users.up.sql", users_up + "\n");
            write_file(f / "000001_create_users.down.sql", "DROP TABLE users;\n");
            write_file(f / "000002_create_posts.up.sql", posts_up + "\n");
            write_file(f / "000002_create_posts.down.sql", "DROP TABLE posts;\n");
            write_file(f / "000003_index_titles.up.sql", index_up + "\n");
            write_file(f / "000003_index_titles.down.sql", "DROP INDEX ix_posts_title;\n");
          },
          {"000001", "000002", "000003"},
          ddl(engine,
              "CREATE TABLE schema_migrations (version uint64, dirty bool);"
              "CREATE UNIQUE INDEX version_unique ON schema_migrations (version);",
              "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null);",
              "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null);"),
          "INSERT INTO schema_migrations (version, dirty) VALUES (2, FALSE);",
          "SELECT version, dirty FROM schema_migrations"};
}

ToolCase goose(const std::string& engine) {
  return {"goose", "goose_db_version",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            write_file(f / "00001_create_users.sql", "-- +goose Up\n" + users_up + "\n-- +goose Down\nDROP TABLE users;\n");
            write_file(f / "00002_create_posts.sql", "-- +goose Up\n" + posts_up + "\n-- +goose Down\nDROP TABLE posts;\n");
            write_file(f / "00003_index_titles.sql", "-- +goose Up\n" + index_up + "\n");
          },
          {"00001", "00002", "00003"},
          ddl(engine,
              "CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL, "
              "is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')));",
              "CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT "
              "NULL, tstamp timestamp NULL default now(), PRIMARY KEY(id));",
              "CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT "
              "NULL, tstamp timestamp NULL default now(), PRIMARY KEY(id));"),
          // goose's own first row, then both applied; 3 applied and rolled back by goose down.
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, TRUE);"
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, TRUE);"
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, TRUE);"
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, TRUE);"
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, FALSE);",
          "SELECT id, version_id, is_applied FROM goose_db_version ORDER BY id"};
}

std::string flyway_table(const std::string& engine) {
  const std::string head =
      "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL, version VARCHAR(50), description "
      "VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, installed_by "
      "VARCHAR(100) NOT NULL, ";
  const std::string tail =
      "execution_time INT NOT NULL, success BOOLEAN NOT NULL, CONSTRAINT flyway_schema_history_pk PRIMARY KEY "
      "(installed_rank));";
  return head +
         ddl(engine, "installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')), ",
             "installed_on TIMESTAMP NOT NULL DEFAULT now(), ",
             "installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, ") +
         tail;
}

std::string flyway_row(int rank, const std::string& version, const std::string& type, const std::string& script,
                       bool success) {
  return "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
         "installed_by, execution_time, success) VALUES (" +
         std::to_string(rank) + ", " + (version.empty() ? "NULL" : "'" + version + "'") + ", 'd', '" + type +
         "', '" + script + "', 12345, 'deploy', 7, " + (success ? "TRUE" : "FALSE") + ");";
}

ToolCase flyway(const std::string& engine) {
  return {"flyway", "flyway_schema_history",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            write_file(f / "V1__create_users.sql", users_up + "\n");
            write_file(f / "V1.1__create_posts.sql", posts_up + "\n");
            write_file(f / "V2__index_titles.sql", index_up + "\n");
          },
          {"V1", "V1_1", "V2"},
          flyway_table(engine),
          flyway_row(1, "1", "SQL", "V1__create_users.sql", true) +
              flyway_row(2, "1.1", "SQL", "V1.1__create_posts.sql", true),
          "SELECT installed_rank, version, type, success FROM flyway_schema_history ORDER BY installed_rank"};
}

ToolCase dbmate(const std::string&) {
  return {"dbmate", "schema_migrations",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            write_file(f / "20240101000000_create_users.sql", "-- migrate:up\n" + users_up + "\n-- migrate:down\nDROP TABLE users;\n");
            write_file(f / "20240102000000_create_posts.sql", "-- migrate:up\n" + posts_up + "\n-- migrate:down\nDROP TABLE posts;\n");
            write_file(f / "20240103000000_index_titles.sql", "-- migrate:up\n" + index_up + "\n");
          },
          {"20240101000000", "20240102000000", "20240103000000"},
          "CREATE TABLE schema_migrations (version varchar(128) NOT NULL PRIMARY KEY);",
          "INSERT INTO schema_migrations (version) VALUES ('20240101000000');"
          "INSERT INTO schema_migrations (version) VALUES ('20240102000000');",
          "SELECT version FROM schema_migrations ORDER BY version"};
}

ToolCase diesel(const std::string&) {
  return {"diesel", "__diesel_schema_migrations",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            write_file(f / "2024-01-01-000001_create_users" / "up.sql", users_up + "\n");
            write_file(f / "2024-01-01-000001_create_users" / "down.sql", "DROP TABLE users;\n");
            write_file(f / "2024-01-02-000002_create_posts" / "up.sql", posts_up + "\n");
            write_file(f / "2024-01-02-000002_create_posts" / "down.sql", "DROP TABLE posts;\n");
            write_file(f / "2024-01-03-000003_index_titles" / "up.sql", index_up + "\n");
            write_file(f / "2024-01-03-000003_index_titles" / "down.sql", "DROP INDEX ix_posts_title;\n");
          },
          {"20240101000001", "20240102000002", "20240103000003"},
          "CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT "
          "NULL DEFAULT CURRENT_TIMESTAMP);",
          "INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101000001');"
          "INSERT INTO __diesel_schema_migrations (version) VALUES ('20240102000002');",
          "SELECT version FROM __diesel_schema_migrations ORDER BY version"};
}

ToolCase alembic(const std::string&) {
  return {"alembic", "alembic_version",
          [](const Project& p) {
            const fs::path f = p.dir() / "migrations";
            auto revision = [&](const std::string& id, const std::string& down, const std::string& up) {
              write_file(f / (id + ".sql"), "-- retort:revision " + id + "\n" +
                                                (down.empty() ? "" : "-- retort:down_revision " + down + "\n") +
                                                "-- retort:upgrade\n" + up + "\n");
            };
            revision("1975ea83b712", "", users_up);
            revision("ae1027a6acf4", "1975ea83b712", posts_up);
            revision("27c6a30d7c24", "ae1027a6acf4", index_up);
          },
          {"1975ea83b712", "ae1027a6acf4", "27c6a30d7c24"},
          "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY "
          "KEY (version_num));",
          "INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf4');",
          "SELECT version_num FROM alembic_version"};
}

using ToolOf = ToolCase (*)(const std::string&);
const std::vector<ToolOf> every_tool = {alembic, golang_migrate, goose, flyway, dbmate, diesel};

// The database as `tool` left it after its first two migrations.
void managed_by(Project& project, const ToolCase& tool) {
  tool.folder(project);
  project.configure("migrations");
  project.db().query(users_up + posts_up);
  project.db().query(tool.create);
  project.db().query(tool.applied_two);
}

class Adopt : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  void managed_by(const ToolCase& tool) { it::managed_by(project, tool); }
  bool retort_tables_exist() { return project.db().tables().find("retort_version") != std::string::npos; }
};

TEST_P(Adopt, EachToolsDatabaseIsTakenOverWhereItStopped) {
  for (ToolOf make : every_tool) {
    Project project(GetParam());  // a database of its own
    const ToolCase tool = make(GetParam());
    SCOPED_TRACE(tool.from);
    it::managed_by(project, tool);
    const std::string before = project.db().query(tool.snapshot);

    // upgrade and current point at adopt before anything is taken over.
    const Result current = project.retort({"current"});
    EXPECT_EXIT_CODE(current, 0);
    EXPECT_THAT(current.err, HasSubstr(tool.table + " table but no retort_version"));
    EXPECT_THAT(current.err, HasSubstr("run 'retort adopt' first"));

    const Result adopted = project.retort({"adopt"});  // detected from the table
    EXPECT_EXIT_CODE(adopted, 0);
    EXPECT_THAT(adopted.out, HasSubstr("2 revisions applied, at " + tool.ids[1]));
    EXPECT_EQ(project.versions(), tool.ids[1]);
    EXPECT_EQ(project.history(), tool.ids[0] + " stamp applied\n" + tool.ids[1] + " stamp applied");
    EXPECT_THAT(project.db().query("SELECT error_message FROM retort_history"), HasSubstr("adopted from " + tool.table));
    EXPECT_EQ(project.db().query(tool.snapshot), before);  // left as it was

    const Result up = project.retort({"upgrade", "head"});
    EXPECT_EXIT_CODE(up, 0);
    EXPECT_THAT(up.err, Not(HasSubstr("retort adopt")));
    EXPECT_EQ(project.versions(), tool.ids[2]);
    EXPECT_EXIT_CODE(project.retort({"check", "--no-drift"}), 0);
    EXPECT_EQ(project.db().query(tool.snapshot), before);
  }
}

TEST_P(Adopt, FromNamesTheToolAndJsonSaysWhatWasStamped) {
  const ToolCase tool = goose(GetParam());
  managed_by(tool);
  const Result r = project.retort({"--format", "json", "adopt", "--from", "goose"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr(R"("tool": "goose")"));
  EXPECT_THAT(r.out, HasSubstr(R"("heads": [
    "00002"
  ])"));
}

TEST_P(Adopt, AnAdoptedDatabaseIsNotAdoptedTwice) {
  managed_by(dbmate(GetParam()));
  ASSERT_EQ(project.retort({"adopt"}).code, 0);
  const std::string history = project.history();
  const Result again = project.retort({"adopt"});
  EXPECT_EXIT_CODE(again, 2);
  EXPECT_THAT(again.err, HasSubstr("is already retort's: retort_version holds 20240102000000"));
  EXPECT_EQ(project.history(), history);
}

TEST_P(Adopt, GolangMigratesDirtyFlagIsRefusedChangingNothing) {
  const ToolCase tool = golang_migrate(GetParam());
  managed_by(tool);
  project.db().query("UPDATE schema_migrations SET dirty = TRUE");
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("version 2 is dirty"));
  EXPECT_THAT(r.err, HasSubstr("migrate force"));
  EXPECT_FALSE(retort_tables_exist());
}

TEST_P(Adopt, AFailedFlywayRowIsRefusedChangingNothing) {
  const ToolCase tool = flyway(GetParam());
  managed_by(tool);
  project.db().query(flyway_row(3, "2", "SQL", "V2__index_titles.sql", false));
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("failed migration (2, V2__index_titles.sql)"));
  EXPECT_FALSE(retort_tables_exist());
}

TEST_P(Adopt, FlywayBaselineAndUndoCountAsFlywayCountsThem) {
  const ToolCase tool = flyway(GetParam());
  tool.folder(project);
  project.configure("migrations");
  project.db().query(users_up + posts_up);
  project.db().query(tool.create);
  // Baselined at 1 on an existing database, then 1.1 and 2 run, then 2 undone.
  project.db().query(flyway_row(1, "1", "BASELINE", "<< Flyway Baseline >>", true) +
                     flyway_row(2, "1.1", "SQL", "V1.1__create_posts.sql", true) +
                     flyway_row(3, "2", "SQL", "V2__index_titles.sql", true) +
                     flyway_row(4, "2", "UNDO_SQL", "U2__index_titles.sql", true));
  EXPECT_EXIT_CODE(project.retort({"adopt"}), 0);
  EXPECT_EQ(project.versions(), "V1_1");
}

TEST_P(Adopt, VersionsTheFolderLacksAreRefusedNamingThem) {
  const ToolCase tool = diesel(GetParam());
  managed_by(tool);
  project.db().query("INSERT INTO __diesel_schema_migrations (version) VALUES ('20250101000000')");
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("__diesel_schema_migrations records version 20250101000000 as applied"));
  EXPECT_FALSE(retort_tables_exist());
}

TEST_P(Adopt, AGooseGapIsRefused) {
  const ToolCase tool = goose(GetParam());
  managed_by(tool);
  // goose up --allow-missing applied 3, then 2 was rolled back by hand.
  project.db().query("INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, TRUE);"
                     "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, FALSE);");
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("records 00003 as applied but not 00002"));
  EXPECT_FALSE(retort_tables_exist());
}

TEST_P(Adopt, NoToolsTableOrTwoOfThemIsAUsageError) {
  goose(GetParam()).folder(project);
  project.configure("migrations");
  const Result none = project.retort({"adopt"});
  EXPECT_EXIT_CODE(none, 2);
  EXPECT_THAT(none.err, HasSubstr("has no other tool's table (looked for alembic_version, schema_migrations"));
  EXPECT_THAT(none.err, Not(HasSubstr("rt-test-pw")));

  project.db().query(goose(GetParam()).create);
  project.db().query(flyway(GetParam()).create);
  const Result two = project.retort({"adopt"});
  EXPECT_EXIT_CODE(two, 2);
  EXPECT_THAT(two.err, HasSubstr("has both goose_db_version (goose) and flyway_schema_history (Flyway)"));

  const Result wrong = project.retort({"adopt", "--from", "diesel"});
  EXPECT_EXIT_CODE(wrong, 2);
  EXPECT_THAT(wrong.err, HasSubstr("has no __diesel_schema_migrations table"));
  const Result unknown = project.retort({"adopt", "--from", "liquibase"});
  EXPECT_EXIT_CODE(unknown, 2);
  EXPECT_THAT(unknown.err, HasSubstr("not a tool retort adopts from (alembic, golang-migrate, goose"));
  EXPECT_FALSE(retort_tables_exist());
}

TEST_P(Adopt, DbmatesTableIsNotTakenForGolangMigrates) {
  managed_by(dbmate(GetParam()));
  const Result r = project.retort({"adopt", "--from", "golang-migrate"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("its columns are another tool's"));
}

// Alembic users who kept alembic_version as retort's own table have nothing
// to adopt.
TEST_P(Adopt, TheToolsTableAsRetortsOwnIsRefused) {
  const ToolCase tool = alembic(GetParam());
  tool.folder(project);
  project.configure("migrations", "version_table = alembic_version");
  project.db().query(tool.create);
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("version_table is alembic_version, Alembic's own table"));
  EXPECT_EQ(project.db().query("SELECT count(*) FROM alembic_version"), "0\n");
}

TEST_P(Adopt, NothingAppliedStartsFromBase) {
  const ToolCase tool = goose(GetParam());
  tool.folder(project);
  project.configure("migrations");
  project.db().query(tool.create);
  project.db().query("INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, TRUE)");
  const Result r = project.retort({"adopt"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("nothing was applied, retort starts from base"));
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.versions(), "00003");
}

INSTANTIATE_TEST_SUITE_P(Engines, Adopt, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
