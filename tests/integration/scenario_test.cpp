// The scenario suite (issues 2 and 3): every behaviour proven on SQLite is
// proven on PostgreSQL and MariaDB too, through the built `retort` binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class Scenario : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  bool transactional_ddl() const { return GetParam() != "mariadb"; }
};

const std::vector<SqlRevision> two_tables = {
    {"aaaa00000001", "", "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(20));", "DROP TABLE t1;"},
    {"bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO t2 (id) VALUES (1);",
     "DROP TABLE t2;"},
};

TEST_P(Scenario, ShopUpgradeHeadCreatesTheSchemaAndRecordsTheHead) {
  project.use_shop();
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), shop_ids.back());
  std::string tables = project.db().tables();
  for (const char* t : {"users", "categories", "products", "purchases", "retort_version", "retort_history"})
    EXPECT_THAT(tables, HasSubstr(t));
  EXPECT_THAT(project.db().columns(), HasSubstr("products.is_hidden"));
  EXPECT_EQ(project.history(), "3f1c2a9b7d10 upgrade applied\n8a4e6b2c1f93 upgrade applied\n"
                               "c7d2e5f08b41 upgrade applied\n5b9e1d3a6c72 upgrade applied");
  // Each revision's start and end are logged with its duration.
  EXPECT_THAT(r.err, HasSubstr("done upgrade 5b9e1d3a6c72"));
  EXPECT_THAT(r.err, HasSubstr("duration_ms"));
  EXPECT_EQ(r.out, "");
}

TEST_P(Scenario, UpgradeAgainIsANoOp) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result again = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(again, 0);
  EXPECT_THAT(again.err, HasSubstr("nothing to upgrade"));
  EXPECT_EQ(project.versions(), shop_ids.back());
}

TEST_P(Scenario, DowngradeBaseRemovesTheShopTablesAndTheVersion) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result r = project.retort({"downgrade", "base"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "");
  EXPECT_EQ(project.db().tables(), own_tables(GetParam()));
  EXPECT_THAT(project.history(), HasSubstr("3f1c2a9b7d10 downgrade applied"));
}

TEST_P(Scenario, RelativeTargetsStepOneRevision) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result down = project.retort({"downgrade", "-1"});
  EXPECT_EXIT_CODE(down, 0);
  EXPECT_EQ(project.versions(), shop_ids[2]);
  EXPECT_THAT(project.db().columns(), Not(HasSubstr("products.is_hidden")));
  Result up = project.retort({"upgrade", "+1"});
  EXPECT_EXIT_CODE(up, 0);
  EXPECT_EQ(project.versions(), shop_ids[3]);
}

TEST_P(Scenario, UpgradeToAPrefixStopsThere) {
  project.use_shop();
  Result r = project.retort({"upgrade", "8a4e"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), shop_ids[1]);
  EXPECT_THAT(project.db().tables(), Not(HasSubstr("purchases")));
}

TEST_P(Scenario, StampMovesTheVersionWithoutTouchingTheSchema) {
  project.use_shop();
  Result r = project.retort({"stamp", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), shop_ids.back());
  EXPECT_THAT(project.db().tables(), Not(HasSubstr("users")));
  EXPECT_THAT(project.history(), HasSubstr("5b9e1d3a6c72 stamp applied"));
  Result base = project.retort({"stamp", "base"});
  EXPECT_EXIT_CODE(base, 0);
  EXPECT_EQ(project.versions(), "");
}

TEST_P(Scenario, CurrentHeadsAndHistoryShowWhereTheDatabaseIs) {
  project.use_shop();
  Result empty = project.retort({"current"});
  EXPECT_EXIT_CODE(empty, 0);
  EXPECT_EQ(empty.out, "");
  ASSERT_EQ(project.retort({"upgrade", "c7d2"}).code, 0);
  Result current = project.retort({"current"});
  EXPECT_EXIT_CODE(current, 0);
  EXPECT_EQ(current.out, "c7d2e5f08b41\n");
  Result heads = project.retort({"heads"});
  EXPECT_EQ(heads.out, "5b9e1d3a6c72 (head)\n");
  Result history = project.retort({"history"});
  EXPECT_EXIT_CODE(history, 0);
  std::istringstream lines(history.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_THAT(first, HasSubstr("c7d2e5f08b41 -> 5b9e1d3a6c72 (head)"));
  EXPECT_THAT(first, Not(HasSubstr("[applied")));
  EXPECT_THAT(second, HasSubstr("8a4e6b2c1f93 -> c7d2e5f08b41 (current)"));
  EXPECT_THAT(second, HasSubstr("[applied"));
  EXPECT_THAT(second, HasSubstr(" ms]"));
}

TEST_P(Scenario, CheckPassesAtTheHeadsAndExitsSixWhenBehind) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "8a4e"}).code, 0);
  Result behind = project.retort({"check"});
  EXPECT_EXIT_CODE(behind, 6);
  EXPECT_THAT(behind.out, HasSubstr("not_applied: c7d2e5f08b41"));
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result ok = project.retort({"check"});
  EXPECT_EXIT_CODE(ok, 0);
}

TEST_P(Scenario, FailingRevisionRollsBackAndNamesItself) {
  std::vector<SqlRevision> revs = two_tables;
  revs[1].upgrade = "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);";
  project.use_sql_revisions(revs);
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("bbbb00000002"));
  EXPECT_THAT(r.err, HasSubstr("no_such_table"));
  EXPECT_EQ(project.versions(), "aaaa00000001");
  if (transactional_ddl()) {
    EXPECT_THAT(project.db().tables(), Not(HasSubstr("t2")));
    EXPECT_EQ(project.history(), "aaaa00000001 upgrade applied\nbbbb00000002 upgrade failed");
    Result check = project.retort({"check"});
    EXPECT_EXIT_CODE(check, 6);
  } else {
    // MariaDB committed the CREATE TABLE: the row stays pending and says so.
    EXPECT_THAT(project.db().tables(), HasSubstr("t2"));
    EXPECT_EQ(project.history(), "aaaa00000001 upgrade applied\nbbbb00000002 upgrade pending");
    Result check = project.retort({"check"});
    EXPECT_EXIT_CODE(check, 6);
    EXPECT_THAT(check.out, HasSubstr("pending: bbbb00000002"));
    Result again = project.retort({"upgrade", "head"});
    EXPECT_EXIT_CODE(again, 1);
    EXPECT_THAT(again.err, HasSubstr("retort stamp bbbb00000002"));
    EXPECT_THAT(again.err, HasSubstr("--retry-pending"));
  }
}

TEST_P(Scenario, FixedRevisionCanBeAppliedAfterAFailure) {
  std::vector<SqlRevision> revs = two_tables;
  revs[1].upgrade = "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);";
  project.use_sql_revisions(revs);
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 1);
  if (!transactional_ddl()) {
    // Resuming skips the statement that already ran (CREATE TABLE t2).
    project.add_sql_revision(two_tables[1]);
    Result resumed = project.retort({"upgrade", "head", "--retry-pending"});
    EXPECT_EXIT_CODE(resumed, 0);
  } else {
    project.add_sql_revision(two_tables[1]);
    Result fixed = project.retort({"upgrade", "head"});
    EXPECT_EXIT_CODE(fixed, 0);
  }
  EXPECT_EQ(project.versions(), "bbbb00000002");
  EXPECT_EQ(project.db().query("SELECT id FROM t2"), "1\n");
}

TEST_P(Scenario, OfflineScriptGivesTheSameSchemaAndVersionAsTheOnlineRun) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result script = project.retort({"upgrade", "head", "--sql", "--output", "script.sql"});
  EXPECT_EXIT_CODE(script, 0);
  auto offline = project.db().sibling();
  Result applied = offline->apply_script(project.dir() / "script.sql");
  ASSERT_EQ(applied.code, 0) << applied.err << "\n" << read_file(project.dir() / "script.sql");
  EXPECT_EQ(offline->tables(), without_lock_table(project.db().tables()));
  EXPECT_EQ(offline->columns(), without_lock_table(project.db().columns()));
  EXPECT_EQ(offline->query("SELECT version_num FROM retort_version"), shop_ids.back() + "\n");
}

// UTC now as retort writes started_at: 2024-05-01T10:00:00.123Z.
std::string utc_now_text() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char with_ms[40];
  std::snprintf(with_ms, sizeof with_ms, "%s.%03dZ", text, static_cast<int>(ms));
  return with_ms;
}

// Issue 17: a script's history rows carry the time it was applied, by the
// database's clock, and no duration, which no statement of it can know.
TEST_P(Scenario, OfflineScriptRecordsWhenItWasAppliedAndNoDuration) {
  project.use_sql_revisions(two_tables);
  const std::string before = utc_now_text();
  Result script = project.retort({"upgrade", "head", "--sql", "--output", "script.sql"});
  ASSERT_EQ(script.code, 0) << script.err;
  const std::string generated = utc_now_text();
  const std::string text = read_file(project.dir() / "script.sql");
  EXPECT_THAT(text, Not(HasSubstr(before.substr(0, 11)))) << "the script holds a time of its own:\n" << text;
  EXPECT_THAT(text, Not(HasSubstr(generated.substr(0, 11)))) << text;
  Result applied = project.db().apply_script(project.dir() / "script.sql");
  ASSERT_EQ(applied.code, 0) << applied.err << "\n" << text;

  EXPECT_EQ(project.db().query("SELECT COUNT(*) FROM retort_history WHERE duration_ms IS NULL"), "2\n");
  std::istringstream rows(project.db().query("SELECT started_at FROM retort_history ORDER BY id"));
  const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
  std::string started_at, last;
  int count = 0;
  while (std::getline(rows, started_at)) {
    ++count;
    last = started_at;
    EXPECT_TRUE(std::regex_match(started_at, iso)) << started_at;
    EXPECT_GE(started_at, generated) << "recorded when the script was written, not applied";
  }
  EXPECT_EQ(count, 2);

  Result history = project.retort({"history"});
  EXPECT_EXIT_CODE(history, 0);
  EXPECT_THAT(history.out, HasSubstr("[applied " + last + "]"));
  EXPECT_THAT(history.out, Not(HasSubstr(" ms]")));
  Result json = project.retort({"--format", "json", "history"});
  EXPECT_EXIT_CODE(json, 0);
  EXPECT_THAT(json.out, HasSubstr("\"duration_ms\": null"));
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
}

TEST_P(Scenario, SqlToStdoutPrintsOnlySql) {
  project.use_shop();
  Result r = project.retort({"upgrade", "head", "--sql"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("CREATE TABLE"));
  EXPECT_THAT(r.out, HasSubstr("INSERT INTO"));
  EXPECT_THAT(r.out, Not(HasSubstr("INFO")));
  // Offline mode never connects: nothing was created.
  EXPECT_THAT(project.db().tables(), Not(HasSubstr("retort_version")));
  // One log line a revision: rendering it is not a duration worth an info line.
  EXPECT_THAT(r.err, HasSubstr("running upgrade " + shop_ids.back()));
  EXPECT_THAT(r.err, Not(HasSubstr("done upgrade")));
  Result debug = project.retort({"--log-level", "debug", "upgrade", "head", "--sql"});
  EXPECT_THAT(debug.err, HasSubstr("done upgrade " + shop_ids.back()));
}

TEST_P(Scenario, EightConcurrentUpgradesApplyEveryRevisionExactlyOnce) {
  project.use_shop();
  std::vector<Result> results(8);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = project.retort({"upgrade", "head"}); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), shop_ids.back());
  EXPECT_EQ(project.history(), "3f1c2a9b7d10 upgrade applied\n8a4e6b2c1f93 upgrade applied\n"
                               "c7d2e5f08b41 upgrade applied\n5b9e1d3a6c72 upgrade applied");
}

TEST_P(Scenario, WholeRunTransactionRollsBackEverythingOnFailure) {
  std::vector<SqlRevision> revs = two_tables;
  revs[1].upgrade = "INSERT INTO no_such_table VALUES (1);";
  project.use_sql_revisions(revs, "transaction_per_migration = false");
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 1);
  if (transactional_ddl()) {
    EXPECT_EQ(project.versions(), "");
    EXPECT_THAT(project.db().tables(), Not(HasSubstr("t1")));
  } else {
    // MariaDB cannot hold DDL in a transaction: each revision is bookkept on
    // its own, so the first stays applied and the second is left pending.
    EXPECT_EQ(project.versions(), "aaaa00000001");
    EXPECT_THAT(project.history(), HasSubstr("bbbb00000002 upgrade pending"));
  }
}

// A revision marked transactional=false runs statement by statement outside
// a transaction, with the pending/applied bookkeeping, on every engine.
TEST_P(Scenario, NonTransactionalRevisionRunsStatementByStatementAndIsRecorded) {
  std::string index = GetParam() == "postgresql" ? "CREATE INDEX CONCURRENTLY ix_t1_name ON t1 (name);"
                                                 : "CREATE INDEX ix_t1_name ON t1 (name);";
  project.use_sql_revisions({two_tables[0],
                             {"cccc00000003", "aaaa00000001", "INSERT INTO t1 (id, name) VALUES (1, 'a;b');\n" + index,
                              "DROP INDEX ix_t1_name" + std::string(GetParam() == "mariadb" ? " ON t1;" : ";"),
                              "-- retort:transactional false\n"}});
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "cccc00000003");
  EXPECT_EQ(project.history(), "aaaa00000001 upgrade applied\ncccc00000003 upgrade applied");
  EXPECT_EQ(project.db().query("SELECT statements_done FROM retort_history WHERE revision = 'cccc00000003'"), "2\n");
  EXPECT_EQ(project.db().query("SELECT name FROM t1"), "a;b\n");
  Result down = project.retort({"downgrade", "aaaa00000001"});
  EXPECT_EXIT_CODE(down, 0);
  EXPECT_EQ(project.versions(), "aaaa00000001");
}

TEST_P(Scenario, NonTransactionalFailureLeavesAPendingRowThatBlocksUntilStamped) {
  project.use_sql_revisions({two_tables[0],
                             {"cccc00000003", "aaaa00000001",
                              "INSERT INTO t1 (id, name) VALUES (1, 'x');\nINSERT INTO missing_table VALUES (1);", "",
                              "-- retort:transactional false\n"}});
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("cccc00000003"));
  // The statement is counted once, in the revision: not "statement 1" of
  // the one-statement text it was run as.
  EXPECT_THAT(r.err, HasSubstr("statement 2 of 2"));
  EXPECT_THAT(r.err, Not(HasSubstr("statement 1 failed")));
  // The failure is recorded in the pending row, not lost to a warning.
  EXPECT_THAT(r.err, Not(HasSubstr("could not record")));
  EXPECT_THAT(project.db().query("SELECT error_message FROM retort_history WHERE revision = 'cccc00000003'"),
              HasSubstr("missing_table"));
  // The first statement ran and stays: that is what pending means.
  EXPECT_EQ(project.db().query("SELECT name FROM t1"), "x\n");
  EXPECT_THAT(project.history(), HasSubstr("cccc00000003 upgrade pending"));
  EXPECT_EQ(project.retort({"check"}).code, 6);
  Result blocked = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(blocked, 1);
  EXPECT_THAT(blocked.err, HasSubstr("ran 1 statement(s)"));
  // Fixed by hand, then stamped: the pending row is resolved.
  Result stamped = project.retort({"stamp", "cccc00000003"});
  EXPECT_EXIT_CODE(stamped, 0);
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head"}), 0);
}

TEST_P(Scenario, ConnectionFailureIsOneLineWithoutThePassword) {
  project.use_shop();
  std::string bad;
  if (GetParam() == "sqlite") {
    bad = "sqlite:////nonexistent-folder/x.db";
  } else {
    bad = project.db().url();
    auto at = bad.find('@');
    auto colon = bad.rfind(':', at);
    bad = bad.substr(0, colon + 1) + "Wr0ngPassw0rd" + bad.substr(at);
  }
  Result r = project.retort({"current", "--url", bad});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, Not(HasSubstr("Wr0ngPassw0rd")));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_THAT(r.err, HasSubstr("cannot connect"));
}

INSTANTIATE_TEST_SUITE_P(Engines, Scenario, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
