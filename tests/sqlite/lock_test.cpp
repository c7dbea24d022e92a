// The migration lock is SQLite's write transaction; steps are savepoints.
#include "support.hpp"

#include <sqlite/connection.hpp>

#include <sqlite3.h>

using namespace sqlite_test;
using retort::sqlite::sqlite_connection;

namespace {

class SqliteLock : public ::testing::Test {
 protected:
  std::unique_ptr<sqlite_connection> open() { return sqlite_connection::open(dir_.file("run.db")); }

 private:
  temp_dir dir_;
};

}  // namespace

TEST_F(SqliteLock, ARolledBackStepLeavesEarlierStepsAndUnlockCommitsThem) {
  auto runner = open();
  auto observer = open();
  runner->lock("retort_version", 5);
  runner->begin();
  runner->execute("CREATE TABLE first (x)");
  runner->commit();
  runner->begin();
  runner->execute("CREATE TABLE second (x)");
  runner->rollback();
  EXPECT_TRUE(runner->table_exists("", "first"));
  EXPECT_FALSE(runner->table_exists("", "second"));
  EXPECT_FALSE(observer->table_exists("", "first"));  // not committed before unlock

  runner->unlock("retort_version");
  EXPECT_FALSE(runner->locked());
  EXPECT_TRUE(observer->table_exists("", "first"));
  EXPECT_FALSE(observer->table_exists("", "second"));
}

TEST_F(SqliteLock, ARunThatNeverUnlocksLeavesThePreviousCommittedState) {
  {
    auto before = open();
    before->execute("CREATE TABLE kept (x)");
  }
  {
    auto runner = open();
    runner->lock("k", 5);
    runner->begin();
    runner->execute("CREATE TABLE lost (x); DROP TABLE kept");
    runner->commit();
  }  // disconnected without unlock, as a killed process would be
  auto after = open();
  EXPECT_TRUE(after->table_exists("", "kept"));
  EXPECT_FALSE(after->table_exists("", "lost"));
}

TEST_F(SqliteLock, TimesOutWhenAnotherConnectionHoldsTheWriteLock) {
  auto holder = open();
  holder->execute("BEGIN IMMEDIATE");
  auto waiter = open();
  auto f = failure_of([&] { waiter->lock("retort_version", 0.2); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_LOCK_TIMEOUT);
  EXPECT_STREQ(f.what(), "database is locked by another writer; waited 0.2 s");
  EXPECT_EQ(f.native_code() & 0xff, SQLITE_BUSY);
  EXPECT_FALSE(waiter->locked());

  holder->execute("COMMIT");
  waiter->lock("retort_version", 0.2);
  EXPECT_TRUE(waiter->locked());
  waiter->unlock("retort_version");
}

TEST_F(SqliteLock, ASecondRunnerWaitsForTheFirstToUnlock) {
  auto first = open();
  auto second = open();
  first->lock("k", 5);
  EXPECT_EQ(failure_of([&] { second->lock("k", 0); }).kind(), RETORT_ERROR_LOCK_TIMEOUT);
  first->unlock("k");
  second->lock("k", 0);
  second->unlock("k");
}

TEST_F(SqliteLock, UnlockRollsBackAStepThatWasNeverCommitted) {
  auto runner = open();
  runner->lock("k", 5);
  runner->begin();
  runner->execute("CREATE TABLE done (x)");
  runner->commit();
  runner->begin();
  runner->execute("CREATE TABLE half (x)");
  runner->unlock("k");
  auto observer = open();
  EXPECT_TRUE(observer->table_exists("", "done"));
  EXPECT_FALSE(observer->table_exists("", "half"));
}

TEST_F(SqliteLock, StepsWithoutTheLockAreRealTransactions) {
  auto db = open();
  auto observer = open();
  db->begin();
  db->execute("CREATE TABLE t (x)");
  db->rollback();
  EXPECT_FALSE(db->table_exists("", "t"));
  db->begin();
  db->execute("CREATE TABLE t (x)");
  db->commit();
  EXPECT_TRUE(observer->table_exists("", "t"));
  db->rollback();  // nothing open: nothing to undo
}

TEST_F(SqliteLock, MisuseIsReportedNotIgnored) {
  auto db = open();
  db->lock("k", 1);
  EXPECT_STREQ(failure_of([&] { db->lock("k", 1); }).what(),
               "lock: this connection already holds the migration lock");
  EXPECT_STREQ(failure_of([&] { db->commit(); }).what(), "commit: no step is open (begin() was not called)");
  EXPECT_STREQ(failure_of([&] { db->rollback(); }).what(), "rollback: no step is open (begin() was not called)");
  db->unlock("k");
  db->unlock("k");  // idempotent

  db->begin();
  auto f = failure_of([&] { db->lock("k", 1); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(), "lock: a transaction is already open; take the migration lock before begin()");
  db->rollback();
}

TEST_F(SqliteLock, AScriptThatEndsTheLockTransactionIsCaught) {
  auto db = open();
  db->lock("k", 1);
  db->begin();
  db->execute("CREATE TABLE t (x); COMMIT");
  auto f = failure_of([&] { db->commit(); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_STREQ(f.what(),
               "commit: the transaction holding the migration lock has ended (a script ran COMMIT or "
               "ROLLBACK, or SQLite rolled back after an error); the lock is lost");
  EXPECT_FALSE(db->locked());
}

// Foreign keys on (the URL's ?foreign_keys=on, or init_sql) are off while a
// run's transaction is open, because PRAGMA foreign_keys cannot change inside
// one and a table rebuild needs them off; each step is checked at commit()
// instead, and they are on again once the transaction has ended, whatever
// way it ends. Off (SQLite's default), nothing changes and nothing is checked.
namespace {

class SqliteForeignKeys : public ::testing::Test {
 protected:
  std::unique_ptr<sqlite_connection> open(bool keys_on = true) {
    auto db = sqlite_connection::open(dir_.file("keys.db"));
    if (keys_on) db->execute("PRAGMA foreign_keys = ON");
    return db;
  }
  static std::string value(sqlite_connection& db, const char* sql) {
    std::string out;
    db.query_rows(sql, [&](const retort::row& r) { out = std::string(r.at(0).value_or("NULL")); });
    return out;
  }
  // A parent with two rows and a child whose rows cascade from them.
  void make_tables(sqlite_connection& db) {
    db.execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY); INSERT INTO p VALUES (1), (2);"
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);"
        "INSERT INTO c VALUES (10, 1), (20, 2);");
  }

 private:
  temp_dir dir_;
};

}  // namespace

TEST_F(SqliteForeignKeys, AreOffDuringTheRunSoDroppingAParentCascadesNothingAndOnAgainAfterIt) {
  auto db = open();
  make_tables(*db);
  db->lock("k", 5);
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "0");
  db->begin();
  // The rebuild of p, as render.cpp spells it.
  db->execute(
      "CREATE TABLE p__retort_rebuild (id INTEGER PRIMARY KEY CHECK (id > 0));"
      "INSERT INTO p__retort_rebuild (id) SELECT id FROM p; DROP TABLE p;"
      "ALTER TABLE p__retort_rebuild RENAME TO p;");
  db->commit();
  db->unlock("k");
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(value(*db, "SELECT count(*) FROM c"), "2");
}

TEST_F(SqliteForeignKeys, AStepThatLeavesOrphansFailsAtCommitNamingThemAndIsRolledBack) {
  auto db = open();
  make_tables(*db);
  db->lock("k", 5);
  db->begin();
  db->execute("INSERT INTO c VALUES (30, 7), (40, 8); DELETE FROM p WHERE id = 1");
  auto f = failure_of([&] { db->commit(); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
  EXPECT_STREQ(f.what(), "foreign key check failed after this step: 3 rows of c reference missing rows of p");
  db->rollback();  // the step is still open, as the runner expects
  db->begin();
  db->execute("INSERT INTO c VALUES (50, 2)");
  db->commit();
  db->unlock("k");
  EXPECT_EQ(value(*db, "SELECT group_concat(id) FROM (SELECT id FROM c ORDER BY id)"), "10,20,50");
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
}

TEST_F(SqliteForeignKeys, AreOnAgainAfterEveryWayTheTransactionEnds) {
  auto db = open();
  make_tables(*db);
  // unlock() rolling back a step left open by a failed check
  db->lock("k", 5);
  db->begin();
  db->execute("INSERT INTO c VALUES (30, 7)");
  EXPECT_EQ(failure_of([&] { db->commit(); }).kind(), RETORT_ERROR_DATABASE);
  db->unlock("k");
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(value(*db, "SELECT count(*) FROM c"), "2");
  // a script that ends the lock's transaction
  db->lock("k", 5);
  db->begin();
  db->execute("COMMIT");
  EXPECT_EQ(failure_of([&] { db->commit(); }).kind(), RETORT_ERROR_DATABASE);
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  // the lock not acquired
  auto holder = open(false);
  holder->execute("BEGIN IMMEDIATE");
  EXPECT_EQ(failure_of([&] { db->lock("k", 0); }).kind(), RETORT_ERROR_LOCK_TIMEOUT);
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  holder->execute("COMMIT");
  // without the lock: BEGIN, then ROLLBACK, or a COMMIT the check refuses
  db->begin();
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "0");
  db->rollback();
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  db->begin();
  db->execute("INSERT INTO c VALUES (30, 7)");
  EXPECT_STREQ(failure_of([&] { db->commit(); }).what(),
               "foreign key check failed after this step: 1 row of c references missing rows of p");
  db->rollback();
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(value(*db, "SELECT count(*) FROM c"), "2");
}

TEST_F(SqliteForeignKeys, OffAsSQLitesDefaultNothingChangesAndNothingIsChecked) {
  auto db = open(false);
  make_tables(*db);
  db->lock("k", 5);
  db->begin();
  db->execute("INSERT INTO c VALUES (30, 7)");
  db->commit();  // SQLite's documented behaviour with foreign keys off
  db->unlock("k");
  EXPECT_EQ(value(*db, "PRAGMA foreign_keys"), "0");
  EXPECT_EQ(value(*db, "SELECT count(*) FROM c"), "3");
}
