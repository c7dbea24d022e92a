// Error messages, text helpers and the advisory-lock pieces that need no server.
#include "postgresql/advisory_lock.hpp"
#include "postgresql/errors.hpp"
#include "postgresql/quote.hpp"
#include "postgresql/text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pg = retort::postgresql;

TEST(PostgresqlServerMessage, KeepsPrimaryDetailAndHintOnOneLine) {
  EXPECT_EQ(pg::server_message("ERROR:  relation \"nope\" does not exist\nLINE 1: SELECT * FROM nope\n"
                               "                      ^\n"),
            "relation \"nope\" does not exist");
  EXPECT_EQ(pg::server_message("ERROR:  duplicate key value violates unique constraint \"t_pkey\"\n"
                               "DETAIL:  Key (id)=(1) already exists.\nHINT:  Try another.\n"
                               "CONTEXT:  SQL statement \"...\"\n"),
            "duplicate key value violates unique constraint \"t_pkey\"; detail: Key (id)=(1) already exists.; "
            "hint: Try another.");
}

TEST(PostgresqlConnectFailureMessage, IsOneLineAndScrubsThePassword) {
  const std::string message = pg::connect_failure_message(
      "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
      "\tIs the server running on that host and accepting TCP/IP connections?\n"
      "password was hunter2\n",
      "hunter2");
  EXPECT_EQ(message,
            "cannot connect to PostgreSQL: connection to server at \"127.0.0.1\", port 1 failed: Connection "
            "refused Is the server running on that host and accepting TCP/IP connections? password was ***");
}

TEST(PostgresqlText, ShortenCutsLongStatementsOnACharacterBoundary) {
  EXPECT_EQ(pg::shorten("SELECT\n  1"), "SELECT 1");
  const std::string long_sql(200, 'x');
  EXPECT_EQ(pg::shorten(long_sql).size(), 120u);
  EXPECT_EQ(pg::shorten(long_sql).substr(117), "...");
  const std::string utf8 = std::string(116, 'a') + "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";  // é x4
  EXPECT_EQ(pg::shorten(utf8), std::string(116, 'a') + "...");
}

TEST(PostgresqlText, ScrubReplacesEveryOccurrence) {
  EXPECT_EQ(pg::scrub("pw pw pwx", "pw"), "*** *** ***x");
  EXPECT_EQ(pg::scrub("nothing", ""), "nothing");
  EXPECT_EQ(pg::scrub("a*a", "a"), "*******");
  EXPECT_EQ(pg::scrub("***", "*"), "*********");  // the mask itself is never rescanned
}

TEST(PostgresqlQuote, IdentifiersAndLiterals) {
  EXPECT_EQ(pg::quote_identifier("users"), "\"users\"");
  EXPECT_EQ(pg::quote_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(pg::quote_identifier(""), "\"\"");
  EXPECT_EQ(pg::quote_literal("it's"), "'it''s'");
  EXPECT_EQ(pg::quote_literal(R"(back\slash)"), R"('back\slash')");
}

TEST(PostgresqlAdvisoryLock, KeyIsFnv1a64AsASignedBigint) {
  // Published FNV-1a 64 test vectors.
  EXPECT_EQ(static_cast<std::uint64_t>(pg::advisory_lock_key("")), 0xcbf29ce484222325ull);
  EXPECT_EQ(static_cast<std::uint64_t>(pg::advisory_lock_key("a")), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(static_cast<std::uint64_t>(pg::advisory_lock_key("foobar")), 0x85944171f73967e8ull);
  EXPECT_LT(pg::advisory_lock_key(""), 0);  // high bit set: negative bigint
  EXPECT_NE(pg::advisory_lock_key("retort_version"), pg::advisory_lock_key("retort_versioN"));
}

TEST(PostgresqlAdvisoryLock, PgLocksSplitsTheKeyIntoClassidAndObjid) {
  const auto ids = pg::lock_ids(static_cast<std::int64_t>(0xcbf29ce484222325ull));
  EXPECT_EQ(ids.classid, 0xcbf29ce4u);
  EXPECT_EQ(ids.objid, 0x84222325u);
}

TEST(PostgresqlAdvisoryLock, LockTimeoutSettingInMilliseconds) {
  EXPECT_EQ(pg::lock_timeout_setting(0.3), "300ms");
  EXPECT_EQ(pg::lock_timeout_setting(60), "60000ms");
  EXPECT_EQ(pg::lock_timeout_setting(0.0001), "1ms");
  EXPECT_EQ(pg::lock_timeout_setting(1e12), "0");
  EXPECT_EQ(pg::lock_timeout_setting(std::numeric_limits<double>::infinity()), "0");
}

TEST(PostgresqlAdvisoryLock, TimeoutMessageNamesTheHolder) {
  pg::lock_holder holder{"4242", "retort", "127.0.0.1", "2024-05-01T10:00:00Z"};
  EXPECT_EQ(pg::lock_timeout_message("retort_version", 0.3, holder),
            "migration lock \"retort_version\" not acquired within 0.3 s: held by pid 4242 (application "
            "\"retort\", client 127.0.0.1, connected since 2024-05-01T10:00:00Z)");
  EXPECT_EQ(pg::lock_timeout_message("k", 60, pg::lock_holder{"7", std::nullopt, std::nullopt, std::nullopt}),
            "migration lock \"k\" not acquired within 60 s: held by pid 7");
  EXPECT_EQ(pg::lock_timeout_message("k", 1, std::nullopt),
            "migration lock \"k\" not acquired within 1 s: held by another session");
}
