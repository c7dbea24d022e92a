// Issue 15: folders written for Diesel, goose and dbmate, pointed at retort
// without rewriting a file, on every engine through the built binary: each
// upgrades to its last migration and back to nothing, prints its script
// offline, keeps its checksums, and honours its own non-transactional
// marker; goose's StatementBegin ... StatementEnd blocks reach the database
// whole.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// One schema, written three ways: users, posts, an audit table filled by a
// trigger whose body has two statements, and an index on post titles that
// PostgreSQL builds CONCURRENTLY, which it refuses inside a transaction.
struct Schema {
  std::string users_up = "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL);";
  std::string users_down = "DROP TABLE users;";
  std::string posts_up =
      "CREATE TABLE posts (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(200) NOT NULL);\n"
      "CREATE TABLE audit (post_id INTEGER NOT NULL);";
  std::string posts_down = "DROP TABLE audit;\nDROP TABLE posts;";
  std::string trigger_up;    // one statement with semicolons inside (PostgreSQL: the function)
  std::string trigger_next;  // what else the trigger needs, "" for none (PostgreSQL: the trigger)
  std::string trigger_down;
  std::string index_up;
  std::string index_down;
};

Schema schema_for(const std::string& engine) {
  Schema s;
  if (engine == "postgresql") {
    s.trigger_up =
        "CREATE FUNCTION posts_audit() RETURNS trigger AS $$\n"
        "BEGIN\n"
        "  INSERT INTO audit (post_id) VALUES (NEW.id);\n"
        "  INSERT INTO audit (post_id) VALUES (-NEW.id);\n"
        "  RETURN NEW;\n"
        "END;\n"
        "$$ LANGUAGE plpgsql;";
    s.trigger_next = "CREATE TRIGGER posts_audit AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION posts_audit();";
    s.trigger_down = "DROP TRIGGER posts_audit ON posts;\nDROP FUNCTION posts_audit();";
    s.index_up = "CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);";
    s.index_down = "DROP INDEX CONCURRENTLY ix_posts_title;";
  } else if (engine == "mariadb") {
    s.trigger_up =
        "CREATE TRIGGER posts_audit AFTER INSERT ON posts FOR EACH ROW\n"
        "BEGIN\n"
        "  INSERT INTO audit (post_id) VALUES (NEW.id);\n"
        "  INSERT INTO audit (post_id) VALUES (-NEW.id);\n"
        "END;";
    s.trigger_down = "DROP TRIGGER posts_audit;";
    s.index_up = "CREATE INDEX ix_posts_title ON posts (title);";
    s.index_down = "DROP INDEX ix_posts_title ON posts;";
  } else {
    s.trigger_up =
        "CREATE TRIGGER posts_audit AFTER INSERT ON posts\n"
        "BEGIN\n"
        "  INSERT INTO audit (post_id) VALUES (NEW.id);\n"
        "  INSERT INTO audit (post_id) VALUES (-NEW.id);\n"
        "END;";
    s.trigger_down = "DROP TRIGGER posts_audit;";
    s.index_up = "CREATE INDEX ix_posts_title ON posts (title);";
    s.index_down = "DROP INDEX ix_posts_title;";
  }
  return s;
}

void write_diesel(const Project& project, const Schema& s) {
  const fs::path folder = project.dir() / "migrations";
  write_file(folder / "2024-01-01-000001_create_users" / "up.sql", s.users_up + "\n");
  write_file(folder / "2024-01-01-000001_create_users" / "down.sql", s.users_down + "\n");
  write_file(folder / "2024-01-02-000002_create_posts" / "up.sql", s.posts_up + "\n");
  write_file(folder / "2024-01-02-000002_create_posts" / "down.sql", s.posts_down + "\n");
  write_file(folder / "2024-01-03-000003_index_post_titles" / "up.sql", s.index_up + "\n");
  write_file(folder / "2024-01-03-000003_index_post_titles" / "down.sql", s.index_down + "\n");
  write_file(folder / "2024-01-03-000003_index_post_titles" / "metadata.toml", "run_in_transaction = false\n");
}
const std::vector<std::string> diesel_ids = {"20240101000001", "20240102000002", "20240103000003"};

std::string goose_block(const std::string& statement) {
  return "-- +goose StatementBegin\n" + statement + "\n-- +goose StatementEnd\n";
}

void write_goose(const Project& project, const Schema& s, bool no_transaction_marker = true) {
  const fs::path folder = project.dir() / "migrations";
  write_file(folder / "00001_create_users.sql",
             "-- +goose Up\n" + s.users_up + "\n\n-- +goose Down\n" + s.users_down + "\n");
  write_file(folder / "00002_create_posts.sql", "-- +goose Up\n" + s.posts_up + "\n" + goose_block(s.trigger_up) +
                                                    s.trigger_next + "\n\n-- +goose Down\n" +
                                                    goose_block(s.trigger_down) + s.posts_down + "\n");
  write_file(folder / "00003_index_post_titles.sql",
             std::string(no_transaction_marker ? "-- +goose NO TRANSACTION\n" : "") + "-- +goose Up\n" + s.index_up +
                 "\n\n-- +goose Down\n" + s.index_down + "\n");
}
const std::vector<std::string> goose_ids = {"00001", "00002", "00003"};

void write_dbmate(const Project& project, const Schema& s) {
  const fs::path folder = project.dir() / "migrations";
  write_file(folder / "20240101000000_create_users.sql",
             "-- migrate:up\n" + s.users_up + "\n\n-- migrate:down\n" + s.users_down + "\n");
  write_file(folder / "20240102000000_create_posts.sql",
             "-- migrate:up\n" + s.posts_up + "\n\n-- migrate:down\n" + s.posts_down + "\n");
  write_file(folder / "20240103000000_index_post_titles.sql", "-- migrate:up transaction:false\n" + s.index_up +
                                                                  "\n\n-- migrate:down transaction:false\n" +
                                                                  s.index_down + "\n");
}
const std::vector<std::string> dbmate_ids = {"20240101000000", "20240102000000", "20240103000000"};

std::string history_rows(const std::vector<std::string>& ids, const std::string& direction) {
  std::string rows;
  for (const auto& id : ids) rows += (rows.empty() ? "" : "\n") + id + " " + direction + " applied";
  return rows;
}

class FolderLayouts : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  Schema schema = schema_for(GetParam());

  // What every layout must do with the same three migrations.
  void expect_up_check_and_down(const std::vector<std::string>& ids) {
    project.configure("migrations");
    Result up = project.retort({"upgrade", "head"});
    EXPECT_EXIT_CODE(up, 0);
    const std::string tables = project.db().tables();
    for (const char* t : {"users", "posts", "audit", "retort_history", "retort_version"})
      EXPECT_THAT(tables, HasSubstr(t));
    EXPECT_EQ(project.versions(), ids.back());
    EXPECT_EQ(project.history(), history_rows(ids, "upgrade"));
    // The files' checksums are what was recorded, and stay so.
    EXPECT_EXIT_CODE(project.retort({"check"}), 0);
    EXPECT_EXIT_CODE(project.retort({"check"}), 0);
    // The layout's own marker made the index's revision non-transactional.
    Result show = project.retort({"show", ids.back()});
    EXPECT_EXIT_CODE(show, 0);
    EXPECT_THAT(show.out, HasSubstr("Transactional: no"));
    Result first = project.retort({"show", ids.front()});
    EXPECT_THAT(first.out, HasSubstr("Transactional: yes"));

    Result down = project.retort({"downgrade", "base"});
    EXPECT_EXIT_CODE(down, 0);
    EXPECT_EQ(project.db().tables(), own_tables(GetParam()));
    EXPECT_EQ(project.versions(), "");
  }

  void expect_offline_script(const std::vector<std::string>& statements) {
    project.configure("migrations");
    Result script = project.retort({"upgrade", "head", "--sql"});
    EXPECT_EXIT_CODE(script, 0);
    for (const auto& statement : statements) EXPECT_THAT(script.out, HasSubstr(statement));
    EXPECT_EQ(project.db().tables(), "");  // nothing ran
  }
};

TEST_P(FolderLayouts, DieselFolderUpgradesChecksAndDowngradesToBase) {
  write_diesel(project, schema);
  expect_up_check_and_down(diesel_ids);
}

TEST_P(FolderLayouts, DieselFolderHistoryNamesEachMigrationByItsFolder) {
  write_diesel(project, schema);
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result history = project.retort({"history"});
  EXPECT_EXIT_CODE(history, 0);
  EXPECT_THAT(history.out, HasSubstr("<base> -> 20240101000001, create users"));
  EXPECT_THAT(history.out, HasSubstr("20240102000002 -> 20240103000003 (head) (current), index post titles"));
}

TEST_P(FolderLayouts, DieselOfflineScriptPrintsEveryMigration) {
  write_diesel(project, schema);
  expect_offline_script({schema.users_up, "CREATE TABLE posts", schema.index_up});
}

TEST_P(FolderLayouts, GooseFolderUpgradesChecksAndDowngradesToBase) {
  write_goose(project, schema);
  expect_up_check_and_down(goose_ids);
}

// The trigger's two inserts ran as its body: the block reached the engine
// as one statement, semicolons and all.
TEST_P(FolderLayouts, GooseStatementBlockReachesTheDatabaseWhole) {
  write_goose(project, schema);
  project.configure("migrations");
  Result up = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(up, 0);
  project.db().query("INSERT INTO posts (id, author_id, title) VALUES (7, 1, 'hello')");
  EXPECT_EQ(project.db().query("SELECT post_id FROM audit ORDER BY post_id"), "-7\n7\n");
}

TEST_P(FolderLayouts, GooseOfflineScriptPrintsTheBlockAsOneStatement) {
  write_goose(project, schema);
  expect_offline_script({schema.users_up, schema.trigger_up, schema.index_up});
}

TEST_P(FolderLayouts, DbmateFolderUpgradesChecksAndDowngradesToBase) {
  write_dbmate(project, schema);
  expect_up_check_and_down(dbmate_ids);
}

TEST_P(FolderLayouts, DbmateOfflineScriptPrintsEveryMigration) {
  write_dbmate(project, schema);
  expect_offline_script({schema.users_up, "CREATE TABLE audit", schema.index_up});
}

// The three markers are what lets PostgreSQL build the index concurrently:
// without goose's NO TRANSACTION the same file runs in a transaction, as
// goose itself would run it, and fails.
TEST(FolderLayoutsPostgresql, WithoutTheGooseMarkerAConcurrentIndexFailsInItsTransaction) {
  Project project("postgresql");
  write_goose(project, schema_for("postgresql"), false);
  project.configure("migrations");
  Result up = project.retort({"upgrade", "head"});
  EXPECT_NE(up.code, 0);
  EXPECT_THAT(up.err, HasSubstr("CREATE INDEX CONCURRENTLY cannot run inside a transaction block"));
  EXPECT_EQ(project.versions(), "00002");
}

TEST(FolderLayoutsPostgresql, EveryLayoutsMarkerBuildsTheIndexConcurrently) {
  for (auto write : {&write_diesel, &write_dbmate}) {
    Project project("postgresql");
    write(project, schema_for("postgresql"));
    project.configure("migrations");
    EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
    EXPECT_EQ(project.db().query("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_posts_title'"),
              "ix_posts_title\n");
  }
  Project project("postgresql");
  write_goose(project, schema_for("postgresql"));
  project.configure("migrations");
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  EXPECT_EQ(project.db().query("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_posts_title'"),
            "ix_posts_title\n");
}

TEST(FolderLayoutsMixed, GooseAndDbmateFilesInOneFolderAreRefusedInOneLine) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "00001_a.sql", "-- +goose Up\nSELECT 1;\n");
  write_file(project.dir() / "migrations" / "00002_b.sql", "-- migrate:up\nSELECT 2;\n");
  project.configure("migrations");
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("00001_a.sql is a goose migration and "));
  EXPECT_THAT(r.err, HasSubstr("00002_b.sql a dbmate one"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("0000")));
}

INSTANTIATE_TEST_SUITE_P(Engines, FolderLayouts, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
