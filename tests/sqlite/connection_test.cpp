// Opening databases, running scripts and queries, finding tables.
#include "support.hpp"

#include <sqlite/connection.hpp>
#include <sqlite/dialect.hpp>

#include <sqlite3.h>

#include <fstream>
#include <optional>

using namespace sqlite_test;
using retort::sqlite::sqlite_connection;

namespace {

using rows = std::vector<std::vector<std::optional<std::string>>>;

rows query(retort::connection& db, std::string_view sql) {
  rows out;
  db.query(sql, [&](const retort::row& r) {
    out.emplace_back();
    for (const auto& v : r) out.back().push_back(v ? std::optional<std::string>(*v) : std::nullopt);
  });
  return out;
}

std::unique_ptr<retort::connection> connect(const retort::options& opts) {
  retort::sqlite::sqlite_dialect dialect;
  return dialect.connect("sqlite:///ignored.db", opts);
}

}  // namespace

TEST(SqliteConnect, OpensTheDatabaseOptionRelativeToTheCurrentDirectory) {
  temp_dir dir;
  {
    current_dir cd(dir.path());
    auto db = connect({{"url.database", "shop.db"}});
    db->execute("CREATE TABLE t (x)");
  }
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "shop.db"));
}

TEST(SqliteConnect, AFileColonNameIsAPlainFileNotAUri) {
  temp_dir dir;
  {
    current_dir cd(dir.path());
    auto db = connect({{"url.database", "file:odd.db?mode=ro"}});
    db->execute("CREATE TABLE t (x)");  // mode=ro would refuse this
  }
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "file:odd.db?mode=ro"));
}

TEST(SqliteConnect, MemoryDatabaseWorks) {
  auto db = connect({{"url.database", ":memory:"}});
  db->execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
  EXPECT_EQ(query(*db, "SELECT x FROM t"), (rows{{"1"}}));
}

TEST(SqliteConnect, AMissingOrEmptyDatabaseIsAUsageError) {
  for (const retort::options& opts : {retort::options{}, retort::options{{"url.database", ""}}}) {
    auto f = failure_of([&] { connect(opts); });
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_STREQ(f.what(),
                 "the sqlite URL names no database file: use sqlite:///relative.db, "
                 "sqlite:////absolute.db or sqlite://:memory:");
  }
}

TEST(SqliteConnect, AFolderIsADatabaseErrorNamingIt) {
  temp_dir dir;
  auto f = failure_of([&] { sqlite_connection::open(dir.path().string()); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(std::string(f.what()), "cannot open SQLite database '" + dir.path().string() +
                                       "': unable to open database file");
  EXPECT_EQ(f.native_code() & 0xff, SQLITE_CANTOPEN);
}

TEST(SqliteConnect, AFileInAMissingFolderIsADatabaseErrorNamingIt) {
  temp_dir dir;
  std::string path = dir.file("no/such/folder/x.db");
  auto f = failure_of([&] { sqlite_connection::open(path); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_NE(std::string(f.what()).find("'" + path + "'"), std::string::npos) << f.what();
}

TEST(SqliteConnect, AFileThatIsNotADatabaseIsADatabaseErrorNamingIt) {
  temp_dir dir;
  std::string path = dir.file("notes.txt");
  std::ofstream(path) << std::string(200, 'x') << "\nthis is not an SQLite database\n";
  auto f = failure_of([&] { sqlite_connection::open(path); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(std::string(f.what()), "cannot open SQLite database '" + path + "': file is not a database");
  EXPECT_EQ(f.native_code(), SQLITE_NOTADB);
}

TEST(SqliteExecute, RunsAScriptAndQueryReturnsTextWithNullAsNullopt) {
  auto db = sqlite_connection::open(":memory:");
  db->execute(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL);\n"
      "-- a comment between statements\n"
      "INSERT INTO t (name, score) VALUES ('a;b', 1.5), (NULL, NULL);\n"
      "SELECT * FROM t;  -- rows of a script are ignored\n");
  EXPECT_EQ(query(*db, "SELECT id, name, score FROM t ORDER BY id"),
            (rows{{"1", "a;b", "1.5"}, {"2", std::nullopt, std::nullopt}}));
  EXPECT_EQ(query(*db, "SELECT 1 WHERE 0"), rows{});
  EXPECT_EQ(query(*db, "SELECT '' AS empty"), (rows{{""}}));
}

TEST(SqliteExecute, AFailingStatementReportsItsIndexMessageAndText) {
  auto db = sqlite_connection::open(":memory:");
  auto f = failure_of([&] {
    db->execute("CREATE TABLE t (x UNIQUE);\n/* comment */ INSERT INTO t VALUES (1);\n"
                "-- the culprit:\nINSERT   INTO t\n   VALUES (1);\nINSERT INTO t VALUES (2)");
  });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(f.statement_index(), 2);
  EXPECT_EQ(f.native_code(), SQLITE_CONSTRAINT_UNIQUE);
  EXPECT_STREQ(f.what(), "statement 3 failed: UNIQUE constraint failed: t.x; in: INSERT INTO t VALUES (1)");
  EXPECT_EQ(query(*db, "SELECT count(*) FROM t"), (rows{{"1"}}));  // nothing after it ran
}

TEST(SqliteExecute, ASyntaxErrorReportsTheStatementThatDidNotCompile) {
  auto db = sqlite_connection::open(":memory:");
  auto f = failure_of([&] { db->execute("SELECT 1; SELEC 2; SELECT 3"); });
  EXPECT_EQ(f.statement_index(), 1);
  EXPECT_EQ(f.native_code(), SQLITE_ERROR);
  EXPECT_STREQ(f.what(), "statement 2 failed: near \"SELEC\": syntax error; in: SELEC 2");
}

TEST(SqliteExecute, ALongFailingStatementIsShortenedInTheMessage) {
  auto db = sqlite_connection::open(":memory:");
  std::string values;
  for (int i = 0; i < 100; ++i) values += (i ? ",\n   " : "") + std::to_string(i);
  auto f = failure_of([&] { db->execute("INSERT INTO missing VALUES (" + values + ")"); });
  std::string message = f.what();
  std::string header = "statement 1 failed: no such table: missing; in: ";
  EXPECT_EQ(message.rfind(header + "INSERT INTO missing VALUES (0, 1, 2, 3, ", 0), 0u) << message;
  EXPECT_EQ(message.size(), header.size() + 120);
  EXPECT_EQ(message.substr(message.size() - 3), "...");
}

TEST(SqliteQuery, TakesExactlyOneStatement) {
  auto db = sqlite_connection::open(":memory:");
  auto more = failure_of([&] { query(*db, "SELECT 1; SELECT 2"); });
  EXPECT_EQ(more.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(more.what(), "query runs one statement; found more: SELECT 2");
  EXPECT_EQ(query(*db, "SELECT 1; -- a trailing comment\n"), (rows{{"1"}}));
  EXPECT_STREQ(failure_of([&] { query(*db, " -- nothing\n"); }).what(), "query: the SQL holds no statement");
  auto bad = failure_of([&] { query(*db, "SELECT nope FROM absent"); });
  EXPECT_EQ(bad.kind(), RETORT_ERROR_DATABASE);
  EXPECT_STREQ(bad.what(), "statement 1 failed: no such table: absent; in: SELECT nope FROM absent");
}

TEST(SqliteTableExists, FindsTablesInMainAndAttachedSchemasCaseInsensitively) {
  temp_dir dir;
  auto db = sqlite_connection::open(dir.file("main.db"));
  db->execute("CREATE TABLE retort_version (version_num VARCHAR(64) NOT NULL PRIMARY KEY);"
              "CREATE VIEW v AS SELECT 1;"
              "ATTACH DATABASE '" + dir.file("aux.db") + "' AS aux;"
              "CREATE TABLE aux.extra (x)");
  EXPECT_TRUE(db->table_exists("", "retort_version"));
  EXPECT_TRUE(db->table_exists("main", "retort_version"));
  EXPECT_TRUE(db->table_exists("MAIN", "Retort_Version"));
  EXPECT_FALSE(db->table_exists("", "missing"));
  EXPECT_FALSE(db->table_exists("", "v"));  // a view is not a table
  EXPECT_FALSE(db->table_exists("", "extra"));
  EXPECT_TRUE(db->table_exists("aux", "extra"));
  EXPECT_FALSE(db->table_exists("aux", "retort_version"));
  EXPECT_FALSE(db->table_exists("nowhere", "extra"));  // no such schema: no such table
}
