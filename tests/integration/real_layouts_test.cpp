// Migration folders as projects already have them, pointed at retort without
// rewriting a file: a small blog schema in golang-migrate's layout and in
// Flyway's, with the habits real files have (their own BEGIN ... COMMIT,
// semicolons in comments and strings, trigger bodies, a backfill), and a
// database Alembic used to manage. Every engine, through the built binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// What differs between the engines in hand-written SQL: how an id is made,
// which spellings of BEGIN/COMMIT the engine accepts, and procedural code.
struct Flavour {
  std::string id_column;      // an auto-incrementing integer primary key named id
  std::string begin, commit;  // one way to wrap a script in a transaction
  std::string begin_alt, commit_alt;
  std::string drop_slug_index;
  std::string add_touch_trigger, drop_touch_trigger;
};

Flavour flavour_of(const std::string& engine) {
  if (engine == "sqlite")
    return {"id INTEGER PRIMARY KEY AUTOINCREMENT",
            "BEGIN TRANSACTION;",
            "COMMIT;",
            "BEGIN;",
            "END TRANSACTION;",
            "DROP INDEX ix_posts_slug;",
            "CREATE TRIGGER posts_touch AFTER UPDATE OF title, body ON posts\n"
            "BEGIN\n"
            "  -- keep updated_at honest; the trigger's own statements end in ';'\n"
            "  UPDATE posts SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;\n"
            "END;",
            "DROP TRIGGER posts_touch;"};
  if (engine == "postgresql")
    return {"id SERIAL PRIMARY KEY",
            "BEGIN;",
            "COMMIT;",
            "START TRANSACTION;",
            "END;",
            "DROP INDEX ix_posts_slug;",
            "CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$\n"
            "BEGIN\n"
            "  NEW.updated_at := now();  -- a body with its own ';' and BEGIN ... END\n"
            "  RETURN NEW;\n"
            "END;\n"
            "$$ LANGUAGE plpgsql;\n"
            "\n"
            "CREATE TRIGGER posts_touch BEFORE UPDATE ON posts\n"
            "  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();",
            "DROP TRIGGER posts_touch ON posts;\nDROP FUNCTION touch_updated_at();"};
  // MariaDB: a one-statement trigger body, because a BEGIN ... END body needs
  // DELIMITER lines to survive the mariadb client in the offline test.
  return {"id INT AUTO_INCREMENT PRIMARY KEY",
          "START TRANSACTION;",
          "COMMIT;",
          "BEGIN;",
          "COMMIT WORK;",
          "DROP INDEX ix_posts_slug ON posts;",
          "CREATE TRIGGER posts_touch BEFORE UPDATE ON posts\n"
          "  FOR EACH ROW SET NEW.updated_at = CURRENT_TIMESTAMP;",
          "DROP TRIGGER posts_touch;"};
}

// One migration of the blog, in both layouts' terms.
struct Migration {
  std::string golang_version;  // "000001"
  std::string flyway_version;  // "1.1"
  std::string title;           // "create_users"
  std::string up;
  std::string down;  // "": none (golang-migrate: a lone .up.sql)
};

// The blog, oldest first. Flyway versions are picked so that file-name order
// and numeric order disagree (2.9 < 2.10 < 10), as they do in real projects.
std::vector<Migration> blog(const std::string& engine) {
  const Flavour f = flavour_of(engine);
  return {
      {"000001", "1", "create_users",
       "-- Users sign in by email; display names are public.\n" + f.begin + "\n" +
           "CREATE TABLE users (\n"
           "  " + f.id_column + ",\n"
           "  email VARCHAR(255) NOT NULL UNIQUE,\n"
           "  display_name VARCHAR(100) NOT NULL,\n"
           "  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
           ");\n" + f.commit + "\n",
       "DROP TABLE users;\n"},
      {"000002", "1.1", "create_posts",
       "CREATE TABLE posts (\n"
       "  " + f.id_column + ",\n"
       "  author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
       "  title VARCHAR(200) NOT NULL,\n"
       "  body TEXT NOT NULL,\n"
       "  published BOOLEAN NOT NULL DEFAULT FALSE,\n"
       "  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
       ");\n"
       "\n"
       "/* Listing an author's posts is the front page's query; index it. */\n"
       "CREATE INDEX ix_posts_author ON posts (author_id);\n",
       "DROP TABLE posts;\n"},
      {"000003", "1.2", "create_comments",
       f.begin_alt + "\n" +
           "-- Comments belong to a post; deleting the post deletes them; so does deleting the user.\n"
           "CREATE TABLE comments (\n"
           "  " + f.id_column + ",\n"
           "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
           "  author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
           "  body TEXT NOT NULL,\n"
           "  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
           ");\n"
           "CREATE INDEX ix_comments_post ON comments (post_id);\n" + f.commit_alt + "\n",
       f.begin_alt + "\nDROP TABLE comments;\n" + f.commit_alt + "\n"},
      {"000004", "2", "create_tags",
       "CREATE TABLE tags (\n"
       "  " + f.id_column + ",\n"
       "  name VARCHAR(50) NOT NULL UNIQUE\n"
       ");\n"
       "CREATE TABLE post_tags (\n"
       "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
       "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,\n"
       "  PRIMARY KEY (post_id, tag_id)\n"
       ");\n",
       "DROP TABLE post_tags;\nDROP TABLE tags;\n"},
      {"000005", "2.1", "seed_welcome_post",
       f.begin + "\n" +
           "INSERT INTO users (email, display_name) VALUES ('editor@example.com', 'The Editor; Chief');\n"
           "INSERT INTO posts (author_id, title, body, published)\n"
           "  SELECT id, 'Welcome to the blog',\n"
           "         'It''s live; say \"hello\" below. -- not a comment /* nor this */', TRUE\n"
           "  FROM users WHERE email = 'editor@example.com';\n"
           "INSERT INTO tags (name) VALUES ('news');\n" + f.commit + "\n",
       "DELETE FROM tags WHERE name = 'news';\n"
       "DELETE FROM users WHERE email = 'editor@example.com';\n"},
      {"000006", "2.9", "add_post_slug",
       "ALTER TABLE posts ADD COLUMN slug VARCHAR(220);\n"
       "\n"
       "-- Backfill before the unique index; titles are unique so far.\n"
       "UPDATE posts SET slug = LOWER(REPLACE(title, ' ', '-')) WHERE slug IS NULL;\n"
       "CREATE UNIQUE INDEX ix_posts_slug ON posts (slug);\n",
       f.drop_slug_index + "\nALTER TABLE posts DROP COLUMN slug;\n"},
      {"000007", "2.10", "add_updated_at_trigger",
       f.begin + "\n" + "ALTER TABLE posts ADD COLUMN updated_at TIMESTAMP NULL;\n" + f.add_touch_trigger + "\n" +
           f.commit + "\n",
       f.drop_touch_trigger + "\nALTER TABLE posts DROP COLUMN updated_at;\n"},
      {"000008", "10", "add_user_bio", "ALTER TABLE users ADD COLUMN bio TEXT;\n", ""},
  };
}

std::vector<std::string> golang_ids() {
  return {"000001", "000002", "000003", "000004", "000005", "000006", "000007", "000008"};
}
std::vector<std::string> flyway_ids() { return {"V1", "V1_1", "V1_2", "V2", "V2_1", "V2_9", "V2_10", "V10"}; }

void write_golang_migrate(const Project& project, const std::vector<Migration>& migrations) {
  for (const auto& m : migrations) {
    const fs::path base = project.dir() / "migrations" / (m.golang_version + "_" + m.title);
    write_file(base.string() + ".up.sql", m.up);
    if (!m.down.empty()) write_file(base.string() + ".down.sql", m.down);
  }
}

// Flyway undo files are optional; the last migration gets one too, so a
// downgrade can start from the head.
void write_flyway(const Project& project, const std::vector<Migration>& migrations) {
  for (const auto& m : migrations) {
    const fs::path folder = project.dir() / "migrations";
    write_file(folder / ("V" + m.flyway_version + "__" + m.title + ".sql"), m.up);
    const std::string undo = m.down.empty() ? "ALTER TABLE users DROP COLUMN bio;\n" : m.down;
    write_file(folder / ("U" + m.flyway_version + "__" + m.title + ".sql"), undo);
  }
}

// The history's revision ids, newest first, from `retort history`'s lines
// ("PARENT -> ID ..."; "<base> -> ID ..." for the root).
std::vector<std::string> history_ids(const std::string& history) {
  std::vector<std::string> ids;
  std::istringstream lines(history);
  for (std::string line; std::getline(lines, line);) {
    const auto arrow = line.find(" -> ");
    if (arrow == std::string::npos) continue;
    const std::string rest = line.substr(arrow + 4);
    ids.push_back(rest.substr(0, rest.find_first_of(" ,")));
  }
  return ids;
}

std::vector<std::string> reversed(std::vector<std::string> v) { return {v.rbegin(), v.rend()}; }

std::string history_rows(const std::vector<std::string>& ids, const std::string& direction) {
  std::string rows;
  for (const auto& id : ids) rows += (rows.empty() ? "" : "\n") + id + " " + direction + " applied";
  return rows;
}

class RealLayouts : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};

  // What the blog's data looks like once every migration ran.
  void expect_blog_at_head() {
    const std::string tables = project.db().tables();
    for (const char* t : {"users", "posts", "comments", "tags", "post_tags", "retort_version", "retort_history"})
      EXPECT_THAT(tables, HasSubstr(t));
    const std::string columns = project.db().columns();
    EXPECT_THAT(columns, HasSubstr("posts.slug"));
    EXPECT_THAT(columns, HasSubstr("posts.updated_at"));
    EXPECT_THAT(columns, HasSubstr("users.bio"));
    // Quotes and semicolons inside literals reached the database intact, and
    // the backfill ran after the seed.
    EXPECT_EQ(project.db().query("SELECT display_name FROM users"), "The Editor; Chief\n");
    EXPECT_EQ(project.db().query("SELECT body FROM posts"),
              "It's live; say \"hello\" below. -- not a comment /* nor this */\n");
    EXPECT_EQ(project.db().query("SELECT slug FROM posts"), "welcome-to-the-blog\n");
  }
};

TEST_P(RealLayouts, GolangMigrateFolderUpgradesToItsLastVersion) {
  write_golang_migrate(project, blog(GetParam()));
  project.configure("migrations");
  Result r = project.retort({"--log-level", "debug", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  expect_blog_at_head();
  EXPECT_EQ(project.versions(), "000008");
  EXPECT_EQ(project.history(), history_rows(golang_ids(), "upgrade"));
  // The scripts with their own BEGIN ... COMMIT (every spelling the engine
  // knows, around trigger bodies too) ran inside retort's transaction.
  for (const char* wrapped : {"000001", "000003", "000005", "000007"})
    EXPECT_THAT(r.err, HasSubstr("are dropped; it runs in retort's transaction revision=" + std::string(wrapped)));
  EXPECT_THAT(r.err, Not(HasSubstr("transaction revision=000002")));

  Result current = project.retort({"current"});
  EXPECT_EXIT_CODE(current, 0);
  EXPECT_THAT(current.out, StartsWith("000008"));
  // What ran is what the files say: the checksums match them.
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
}

TEST_P(RealLayouts, GolangMigrateHistoryListsEveryVersionWithItsTitle) {
  write_golang_migrate(project, blog(GetParam()));
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result history = project.retort({"history"});
  EXPECT_EXIT_CODE(history, 0);
  EXPECT_EQ(history_ids(history.out), reversed(golang_ids()));
  EXPECT_THAT(history.out, HasSubstr("<base> -> 000001, create users"));
  EXPECT_THAT(history.out, HasSubstr("000007 -> 000008 (head) (current), add user bio"));
  // Every line is marked applied.
  std::istringstream lines(history.out);
  for (std::string line; std::getline(lines, line);) EXPECT_THAT(line, HasSubstr("[applied")) << line;
}

TEST_P(RealLayouts, GolangMigrateDowngradeBaseLeavesOnlyRetortsTables) {
  write_golang_migrate(project, blog(GetParam()));
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result down = project.retort({"downgrade", "base"});
  EXPECT_EXIT_CODE(down, 0);
  EXPECT_EQ(project.db().tables(), own_tables(GetParam()));
  EXPECT_EQ(project.versions(), "");
  EXPECT_THAT(project.history(), HasSubstr(history_rows(reversed(golang_ids()), "downgrade")));
  // And back up again from nothing: the downs really undid the ups.
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
  expect_blog_at_head();
}

TEST_P(RealLayouts, GolangMigrateOfflineScriptGivesTheSameSchemaAsTheOnlineRun) {
  write_golang_migrate(project, blog(GetParam()));
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result script = project.retort({"upgrade", "head", "--sql", "--output", "blog.sql"});
  EXPECT_EXIT_CODE(script, 0);
  auto offline = project.db().sibling();
  Result applied = offline->apply_script(project.dir() / "blog.sql");
  ASSERT_EQ(applied.code, 0) << applied.err << "\n" << read_file(project.dir() / "blog.sql");
  EXPECT_EQ(offline->tables(), without_lock_table(project.db().tables()));
  EXPECT_EQ(offline->columns(), without_lock_table(project.db().columns()));
  EXPECT_EQ(offline->query("SELECT version_num FROM retort_version"), "000008\n");
  EXPECT_EQ(offline->query("SELECT slug FROM posts"), "welcome-to-the-blog\n");
}

TEST_P(RealLayouts, FlywayFolderUpgradesInNumericVersionOrder) {
  write_flyway(project, blog(GetParam()));
  project.configure("migrations");
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  expect_blog_at_head();
  EXPECT_EQ(project.versions(), "V10");
  EXPECT_EQ(project.history(), history_rows(flyway_ids(), "upgrade"));
  Result current = project.retort({"current"});
  EXPECT_EXIT_CODE(current, 0);
  EXPECT_THAT(current.out, StartsWith("V10"));
  Result history = project.retort({"history"});
  EXPECT_EQ(history_ids(history.out), reversed(flyway_ids()));
  EXPECT_THAT(history.out, HasSubstr("V2_9 -> V2_10, add updated at trigger"));
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
}

TEST_P(RealLayouts, FlywayUndoFilesDowngrade) {
  write_flyway(project, blog(GetParam()));
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result down = project.retort({"downgrade", "V2_1"});
  EXPECT_EXIT_CODE(down, 0);
  EXPECT_EQ(project.versions(), "V2_1");
  const std::string columns = project.db().columns();
  EXPECT_THAT(columns, Not(HasSubstr("users.bio")));
  EXPECT_THAT(columns, Not(HasSubstr("posts.updated_at")));
  EXPECT_THAT(columns, Not(HasSubstr("posts.slug")));
  EXPECT_EQ(project.db().query("SELECT title FROM posts"), "Welcome to the blog\n");
}

TEST_P(RealLayouts, FlywayOfflineScriptGivesTheSameSchemaAsTheOnlineRun) {
  write_flyway(project, blog(GetParam()));
  project.configure("migrations");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result script = project.retort({"upgrade", "head", "--sql", "--output", "blog.sql"});
  EXPECT_EXIT_CODE(script, 0);
  auto offline = project.db().sibling();
  Result applied = offline->apply_script(project.dir() / "blog.sql");
  ASSERT_EQ(applied.code, 0) << applied.err << "\n" << read_file(project.dir() / "blog.sql");
  EXPECT_EQ(offline->tables(), without_lock_table(project.db().tables()));
  EXPECT_EQ(offline->columns(), without_lock_table(project.db().columns()));
  EXPECT_EQ(offline->query("SELECT version_num FROM retort_version"), "V10\n");
}

// An Alembic project's revisions rewritten as retort files keep their ids, so
// the database's alembic_version row still names one of them.
const std::vector<SqlRevision> alembic_revisions = {
    {"1975ea83b712", "", "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);",
     "DROP TABLE account;"},
    {"ae1027a6acf4", "1975ea83b712", "ALTER TABLE account ADD COLUMN last_login TIMESTAMP NULL;",
     "ALTER TABLE account DROP COLUMN last_login;"},
    {"27c6a30d7c24", "ae1027a6acf4",
     "CREATE TABLE audit (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id),\n"
     "                    note VARCHAR(200) NOT NULL);\n"
     "INSERT INTO audit (id, account_id, note) SELECT id, id, 'adopted; from Alembic' FROM account;",
     "DROP TABLE audit;"},
};

// Forgetting `version_table = alembic_version` must not go unexplained.
TEST_P(RealLayouts, AlembicTableWithoutTheSettingIsPointedOut) {
  project.db().query("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
  project.db().query("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)");
  project.db().query("INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712')");
  project.use_sql_revisions(alembic_revisions);
  Result up = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(up, 1);  // it started from base, and account exists
  EXPECT_THAT(up.err, HasSubstr("this database has Alembic's alembic_version table but no retort_version"));
  EXPECT_THAT(up.err, HasSubstr("run 'retort adopt' first (or set version_table = alembic_version)"));
  // Once retort's own table exists, the hint is not repeated.
  Result again = project.retort({"upgrade", "head"});
  EXPECT_THAT(again.err, Not(HasSubstr("alembic_version table")));
}

TEST_P(RealLayouts, DatabaseAlembicManagedIsAdoptedAndUpgraded) {
  // The state Alembic left after its first two revisions, made by hand.
  project.db().query(
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
      "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
  project.db().query("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)");
  project.db().query("ALTER TABLE account ADD COLUMN last_login TIMESTAMP NULL");
  project.db().query("INSERT INTO account (id, name) VALUES (7, 'ada')");
  project.db().query("INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf4')");
  project.use_sql_revisions(alembic_revisions, "version_table = alembic_version");

  Result current = project.retort({"current"});
  EXPECT_EXIT_CODE(current, 0);
  EXPECT_THAT(current.out, StartsWith("ae1027a6acf4"));

  Result up = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(up, 0);
  EXPECT_THAT(up.err, Not(HasSubstr("1975ea83b712")));  // nothing before the adopted revision ran again
  EXPECT_EQ(project.db().query("SELECT version_num FROM alembic_version"), "27c6a30d7c24\n");
  EXPECT_EQ(project.db().query("SELECT account_id, note FROM audit"), "7\tadopted; from Alembic\n");
  const std::string tables = project.db().tables();
  EXPECT_THAT(tables, HasSubstr("retort_history"));
  EXPECT_THAT(tables, Not(HasSubstr("retort_version")));
  EXPECT_EQ(project.history(), "27c6a30d7c24 upgrade applied");
  Result after = project.retort({"current"});
  EXPECT_THAT(after.out, StartsWith("27c6a30d7c24"));
}

// Flyway runs a migration holding CREATE INDEX CONCURRENTLY outside a
// transaction by itself; a Flyway folder must work here as it is.
TEST(RealLayoutsPostgresql, FlywayConcurrentIndexRunsOutsideATransaction) {
  Project project("postgresql");
  const fs::path folder = project.dir() / "migrations";
  write_file(folder / "V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n");
  write_file(folder / "V2__index_email.sql",
             "-- built without locking writes\nCREATE INDEX CONCURRENTLY ix_users_email ON users (email);\n");
  write_file(folder / "U2__index_email.sql", "DROP INDEX CONCURRENTLY ix_users_email;\n");
  project.configure("migrations");
  Result up = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(up, 0);
  EXPECT_EQ(project.versions(), "V2");
  EXPECT_EQ(project.db().query("SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE 'ix%'"),
            "ix_users_email\n");
  EXPECT_EQ(project.history(), "V1 upgrade applied\nV2 upgrade applied");
  Result down = project.retort({"downgrade", "V1"});
  EXPECT_EXIT_CODE(down, 0);
  EXPECT_EQ(project.db().query("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_email'"), "0\n");
}

INSTANTIATE_TEST_SUITE_P(Engines, RealLayouts, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
