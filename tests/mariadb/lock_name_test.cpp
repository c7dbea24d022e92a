#include "mariadb/lock_name.hpp"

#include <gtest/gtest.h>

#include <string>

using retort::mariadb::lock_name;

TEST(MariadbLockName, ShortNamesAreReadable) {
  EXPECT_EQ(lock_name("shop", "retort_version"), "retort:shop:retort_version");
  EXPECT_EQ(lock_name("", "k"), "retort::k");
}

TEST(MariadbLockName, DatabasesGetDifferentLocksForTheSameKey) {
  EXPECT_NE(lock_name("a", "retort_version"), lock_name("b", "retort_version"));
}

TEST(MariadbLockName, LongNamesAreHashedToSixtyFourCharacters) {
  const std::string key(200, 'k');
  const std::string name = lock_name("db", key);
  EXPECT_EQ(name.size(), 64u);
  EXPECT_EQ(name.substr(0, 10), "retort:db:");
  EXPECT_EQ(name[47], '~');
  EXPECT_EQ(name, lock_name("db", key)) << "the name must be stable";
  EXPECT_NE(name, lock_name("db", key + "x"));
}

TEST(MariadbLockName, HashIsStableAcrossBuilds) {
  // FNV-1a of the full name; pinned so every retort version agrees.
  const std::string name = lock_name("db", std::string(100, 'x'));
  EXPECT_EQ(name.substr(48), "7b3bdca503bfd249") << name;
}

TEST(MariadbLockName, CuttingNeverSplitsAUtf8Character) {
  std::string key;
  for (int i = 0; i < 60; ++i) key += "\xC3\xA9";  // é
  const std::string name = lock_name("db", key);
  EXPECT_LE(name.size(), 64u);
  const std::size_t tilde = name.find('~');
  ASSERT_NE(tilde, std::string::npos);
  // What precedes the hash is whole characters: an even number of é bytes.
  EXPECT_EQ((tilde - std::string("retort:db:").size()) % 2, 0u);
}
