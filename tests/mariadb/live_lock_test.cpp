// The migration lock (GET_LOCK) between real connections. No assertion
// depends on how long anything took.
#include "live_server.hpp"

#include <cstring>
#include <string>

using namespace retort::mariadb::test;

namespace {

// Short, so the lock name stays readable (not hashed), and free of the
// test account's password, which messages mask.
std::string unique_key() {
  static int serial = 0;
  return "lk_" + std::to_string(getpid()) + "_" + std::to_string(++serial);
}

}  // namespace

using MariadbLiveLock = live_mariadb;

TEST_F(MariadbLiveLock, HeldLockMakesAnotherConnectionTimeOutNamingTheHolder) {
  auto holder = open();
  auto waiter = open();
  ASSERT_TRUE(holder && waiter);
  const std::string key = unique_key();
  ASSERT_TRUE(holder->lock(key, 1).ok());
  const std::string holder_id = holder->value("SELECT CONNECTION_ID()");

  outcome o = waiter->lock(key, 1);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_LOCK_TIMEOUT);
  const std::string m = o.err.message;
  EXPECT_NE(m.find("not acquired within 1 s"), std::string::npos) << m;
  EXPECT_NE(m.find(key), std::string::npos) << m;
  EXPECT_NE(m.find("held by connection " + holder_id + " ("), std::string::npos) << m;

  ASSERT_TRUE(holder->unlock(key).ok());
  EXPECT_TRUE(waiter->lock(key, 1).ok());
  EXPECT_TRUE(waiter->unlock(key).ok());
}

TEST_F(MariadbLiveLock, LockSurvivesCommitAndGoesWithTheConnection) {
  auto holder = open();
  auto waiter = open();
  ASSERT_TRUE(holder && waiter);
  const std::string key = unique_key();
  ASSERT_TRUE(holder->lock(key, 1).ok());
  ASSERT_TRUE(holder->begin().ok());
  ASSERT_TRUE(holder->commit().ok());
  EXPECT_EQ(waiter->lock(key, 0).err.kind, RETORT_ERROR_LOCK_TIMEOUT);
  holder.reset();  // disconnect
  outcome o = waiter->lock(key, 30);
  EXPECT_TRUE(o.ok()) << o;
  EXPECT_TRUE(waiter->unlock(key).ok());
}

TEST_F(MariadbLiveLock, UnlockingALockNotHeldIsADatabaseError) {
  auto s = open();
  ASSERT_TRUE(s);
  outcome o = s->unlock(unique_key());
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_NE(std::strstr(o.err.message, "not held"), nullptr) << o.err.message;
}

TEST_F(MariadbLiveLock, SameKeyInAnotherDatabaseIsAnotherLock) {
  auto admin = open();
  ASSERT_TRUE(admin);
  const std::string other_db = "retort_lock_other_" + std::to_string(getpid());
  ASSERT_TRUE(admin->execute("CREATE DATABASE IF NOT EXISTS `" + other_db + "`").ok());
  {
    auto here = open();
    auto [o, there] = try_open(with(options_, "url.database", other_db), url_);
    ASSERT_TRUE(o.ok()) << o;
    const std::string key = unique_key();
    EXPECT_TRUE(here->lock(key, 1).ok());
    EXPECT_TRUE(there->lock(key, 1).ok());
  }
  admin->execute("DROP DATABASE `" + other_db + "`");
}

TEST_F(MariadbLiveLock, NegativeTimeoutIsAUsageError) {
  auto s = open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->lock(unique_key(), -1).err.kind, RETORT_ERROR_USAGE);
}
