// A driver's message keeps its names when the password is also a word
// (issue 17: user and password `retort`, database retort_kr_1).
#include <retort/abi.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "host/abi/database_error.hpp"
#include "host/abi/error_report.hpp"

namespace {

std::string message_of(const char* plugin_message, std::string_view secret) {
  host::ErrorReport report;
  std::strncpy(report.get()->message, plugin_message, sizeof report.get()->message - 1);
  report.get()->kind = RETORT_ERROR_DATABASE;
  try {
    report.raise("postgresql", "connect", secret);
  } catch (const host::DatabaseError& e) {
    return e.what();
  }
  return "not raised";
}

TEST(DatabaseErrorMasking, PasswordThatIsAWordLeavesTheDatabaseNameAlone) {
  EXPECT_EQ(message_of("FATAL: database \"retort_kr_1\" does not exist", "retort"),
            "postgresql: FATAL: database \"retort_kr_1\" does not exist");
}

TEST(DatabaseErrorMasking, PasswordEchoedFromTheConnectionStringIsMasked) {
  EXPECT_EQ(message_of("invalid connection option in \"user=retort password=retort dbname=retort_kr_1\"", "retort"),
            "postgresql: invalid connection option in \"user=*** password=*** dbname=retort_kr_1\"");
  EXPECT_EQ(message_of("bad password s3cr3t-pw given", "s3cr3t-pw"), "postgresql: bad password *** given");
}

}  // namespace

namespace {

bool lost_after(const char* sqlstate, std::uint32_t flags) {
  host::ErrorReport report;
  std::strncpy(report.get()->sqlstate, sqlstate, sizeof report.get()->sqlstate - 1);
  report.get()->kind = RETORT_ERROR_DATABASE;
  report.get()->flags = flags;
  try {
    report.raise("somedb", "execute", "");
  } catch (const host::DatabaseError& e) {
    return host::is_connection_lost(e);
  }
  return false;
}

// The dialect says what a failure means for the connection (ABI 1.2); the
// host keeps no table of one engine's codes, only the standard's class 08
// for dialects too old to say.
TEST(ConnectionLost, IsWhatTheDialectFlagsOrTheStandardsClass08) {
  EXPECT_TRUE(lost_after("57P01", RETORT_ERROR_FLAG_CONNECTION_LOST));
  EXPECT_TRUE(lost_after("", RETORT_ERROR_FLAG_CONNECTION_LOST));
  EXPECT_TRUE(lost_after("08006", 0));
  EXPECT_FALSE(lost_after("57P01", 0));
  EXPECT_FALSE(lost_after("42P01", 0));
}

}  // namespace
