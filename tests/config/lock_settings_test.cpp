// `lock` and `lock_lease` in retort.ini: the migration lock's mode and the
// lease of `lock = table`.
#include <gtest/gtest.h>

#include "host/config/settings.hpp"
#include "test_support.hpp"

namespace {

using host::Settings;
using test_support::TempDir;
using test_support::usage_error_of;

class LockSettingsTest : public ::testing::Test {
 protected:
  Settings read(const std::string& content) {
    dir.write("retort.ini", content);
    return host::resolve_settings({}, host::Environment(), dir.path());
  }
  std::string error_of(const std::string& content) {
    return usage_error_of([&] { read(content); });
  }

  TempDir dir;
};

TEST_F(LockSettingsTest, DefaultIsAutoWithAThirtySecondLease) {
  const Settings settings = read("[retort]\n");
  EXPECT_EQ(settings.lock, "auto");
  EXPECT_EQ(settings.lock_lease, 30);
}

TEST_F(LockSettingsTest, EachModeIsAcceptedInAnyCase) {
  EXPECT_EQ(read("[retort]\nlock = table\n").lock, "table");
  EXPECT_EQ(read("[retort]\nlock = NONE\n").lock, "none");
  EXPECT_EQ(read("[retort]\nlock = Advisory   ; forced\n").lock, "advisory");
  EXPECT_EQ(read("[retort]\nlock = AUTO   ; the default\n").lock, "auto");
}

TEST_F(LockSettingsTest, LeaseIsSecondsAndMayBeFractional) {
  EXPECT_EQ(read("[retort]\nlock = table\nlock_lease = 2.5\n").lock_lease, 2.5);
}

TEST_F(LockSettingsTest, UnknownModeNamesFileLineAndTheChoices) {
  EXPECT_EQ(error_of("[retort]\nlock = row\n"),
            "retort.ini:2: invalid value 'row' for lock: expected auto, advisory, table or none");
}

TEST_F(LockSettingsTest, LeaseMustBeAPositiveNumber) {
  EXPECT_EQ(error_of("[retort]\nlock_lease = 0\n"),
            "retort.ini:2: invalid value '0' for lock_lease: expected a number of seconds above 0");
  EXPECT_EQ(error_of("[retort]\n\nlock_lease = soon\n"),
            "retort.ini:3: invalid value 'soon' for lock_lease: expected a number of seconds above 0");
}

}  // namespace
