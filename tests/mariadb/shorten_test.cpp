#include "mariadb/shorten.hpp"

#include <gtest/gtest.h>

#include <string>

using retort::mariadb::shorten_statement;

TEST(MariadbShorten, ShortStatementsStayButOnOneLine) {
  EXPECT_EQ(shorten_statement("SELECT\n  1,\t2"), "SELECT 1, 2");
}

TEST(MariadbShorten, LeadingCommentsAreDropped) {
  EXPECT_EQ(shorten_statement("-- why\n# note\n/* more */ INSERT INTO t VALUES (1)"),
            "INSERT INTO t VALUES (1)");
  EXPECT_EQ(shorten_statement("/*!40101 SET x=1 */"), "/*!40101 SET x=1 */");
}

TEST(MariadbShorten, LongStatementsAreCutAndMarked) {
  const std::string s = "INSERT INTO t VALUES ('" + std::string(300, 'a') + "')";
  const std::string cut = shorten_statement(s);
  EXPECT_EQ(cut.size(), 120u);
  EXPECT_EQ(cut.substr(0, 23), "INSERT INTO t VALUES ('");
  EXPECT_EQ(cut.substr(117), "...");
}

TEST(MariadbShorten, CuttingNeverSplitsAUtf8Character) {
  std::string s = "SELECT '";
  for (int i = 0; i < 100; ++i) s += "\xE2\x82\xAC";  // €
  const std::string cut = shorten_statement(s, 20);
  EXPECT_EQ(cut, "SELECT '\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC...");
}
