// CockroachDB's "no DDL after a write in one transaction", simulated on real
// PostgreSQL with the dialect's retort_ddl_after_write=forbid (issue 14),
// through the built binary. The default, a transaction per revision, keeps
// within the rule because retort moves its version row after the revision's
// DDL; one transaction for the whole run does not, and must leave nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

#define EXPECT_EXIT_CODE(result, expected)                                             \
  EXPECT_EQ((result).code, expected) << "stdout:\n" << (result).out << "\nstderr:\n" << (result).err

constexpr const char* simulation = "DDL after a write in one transaction (retort_ddl_after_write=forbid, as CockroachDB)";

// Each revision's own DDL comes before its own write, as the rule allows.
const std::vector<SqlRevision> three_tables = {
    {"dw0000000001", "", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\nINSERT INTO t1 (id) VALUES (1);", "DROP TABLE t1;"},
    {"dw0000000002", "dw0000000001", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO t2 (id) VALUES (2);",
     "DROP TABLE t2;"},
    {"dw0000000003", "dw0000000002", "CREATE TABLE t3 (id INTEGER PRIMARY KEY);\nINSERT INTO t3 (id) VALUES (3);",
     "DROP TABLE t3;"},
};

class DdlAfterWrite : public ::testing::Test {
 protected:
  Project project{"postgresql"};
  std::string forbidding_url() { return project.db().url() + "?retort_ddl_after_write=forbid"; }
  Result upgrade_head() { return project.retort({"upgrade", "head", "--url", forbidding_url()}); }
  // Only retort's own tables, and no version row.
  void expect_nothing_applied() {
    EXPECT_EQ(project.db().tables(), own_tables("postgresql"));
    EXPECT_EQ(project.versions(), "");
  }
};

TEST_F(DdlAfterWrite, TransactionPerMigrationKeepsWithinTheRule) {
  project.use_sql_revisions(three_tables);
  Result r = upgrade_head();
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "dw0000000003");
  EXPECT_EQ(project.history(),
            "dw0000000001 upgrade applied\ndw0000000002 upgrade applied\ndw0000000003 upgrade applied");
  EXPECT_EQ(project.db().query("SELECT (SELECT id FROM t1) + (SELECT id FROM t2) + (SELECT id FROM t3)"), "6\n");
}

// The second revision's CREATE follows the first's rows and version row in
// the run's one transaction.
TEST_F(DdlAfterWrite, OneTransactionForTheRunFailsAndLeavesNothing) {
  project.use_sql_revisions(three_tables, "transaction_per_migration = false");
  Result r = upgrade_head();
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr(simulation));
  EXPECT_THAT(r.err, HasSubstr("CREATE TABLE t2"));
  expect_nothing_applied();
  EXPECT_EQ(project.history(), "dw0000000002 upgrade failed");
}

// The control: what fails above is the simulation, not PostgreSQL.
TEST_F(DdlAfterWrite, AllowRunsTheSameRunAsPostgresqlDoes) {
  project.use_sql_revisions(three_tables, "transaction_per_migration = false");
  Result r = project.retort({"upgrade", "head", "--url", project.db().url() + "?retort_ddl_after_write=allow"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "dw0000000003");
}

TEST_F(DdlAfterWrite, ARevisionThatWritesThenCreatesFailsAndLeavesNothing) {
  project.use_sql_revisions({{"dw0000000001", "",
                              "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\nINSERT INTO t1 (id) VALUES (1);\n"
                              "CREATE TABLE t2 (id INTEGER PRIMARY KEY);",
                              "DROP TABLE t2;\nDROP TABLE t1;"}});
  Result r = upgrade_head();
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr(simulation));
  EXPECT_THAT(r.err, HasSubstr("CREATE TABLE t2"));
  expect_nothing_applied();
  EXPECT_EQ(project.history(), "dw0000000001 upgrade failed");
}

// Every step of the lease-table lock is a short transaction of its own.
TEST_F(DdlAfterWrite, TheLeaseTableLockWorksUnderTheRule) {
  project.use_sql_revisions(three_tables, "lock = table");
  Result r = upgrade_head();
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.versions(), "dw0000000003");
  EXPECT_THAT(project.db().tables(), HasSubstr("retort_lock"));
  EXPECT_EQ(project.db().query("SELECT count(*) FROM retort_lock"), "0\n");
  Result again = upgrade_head();
  EXPECT_EXIT_CODE(again, 0);
  EXPECT_THAT(again.err, HasSubstr("nothing to upgrade"));
}

TEST_F(DdlAfterWrite, AnUnknownValueIsAConfigurationError) {
  project.use_sql_revisions(three_tables);
  Result r = project.retort({"upgrade", "head", "--url", project.db().url() + "?retort_ddl_after_write=maybe"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("invalid value 'maybe' for URL parameter retort_ddl_after_write: expected allow or forbid"));
}

}  // namespace
}  // namespace it
