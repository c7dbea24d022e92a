// The plugin against a live PostgreSQL server (RETORT_TEST_POSTGRESQL_URL,
// started by scripts/test.sh). Without the variable every test fails: CI
// must never pass by skipping the server.
#include "support/op_spec.hpp"
#include "support/plugin_client.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

using pgtest::client;
using pgtest::column_spec;
using pgtest::op_spec;
using pgtest::outcome;
using pgtest::text_row;

#define EXPECT_OK(call)                       \
  do {                                        \
    const outcome o_ = (call);                \
    EXPECT_TRUE(o_.ok()) << o_.message();     \
  } while (0)
#define ASSERT_OK(call)                       \
  do {                                        \
    const outcome o_ = (call);                \
    ASSERT_TRUE(o_.ok()) << o_.message();     \
  } while (0)

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Each test works in a schema of its own, dropped at the end, so tests and
// concurrent runs never see each other's tables.
class LivePostgresql : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto url = pgtest::server_url();
    if (!url)
      FAIL() << pgtest::server_url_variable
             << " is not set. These tests need a live PostgreSQL server: run scripts/test.sh, which starts "
                "one and exports the URL (or: source scripts/lib/postgres.sh; pg_start /tmp/retort-pg 55432).";
    options_ = pgtest::url_options(*url);
    schema_ = pgtest::unique_name("retort_live");
    db_ = std::make_unique<client>(options_);
    ASSERT_TRUE(db_->connected()) << db_->connect_outcome().message();
    ASSERT_OK(db_->execute("CREATE SCHEMA " + schema_));
  }

  void TearDown() override {
    if (db_ && db_->connected()) {
      db_->rollback();
      db_->execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  }

  std::string in_schema(const std::string& table) const { return schema_ + "." + table; }

  // Renders `op` through the plugin and runs each statement on `on`.
  void render_and_run(const op_spec& op, client& on) {
    std::vector<std::string> statements;
    ASSERT_OK(pgtest::render(op, statements));
    for (const auto& s : statements) ASSERT_OK(on.execute(s));
  }

  pgtest::option_list options_;
  std::string schema_;
  std::unique_ptr<client> db_;
};

}  // namespace

TEST_F(LivePostgresql, ConnectsExecutesAScriptAndQueriesRowsAsText) {
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("t") + " (id int, name text, note text);\n"
                         "INSERT INTO " + in_schema("t") + " VALUES (1, 'a', NULL), (2, 'b;c', 'x''y');"));
  std::vector<text_row> rows;
  ASSERT_OK(db_->query("SELECT id, name, note FROM " + in_schema("t") + " ORDER BY id", rows));
  EXPECT_EQ(rows, (std::vector<text_row>{{"1", "a", std::nullopt}, {"2", "b;c", "x'y"}}));
}

TEST_F(LivePostgresql, AFailingStatementReportsItsSqlstateOnOneLine) {
  const outcome o = db_->execute("SELECT *\n  FROM " + in_schema("no_such_table"));
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.sqlstate(), "42P01");
  EXPECT_TRUE(contains(o.message(), "no_such_table\" does not exist")) << o.message();
  EXPECT_TRUE(contains(o.message(), "SQLSTATE 42P01")) << o.message();
  EXPECT_TRUE(contains(o.message(), "in statement: SELECT * FROM " + in_schema("no_such_table"))) << o.message();
  EXPECT_FALSE(contains(o.message(), "\n")) << o.message();
}

TEST_F(LivePostgresql, TransactionalDdlRollsBack) {
  ASSERT_OK(db_->begin());
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("ephemeral") + " (id int)"));
  bool exists = false;
  ASSERT_OK(db_->table_exists(schema_, "ephemeral", exists));
  EXPECT_TRUE(exists) << "visible inside its transaction";
  ASSERT_OK(db_->rollback());
  ASSERT_OK(db_->table_exists(schema_, "ephemeral", exists));
  EXPECT_FALSE(exists) << "gone after rollback";
}

TEST_F(LivePostgresql, CommittedDdlStays) {
  ASSERT_OK(db_->begin());
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("kept") + " (id int)"));
  ASSERT_OK(db_->commit());
  bool exists = false;
  ASSERT_OK(db_->table_exists(schema_, "kept", exists));
  EXPECT_TRUE(exists);
}

TEST_F(LivePostgresql, AFailedStatementInATransactionTakesItsEarlierDdlWithIt) {
  ASSERT_OK(db_->begin());
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("first") + " (id int)"));
  const outcome failed = db_->execute("CREATE TABLE " + in_schema("first") + " (id int)");
  EXPECT_EQ(failed.sqlstate(), "42P07");
  ASSERT_OK(db_->rollback());
  bool exists = true;
  ASSERT_OK(db_->table_exists(schema_, "first", exists));
  EXPECT_FALSE(exists);
  EXPECT_EQ(db_->scalar("SELECT 1"), "1") << "the session is usable again";
}

TEST_F(LivePostgresql, AnAbortedTransactionRefusesMoreWorkAndCannotCommit) {
  ASSERT_OK(db_->begin());
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("doomed") + " (id int)"));
  EXPECT_FALSE(db_->execute("SELECT 1/0").ok());
  const outcome next = db_->execute("SELECT 1");
  EXPECT_EQ(next.kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(next.sqlstate(), "25P02");
  const outcome commit = db_->commit();
  EXPECT_EQ(commit.kind(), RETORT_ERROR_DATABASE);
  EXPECT_TRUE(contains(commit.message(), "rolled back")) << commit.message();
  bool exists = true;
  ASSERT_OK(db_->table_exists(schema_, "doomed", exists));
  EXPECT_FALSE(exists);
}

TEST_F(LivePostgresql, TransactionMisuseIsAUsageError) {
  EXPECT_EQ(db_->commit().kind(), RETORT_ERROR_USAGE);
  EXPECT_OK(db_->rollback());  // nothing open: nothing to do
  ASSERT_OK(db_->begin());
  EXPECT_EQ(db_->begin().kind(), RETORT_ERROR_USAGE);
  EXPECT_OK(db_->rollback());
}

TEST_F(LivePostgresql, ConcurrentIndexesNeedTheSplitterAndAutocommit) {
  const std::string script = "CREATE TABLE " + in_schema("big") + " (a int, b text);\n"
                             "CREATE INDEX CONCURRENTLY ix_big_a ON " + in_schema("big") + " (a);\n"
                             "CREATE INDEX CONCURRENTLY ix_big_b ON " + in_schema("big") + " (b);\n";
  const outcome whole = db_->execute(script);
  EXPECT_EQ(whole.sqlstate(), "25001") << "one multi-statement string is an implicit transaction";

  std::vector<std::string> statements;
  ASSERT_OK(pgtest::split(script, statements));
  ASSERT_EQ(statements.size(), 3u);
  for (const auto& s : statements) ASSERT_OK(db_->execute(s));
  EXPECT_EQ(db_->scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema_ + "'"), "2");
}

TEST_F(LivePostgresql, ALockHeldElsewhereTimesOutNamingTheHolder) {
  const std::string key = pgtest::unique_name("retort_lock");
  client other(options_);
  ASSERT_TRUE(other.connected()) << other.connect_outcome().message();
  ASSERT_OK(db_->lock(key, 5));
  const std::string holder_pid = db_->scalar("SELECT pg_backend_pid()");

  const outcome blocked = other.lock(key, 0.3);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.kind(), RETORT_ERROR_LOCK_TIMEOUT);
  EXPECT_TRUE(contains(blocked.message(), "migration lock \"" + key + "\" not acquired")) << blocked.message();
  EXPECT_TRUE(contains(blocked.message(), "held by pid " + holder_pid)) << blocked.message();
  EXPECT_TRUE(contains(blocked.message(), "application \"retort\"")) << blocked.message();
  EXPECT_TRUE(contains(blocked.message(), "client 127.0.0.1")) << blocked.message();
  EXPECT_EQ(other.scalar("SHOW lock_timeout"), "0") << "the wait's lock_timeout must not linger";

  ASSERT_OK(db_->unlock(key));
  ASSERT_OK(other.lock(key, 5));
  ASSERT_OK(other.unlock(key));
}

TEST_F(LivePostgresql, AZeroTimeoutTriesOnce) {
  const std::string key = pgtest::unique_name("retort_lock");
  client other(options_);
  ASSERT_TRUE(other.connected()) << other.connect_outcome().message();
  ASSERT_OK(db_->lock(key, 0));
  EXPECT_EQ(other.lock(key, 0).kind(), RETORT_ERROR_LOCK_TIMEOUT);
  ASSERT_OK(db_->unlock(key));
  EXPECT_OK(other.lock(key, 0));
  EXPECT_OK(other.unlock(key));
}

TEST_F(LivePostgresql, TheLockSurvivesCommitUntilUnlocked) {
  const std::string key = pgtest::unique_name("retort_lock");
  client other(options_);
  ASSERT_TRUE(other.connected()) << other.connect_outcome().message();
  ASSERT_OK(db_->lock(key, 5));
  ASSERT_OK(db_->begin());
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("during_lock") + " (id int)"));
  ASSERT_OK(db_->commit());
  EXPECT_EQ(other.lock(key, 0.3).kind(), RETORT_ERROR_LOCK_TIMEOUT);
  ASSERT_OK(db_->unlock(key));
  EXPECT_OK(other.lock(key, 0.3));
  EXPECT_OK(other.unlock(key));
}

TEST_F(LivePostgresql, AWrongPasswordFailsWithOneLineThatNeverShowsIt) {
  const std::string password = "Wr0ng-Pa55word-" + pgtest::unique_name("x");
  client c(pgtest::with_option(options_, "url.password", password));
  ASSERT_FALSE(c.connected());
  const outcome& o = c.connect_outcome();
  EXPECT_EQ(o.kind(), RETORT_ERROR_DATABASE);
  EXPECT_TRUE(contains(o.message(), "password authentication failed")) << o.message();
  EXPECT_FALSE(contains(o.message(), password)) << o.message();
  EXPECT_FALSE(contains(o.message(), "\n")) << o.message();
}

TEST_F(LivePostgresql, ARefusedConnectionFailsWithOneLine) {
  client c(pgtest::with_option(options_, "url.port", std::to_string(pgtest::unused_port())));
  ASSERT_FALSE(c.connected());
  const outcome& o = c.connect_outcome();
  EXPECT_EQ(o.kind(), RETORT_ERROR_DATABASE);
  EXPECT_TRUE(contains(o.message(), "Connection refused")) << o.message();
  EXPECT_TRUE(contains(o.message(), "cannot connect to PostgreSQL")) << o.message();
  EXPECT_FALSE(contains(o.message(), "\n")) << o.message();
  EXPECT_FALSE(contains(o.message(), "retort:retort")) << o.message();
}

TEST_F(LivePostgresql, AnUnknownDatabaseFailsNamingIt) {
  // The name must not contain the test password ("retort"): connection
  // failures mask it wherever it appears.
  const std::string database = pgtest::unique_name("missing_db");
  client c(pgtest::with_option(options_, "url.database", database));
  ASSERT_FALSE(c.connected());
  const outcome& o = c.connect_outcome();
  EXPECT_EQ(o.kind(), RETORT_ERROR_DATABASE);
  EXPECT_TRUE(contains(o.message(), "database \"" + database + "\" does not exist")) << o.message();
  EXPECT_FALSE(contains(o.message(), "\n")) << o.message();
}

TEST_F(LivePostgresql, UrlParametersReachTheServer) {
  EXPECT_EQ(db_->scalar("SHOW application_name"), "retort");
  client c(pgtest::with_option(pgtest::with_option(options_, "param.application_name", "retort live test"),
                               "param.options", "-c search_path=" + schema_));
  ASSERT_TRUE(c.connected()) << c.connect_outcome().message();
  EXPECT_EQ(c.scalar("SHOW application_name"), "retort live test");
  EXPECT_EQ(c.scalar("SELECT current_schema()"), schema_);
}

TEST_F(LivePostgresql, TableExistsLooksInTheVersionTableSchema) {
  ASSERT_OK(db_->execute("CREATE TABLE " + in_schema("retort_version") + " (version_num varchar(64))"));
  client scoped(pgtest::with_option(options_, "version_table_schema", schema_));
  ASSERT_TRUE(scoped.connected()) << scoped.connect_outcome().message();
  bool exists = false;
  ASSERT_OK(scoped.table_exists("", "retort_version", exists));
  EXPECT_TRUE(exists);
  ASSERT_OK(scoped.table_exists("", "retort_history", exists));
  EXPECT_FALSE(exists);
  ASSERT_OK(db_->table_exists("", "retort_version", exists));
  EXPECT_FALSE(exists) << "without the option, the default schema is searched";
}

TEST_F(LivePostgresql, ServerNoticesStayOffStderr) {
  testing::internal::CaptureStderr();
  const outcome o = db_->execute("DROP TABLE IF EXISTS " + in_schema("never_there") +
                                 "; DO $$BEGIN RAISE NOTICE 'retort-notice-marker'; END$$");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_TRUE(o.ok()) << o.message();
  EXPECT_FALSE(contains(err, "retort-notice-marker")) << err;
  EXPECT_FALSE(contains(err, "does not exist, skipping")) << err;
}

TEST_F(LivePostgresql, ATerminatedSessionFailsInsteadOfSilentlyReconnecting) {
  client victim(options_);
  ASSERT_TRUE(victim.connected()) << victim.connect_outcome().message();
  const std::string pid = victim.scalar("SELECT pg_backend_pid()");
  ASSERT_EQ(db_->scalar("SELECT pg_terminate_backend(" + pid + ")"), "t");
  const outcome first = victim.execute("SELECT 1");
  EXPECT_FALSE(first.ok());
  EXPECT_EQ(first.kind(), RETORT_ERROR_DATABASE);
  EXPECT_FALSE(contains(first.message(), "\n")) << first.message();
  const outcome second = victim.execute("SELECT 1");
  EXPECT_FALSE(second.ok()) << "a new session would have lost the advisory lock";
}

TEST_F(LivePostgresql, RenderedOperationsRunOnTheServer) {
  op_spec categories;
  categories.kind = RETORT_OP_CREATE_TABLE;
  categories.schema = schema_;
  categories.table = "categories";
  categories.columns = {{"id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT},
                        {"name", "string(50)", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_UNIQUE}};
  op_spec items = categories;
  items.table = "items";
  items.columns = {{"id", "bigint", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT},
                   {"category_id", "integer", 0, "", "categories", "id", "cascade"},
                   {"flag", "boolean", RETORT_COLUMN_NOT_NULL, "false"},
                   {"small", "smallint"},
                   {"body", "text"},
                   {"price", "numeric(10,2)"},
                   {"ratio", "float"},
                   {"precise", "double"},
                   {"day", "date"},
                   {"at", "datetime"},
                   {"at_tz", "timestamp_tz", 0, "now()"},
                   {"doc", "json"},
                   {"uid", "uuid"},
                   {"blob", "binary"},
                   {"code", "string"},
                   {"qty", "text"}};
  ASSERT_OK(db_->begin());
  render_and_run(categories, *db_);
  render_and_run(items, *db_);

  op_spec to_integer;
  to_integer.kind = RETORT_OP_ALTER_COLUMN;
  to_integer.schema = schema_;
  to_integer.table = "items";
  to_integer.name = "qty";
  to_integer.alter_type = "integer";
  to_integer.alter_nullable = 0;
  to_integer.alter_default_action = RETORT_DEFAULT_SET;
  to_integer.alter_default_sql = "0";
  render_and_run(to_integer, *db_);

  op_spec partial;
  partial.kind = RETORT_OP_CREATE_INDEX;
  partial.schema = schema_;
  partial.table = "items";
  partial.name = "ix_items_visible";
  partial.index_columns = {"category_id", "at desc", "lower(body)"};
  partial.where = "NOT flag";
  render_and_run(partial, *db_);

  op_spec rename = partial;
  rename.kind = RETORT_OP_RENAME_COLUMN;
  rename.name = "body";
  rename.new_name = "description";
  render_and_run(rename, *db_);
  ASSERT_OK(db_->commit());

  ASSERT_OK(db_->execute("INSERT INTO " + in_schema("categories") + " (name) VALUES ('c');"
                         "INSERT INTO " + in_schema("items") + " (category_id, description) VALUES (1, 'x')"));
  EXPECT_EQ(db_->scalar("SELECT qty::text || '/' || flag::text FROM " + in_schema("items")), "0/false");

  std::vector<text_row> columns;
  ASSERT_OK(db_->query("SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns"
                       " WHERE table_schema = '" + schema_ + "' AND table_name = 'items' ORDER BY ordinal_position",
                       columns));
  const std::vector<text_row> expected{
      {"id", "bigint", "NO", "YES"},
      {"category_id", "integer", "YES", "NO"},
      {"flag", "boolean", "NO", "NO"},
      {"small", "smallint", "YES", "NO"},
      {"description", "text", "YES", "NO"},
      {"price", "numeric", "YES", "NO"},
      {"ratio", "real", "YES", "NO"},
      {"precise", "double precision", "YES", "NO"},
      {"day", "date", "YES", "NO"},
      {"at", "timestamp without time zone", "YES", "NO"},
      {"at_tz", "timestamp with time zone", "YES", "NO"},
      {"doc", "jsonb", "YES", "NO"},
      {"uid", "uuid", "YES", "NO"},
      {"blob", "bytea", "YES", "NO"},
      {"code", "character varying", "YES", "NO"},
      {"qty", "integer", "NO", "NO"},
  };
  EXPECT_EQ(columns, expected);
  EXPECT_EQ(db_->scalar("SELECT indexdef LIKE '%WHERE (NOT flag)' FROM pg_indexes WHERE indexname = 'ix_items_visible'"
                        " AND schemaname = '" + schema_ + "'"),
            "t");

  op_spec drop_index;
  drop_index.kind = RETORT_OP_DROP_INDEX;
  drop_index.schema = schema_;
  drop_index.name = "ix_items_visible";
  render_and_run(drop_index, *db_);
  op_spec rename_table;
  rename_table.kind = RETORT_OP_RENAME_TABLE;
  rename_table.schema = schema_;
  rename_table.table = "items";
  rename_table.new_name = "products";
  render_and_run(rename_table, *db_);
  op_spec drop_column;
  drop_column.kind = RETORT_OP_DROP_COLUMN;
  drop_column.schema = schema_;
  drop_column.table = "products";
  drop_column.name = "blob";
  render_and_run(drop_column, *db_);
  op_spec drop_table;
  drop_table.kind = RETORT_OP_DROP_TABLE;
  drop_table.schema = schema_;
  drop_table.table = "products";
  render_and_run(drop_table, *db_);
  bool exists = true;
  ASSERT_OK(db_->table_exists(schema_, "products", exists));
  EXPECT_FALSE(exists);
}
