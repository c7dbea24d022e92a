// Per-dialect URL parameters (issue 15), through the built binary: SQLite's
// pragmas seen by revisions and left in the file, MariaDB's session
// variables seen by a revision's session, values that cannot inject, and
// names nobody knows refused with exit 2 and one line naming them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

/// The one line of `err` holding `text`; "" when none does.
std::string line_with(const std::string& err, const std::string& text) {
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.find(text) != std::string::npos) return line;
  return "";
}

TEST(SqliteUrlParameters, ForeignKeysOnMakesARevisionViolatingAKeyFail) {
  Project project("sqlite");
  project.use_sql_revisions(
      {{"aaaa00000001", "", "CREATE TABLE parent (id INTEGER PRIMARY KEY);\n"
                            "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id));",
        "DROP TABLE child; DROP TABLE parent;"},
       {"aaaa00000002", "aaaa00000001", "INSERT INTO child VALUES (42);", "DELETE FROM child;"}});
  const Result enforced = project.retort({"--url", project.db().url() + "?foreign_keys=on", "upgrade", "head"});
  EXPECT_EXIT_CODE(enforced, 1);
  // Checked when the step ends (a run's transaction has them off, so that
  // table rebuilds cascade nothing): the step fails, named, and is undone.
  const std::string line = line_with(enforced.err, "foreign key check failed");
  EXPECT_THAT(line, HasSubstr("revision aaaa00000002 upgrade failed"));
  EXPECT_THAT(line, HasSubstr("foreign key check failed after this step: 1 row of child references missing rows of parent"));
  EXPECT_EQ(project.versions(), "aaaa00000001");
  EXPECT_EQ(project.db().query("SELECT count(*) FROM child"), "0\n");
  // SQLite's default, off, lets the same revision through.
  const Result unenforced = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(unenforced, 0);
  EXPECT_EQ(project.versions(), "aaaa00000002");
}

TEST(SqliteUrlParameters, JournalModeWalIsWhatTheFileHoldsAfterwards) {
  Project project("sqlite");
  project.use_sql_revisions({{"aaaa00000001", "", "CREATE TABLE t (x INTEGER);", "DROP TABLE t;"}});
  const Result r = project.retort({"--url", project.db().url() + "?journal_mode=wal&busy_timeout=2000", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.db().query("PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(project.db().tables(), "retort_history\nretort_version\nt\n");
}

TEST(SqliteUrlParameters, AnUnknownNameIsExitTwoWithOneLineListingTheKnownOnes) {
  Project project("sqlite");
  project.use_sql_revisions({{"aaaa00000001", "", "CREATE TABLE t (x INTEGER);", "DROP TABLE t;"}});
  const Result r = project.retort({"--url", project.db().url() + "?foreign_key=on", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(line_with(r.err, "unknown URL parameter 'foreign_key'"),
              HasSubstr("(known: busy_timeout, foreign_keys, journal_mode)"))
      << r.err;
}

TEST(SqliteUrlParameters, AnInvalidValueIsExitTwoNamingTheParameter) {
  Project project("sqlite");
  project.use_sql_revisions({{"aaaa00000001", "", "CREATE TABLE t (x INTEGER);", "DROP TABLE t;"}});
  for (const std::string query : {"?journal_mode=wal2", "?busy_timeout=5s", "?foreign_keys=maybe"}) {
    const Result r = project.retort({"--url", project.db().url() + query, "upgrade", "head"});
    EXPECT_EXIT_CODE(r, 2);
    EXPECT_THAT(r.err, HasSubstr("URL parameter " + query.substr(1, query.find('=') - 1) + " for sqlite:// takes"));
  }
  EXPECT_EQ(project.db().tables(), "");
}

// A revision keeps what its session sees in table `seen`.
constexpr const char* record_session =
    "CREATE TABLE seen AS SELECT @@SESSION.sql_mode AS sql_mode, @@SESSION.time_zone AS time_zone, "
    "@@SESSION.default_master_connection AS conn;";

TEST(MariadbUrlParameters, SessionVariablesAreWhatARevisionsSessionSees) {
  Project project("mariadb");
  project.use_sql_revisions({{"aaaa00000001", "", record_session, "DROP TABLE seen;"}});
  const Result r = project.retort(
      {"--url", project.db().url() + "?sql_mode=NO_ENGINE_SUBSTITUTION&time_zone=%2B01:00", "upgrade", "head"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(project.db().query("SELECT sql_mode, time_zone FROM seen"), "NO_ENGINE_SUBSTITUTION\t+01:00\n");
}

TEST(MariadbUrlParameters, AValueWithQuotesIsSentAsOneStringAndInjectsNothing) {
  Project project("mariadb");
  project.use_sql_revisions({{"aaaa00000001", "", record_session, "DROP TABLE seen;"}});
  // x'; CREATE TABLE injected (i INT); --
  const std::string hostile = "x%27%3B%20CREATE%20TABLE%20injected%20(i%20INT)%3B%20--%20";
  const Result r =
      project.retort({"--url", project.db().url() + "?default_master_connection=" + hostile, "upgrade", "head"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(project.db().query("SELECT conn FROM seen"), "x'; CREATE TABLE injected (i INT); -- \n");
  EXPECT_THAT(project.db().tables(), Not(HasSubstr("injected")));
}

TEST(MariadbUrlParameters, AnUnknownVariableIsExitTwoWithOneLineNamingItAndChangesNothing) {
  Project project("mariadb");
  project.use_sql_revisions({{"aaaa00000001", "", record_session, "DROP TABLE seen;"}});
  const Result r = project.retort({"--url", project.db().url() + "?sql_mode=ANSI&no_such_setting=bar", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(line_with(r.err, "URL parameter no_such_setting=bar: SET SESSION failed"),
              HasSubstr("Unknown system variable 'no_such_setting'"))
      << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("rt-test-pw")));
  EXPECT_EQ(project.db().tables(), "");
}

TEST(MariadbUrlParameters, ANameThatCannotBeAVariableIsExitTwoListingTheClientOptions) {
  Project project("mariadb");
  project.use_sql_revisions({{"aaaa00000001", "", record_session, "DROP TABLE seen;"}});
  const Result r = project.retort({"--url", project.db().url() + "?sql-mode=ANSI", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(line_with(r.err, "URL parameter 'sql-mode'"), HasSubstr("charset, connect_timeout")) << r.err;
  EXPECT_EQ(project.db().tables(), "");
}

}  // namespace
}  // namespace it
