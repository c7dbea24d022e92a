// Which scripts bring their own transaction, as the collector decides it from
// the statements the dialect split them into (docs/decisions.md, "Running").
#include "host/abi/script_transaction.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using host::may_open_own_transaction;
using host::strip_own_transaction;

namespace {

using Statements = std::vector<std::string>;

// The statements left after stripping, or the input unchanged when it is kept.
Statements stripped(Statements statements) {
  strip_own_transaction(statements);
  return statements;
}

}  // namespace

TEST(ScriptTransaction, BeginAndCommitAroundTheScriptAreDropped) {
  EXPECT_EQ(stripped({"BEGIN", "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)", "COMMIT"}),
            (Statements{"CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)"}));
}

TEST(ScriptTransaction, EverySpellingOfStartAndCommitIsRecognised) {
  for (const char* start : {"BEGIN", "begin", "BEGIN TRANSACTION", "Begin Work", "START TRANSACTION",
                            "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE TRANSACTION", "-- open\nBEGIN /* here */;"})
    for (const char* commit : {"COMMIT", "commit transaction", "COMMIT WORK", "END", "END TRANSACTION", "COMMIT;"})
      EXPECT_EQ(stripped({start, "SELECT 1", commit}), Statements{"SELECT 1"}) << start << " / " << commit;
}

TEST(ScriptTransaction, TransactionControlInTheMiddleKeepsTheScriptAsWritten) {
  const Statements two_transactions = {"BEGIN", "CREATE TABLE a (id INT)", "COMMIT",
                                       "BEGIN", "CREATE TABLE b (id INT)", "COMMIT"};
  EXPECT_EQ(stripped(two_transactions), two_transactions);
  const Statements rollback = {"BEGIN", "DELETE FROM t", "ROLLBACK", "COMMIT"};
  EXPECT_EQ(stripped(rollback), rollback);
}

TEST(ScriptTransaction, RollbackToASavepointStaysInsideAndIsNoObstacle) {
  EXPECT_EQ(stripped({"BEGIN", "SAVEPOINT s", "DELETE FROM t", "ROLLBACK TO SAVEPOINT s", "COMMIT"}),
            (Statements{"SAVEPOINT s", "DELETE FROM t", "ROLLBACK TO SAVEPOINT s"}));
}

TEST(ScriptTransaction, AStartWithoutACommitOrWithOptionsIsKept) {
  const Statements no_commit = {"BEGIN", "CREATE TABLE t (id INT)"};
  EXPECT_EQ(stripped(no_commit), no_commit);
  const Statements isolation = {"START TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SELECT 1", "COMMIT"};
  EXPECT_EQ(stripped(isolation), isolation);
  const Statements commit_first = {"COMMIT", "SELECT 1", "BEGIN"};
  EXPECT_EQ(stripped(commit_first), commit_first);
  const Statements no_wrapper = {"CREATE TABLE t (id INT)", "COMMIT"};
  EXPECT_EQ(stripped(no_wrapper), no_wrapper);
}

TEST(ScriptTransaction, BodiesThatMerelyContainBeginAndEndAreNotControl) {
  // What the dialects' splitters hand over as one statement each.
  const std::string sqlite_trigger =
      "CREATE TRIGGER touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id; END";
  const std::string mariadb_block = "BEGIN NOT ATOMIC SELECT 1; END";
  EXPECT_EQ(stripped({"BEGIN", sqlite_trigger, mariadb_block, "COMMIT"}),
            (Statements{sqlite_trigger, mariadb_block}));
  const Statements compound_first = {mariadb_block, "COMMIT"};
  EXPECT_EQ(stripped(compound_first), compound_first);
}

TEST(ScriptTransaction, OnlyBeginOrStartCanOpenAScript) {
  EXPECT_TRUE(may_open_own_transaction("BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;"));
  EXPECT_TRUE(may_open_own_transaction("-- a migration; it says BEGIN\n/* and; so */ start transaction;"));
  EXPECT_TRUE(may_open_own_transaction("# MariaDB comment\nBEGIN;"));
  EXPECT_FALSE(may_open_own_transaction("CREATE TABLE t (id INT);\nBEGIN;"));
  EXPECT_FALSE(may_open_own_transaction("-- BEGIN;\nCREATE TABLE t (id INT);"));
  EXPECT_FALSE(may_open_own_transaction("'BEGIN'"));
  EXPECT_FALSE(may_open_own_transaction(""));
}
