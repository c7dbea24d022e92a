// URL parameters (issue 15): foreign_keys, journal_mode and busy_timeout are
// pragmas applied right after opening; anything else is refused with one
// line listing the known names.
#include "support.hpp"

#include <sqlite/connection.hpp>
#include <sqlite/dialect.hpp>
#include <sqlite/open_settings.hpp>

#include <climits>
#include <string>

using namespace sqlite_test;
using retort::sqlite::open_settings;
using retort::sqlite::read_open_settings;

namespace {

std::unique_ptr<retort::connection> connect(const retort::options& opts) {
  retort::sqlite::sqlite_dialect dialect;
  return dialect.connect("sqlite:///ignored.db", opts);
}

std::string value(retort::connection& db, std::string_view sql) {
  std::string out;
  db.query(sql, [&](const retort::row& r) { out = r.at(0) ? std::string(*r[0]) : "NULL"; });
  return out;
}

std::string usage_error(const retort::options& opts) {
  auto f = failure_of([&] { read_open_settings(opts); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(f.what()).find('\n'), std::string::npos) << f.what();
  return f.what();
}

}  // namespace

TEST(SqliteUrlParameters, NoneGivenLeavesSqliteDefaultsAndWaitsLockTimeout) {
  open_settings s = read_open_settings({{"url.database", "x.db"}});
  EXPECT_EQ(s.path, "x.db");
  EXPECT_EQ(s.busy_timeout_ms, 60000);
  EXPECT_FALSE(s.foreign_keys);
  EXPECT_FALSE(s.journal_mode);
  EXPECT_EQ(read_open_settings({{"lock_timeout", "2.5"}}).busy_timeout_ms, 2500);
}

TEST(SqliteUrlParameters, ValuesAreReadInEverySpellingSqliteTakes) {
  for (const char* on : {"on", "1", "true", "ON", "True"})
    EXPECT_EQ(read_open_settings({{"param.foreign_keys", on}}).foreign_keys, true) << on;
  for (const char* off : {"off", "0", "false", "OFF"})
    EXPECT_EQ(read_open_settings({{"param.foreign_keys", off}}).foreign_keys, false) << off;
  for (const char* mode : {"delete", "truncate", "persist", "memory", "wal", "off"})
    EXPECT_EQ(read_open_settings({{"param.journal_mode", mode}}).journal_mode, mode);
  EXPECT_EQ(read_open_settings({{"param.journal_mode", "WAL"}}).journal_mode, "wal");
}

TEST(SqliteUrlParameters, BusyTimeoutIsMillisecondsAndWinsOverLockTimeoutWhereverItStands) {
  EXPECT_EQ(read_open_settings({{"param.busy_timeout", "0"}}).busy_timeout_ms, 0);
  EXPECT_EQ(read_open_settings({{"param.busy_timeout", "250"}, {"lock_timeout", "5"}}).busy_timeout_ms, 250);
  EXPECT_EQ(read_open_settings({{"lock_timeout", "5"}, {"param.busy_timeout", "250"}}).busy_timeout_ms, 250);
  EXPECT_EQ(read_open_settings({{"param.busy_timeout", "99999999999999999999"}}).busy_timeout_ms, INT_MAX);
}

TEST(SqliteUrlParameters, AnUnknownNameIsAUsageErrorListingTheKnownOnes) {
  const std::string m = usage_error({{"param.mode", "ro"}});
  EXPECT_EQ(m, "unknown URL parameter 'mode' for sqlite:// (known: busy_timeout, foreign_keys, journal_mode)");
}

TEST(SqliteUrlParameters, AnInvalidValueIsAUsageErrorSayingWhatIsTaken) {
  EXPECT_EQ(usage_error({{"param.foreign_keys", "yes"}}),
            "URL parameter foreign_keys for sqlite:// takes on, off, 1, 0, true or false, not 'yes' "
            "(parameters: busy_timeout, foreign_keys, journal_mode)");
  EXPECT_NE(usage_error({{"param.journal_mode", "wal2"}}).find("delete, truncate, persist, memory, wal or off"),
            std::string::npos);
  for (const char* bad : {"", "-1", "1.5", "10ms", " 10", "+5"})
    EXPECT_NE(usage_error({{"param.busy_timeout", bad}}).find("a whole number of milliseconds"), std::string::npos)
        << bad;
}

TEST(SqliteUrlParameters, ForeignKeysOnIsEnforcedFromTheFirstStatement) {
  auto db = connect({{"url.database", ":memory:"}, {"param.foreign_keys", "on"}});
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  db->execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))");
  auto f = failure_of([&] { db->execute("INSERT INTO c VALUES (7)"); });
  EXPECT_NE(std::string(f.what()).find("FOREIGN KEY constraint failed"), std::string::npos) << f.what();
  EXPECT_EQ(value(*connect({{"url.database", ":memory:"}, {"param.foreign_keys", "0"}}), "PRAGMA foreign_keys"), "0");
}

TEST(SqliteUrlParameters, JournalModeWalStaysInTheFile) {
  temp_dir dir;
  const std::string path = dir.file("wal.db");
  connect({{"url.database", path}, {"param.journal_mode", "wal"}});
  EXPECT_EQ(value(*connect({{"url.database", path}}), "PRAGMA journal_mode"), "wal");
}

TEST(SqliteUrlParameters, JournalModeIsAppliedToTheConnection) {
  temp_dir dir;
  auto db = connect({{"url.database", dir.file("t.db")}, {"param.journal_mode", "truncate"}});
  EXPECT_EQ(value(*db, "PRAGMA journal_mode"), "truncate");
}

// SQLite answers "memory" for a memory database, whatever was asked.
TEST(SqliteUrlParameters, JournalModeWalOnAMemoryDatabaseIsAccepted) {
  auto db = connect({{"url.database", ":memory:"}, {"param.journal_mode", "wal"}});
  EXPECT_EQ(value(*db, "PRAGMA journal_mode"), "memory");
}

TEST(SqliteUrlParameters, BusyTimeoutIsTheConnectionsWait) {
  EXPECT_EQ(value(*connect({{"url.database", ":memory:"}, {"param.busy_timeout", "1234"}}), "PRAGMA busy_timeout"),
            "1234");
  EXPECT_EQ(value(*connect({{"url.database", ":memory:"}, {"lock_timeout", "3"}}), "PRAGMA busy_timeout"), "3000");
}

TEST(SqliteUrlParameters, TheDialectRefusesBeforeTouchingTheFile) {
  temp_dir dir;
  auto f = failure_of([&] { connect({{"url.database", dir.file("never.db")}, {"param.journal", "wal"}}); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "never.db"));
}
