// Which header-less scripts run outside a transaction: the statements
// PostgreSQL refuses inside one, found past comments, strings, quoted names
// and dollar-quoted bodies.
#include <gtest/gtest.h>

#include "transaction_needs.hpp"

namespace {

using sqldir::needs_no_transaction;

TEST(TransactionNeeds, ConcurrentIndexStatementsNeedNoTransaction) {
  EXPECT_TRUE(needs_no_transaction("CREATE INDEX CONCURRENTLY ix ON t (a);"));
  EXPECT_TRUE(needs_no_transaction("create unique index concurrently if not exists ix on t (a);"));
  EXPECT_TRUE(needs_no_transaction("ALTER TABLE t ADD c int;\nDROP INDEX CONCURRENTLY ix;"));
  EXPECT_TRUE(needs_no_transaction("REINDEX TABLE CONCURRENTLY t;"));
  EXPECT_TRUE(needs_no_transaction("VACUUM ANALYZE t;"));
  EXPECT_TRUE(needs_no_transaction("SELECT 1;\n  vacuum t;"));
}

TEST(TransactionNeeds, OrdinaryScriptsRunInATransaction) {
  EXPECT_FALSE(needs_no_transaction(""));
  EXPECT_FALSE(needs_no_transaction("CREATE INDEX ix ON t (a);"));
  EXPECT_FALSE(needs_no_transaction("REFRESH MATERIALIZED VIEW CONCURRENTLY mv;"));
  EXPECT_FALSE(needs_no_transaction("CREATE TABLE vacuum_log (id int); INSERT INTO t SELECT 1 AS vacuum;"));
  EXPECT_FALSE(needs_no_transaction("CREATE TABLE concurrently_seen (id int);"));
}

TEST(TransactionNeeds, WordsInCommentsStringsAndBodiesDoNotCount) {
  EXPECT_FALSE(needs_no_transaction("-- CREATE INDEX CONCURRENTLY later\nCREATE INDEX ix ON t (a);"));
  EXPECT_FALSE(needs_no_transaction("/* VACUUM; /* nested CONCURRENTLY */ still */ SELECT 1;"));
  EXPECT_FALSE(needs_no_transaction("INSERT INTO notes VALUES ('use CONCURRENTLY; VACUUM');"));
  EXPECT_FALSE(needs_no_transaction("INSERT INTO notes VALUES (E'it\\'s CONCURRENTLY');"));
  EXPECT_FALSE(needs_no_transaction("CREATE TABLE \"CONCURRENTLY\" (id int);"));
  EXPECT_FALSE(needs_no_transaction("CREATE TABLE `concurrently` (id int);"));
  EXPECT_FALSE(needs_no_transaction(
      "CREATE FUNCTION f() RETURNS void AS $body$ BEGIN VACUUM; CONCURRENTLY; END $body$ LANGUAGE plpgsql;"));
  EXPECT_FALSE(needs_no_transaction("CREATE FUNCTION g() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; SELECT $1;"));
}

TEST(TransactionNeeds, UnterminatedQuotesEndTheScan) {
  EXPECT_FALSE(needs_no_transaction("SELECT 'CONCURRENTLY"));
  EXPECT_FALSE(needs_no_transaction("/* CONCURRENTLY"));
  EXPECT_FALSE(needs_no_transaction("SELECT $x$ CONCURRENTLY"));
  EXPECT_TRUE(needs_no_transaction("SELECT $1; CREATE INDEX CONCURRENTLY ix ON t (a)"));
}

}  // namespace
