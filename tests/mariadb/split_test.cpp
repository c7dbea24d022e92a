// Splitting scripts: quoting, comments and DELIMITER lines.
#include "mariadb/split.hpp"
#include "plugin_under_test.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace retort::mariadb;
using strings = std::vector<std::string>;

namespace {

strings split(std::string_view script) {
  strings out;
  for (std::string_view s : split_statements(script)) out.emplace_back(s);
  return out;
}

}  // namespace

TEST(MariadbSplitter, SplitsOnSemicolonsAndTrims) {
  EXPECT_EQ(split("SELECT 1; SELECT 2;"), (strings{"SELECT 1", "SELECT 2"}));
  EXPECT_EQ(split("  SELECT 1  ;\n\n  SELECT 2  \n"), (strings{"SELECT 1", "SELECT 2"}));
}

TEST(MariadbSplitter, EmptyAndCommentOnlyStatementsAreDropped) {
  EXPECT_EQ(split("SELECT 1;;  ; -- tail\n/* x */;  # more\n"), (strings{"SELECT 1"}));
  EXPECT_EQ(split(""), strings{});
  EXPECT_EQ(split("  \n\t"), strings{});
  EXPECT_EQ(split("-- only a comment"), strings{});
}

TEST(MariadbSplitter, SemicolonsInSingleQuotedStringsWithBothEscapes) {
  EXPECT_EQ(split("INSERT INTO t VALUES ('a;b', 'it''s;', 'back\\';slash'); SELECT 2"),
            (strings{"INSERT INTO t VALUES ('a;b', 'it''s;', 'back\\';slash')", "SELECT 2"}));
}

TEST(MariadbSplitter, EscapedBackslashEndsBeforeTheQuote) {
  EXPECT_EQ(split("SELECT 'a\\\\'; SELECT 2"), (strings{"SELECT 'a\\\\'", "SELECT 2"}));
}

TEST(MariadbSplitter, SemicolonsInDoubleQuotedStrings) {
  EXPECT_EQ(split("SELECT \"x;\"\"y\\\";\"; SELECT 2"),
            (strings{"SELECT \"x;\"\"y\\\";\"", "SELECT 2"}));
}

TEST(MariadbSplitter, BacktickIdentifiersDoubleBackticksAndKeepBackslashes) {
  EXPECT_EQ(split("SELECT 1 AS `a;``b`; SELECT `c\\`; SELECT 3"),
            (strings{"SELECT 1 AS `a;``b`", "SELECT `c\\`", "SELECT 3"}));
}

TEST(MariadbSplitter, QuotesInsideCommentsAndCommentsInsideQuotesAreInert) {
  EXPECT_EQ(split("SELECT 1 -- it's; fine\n; SELECT '/* no;' /* it's; */; SELECT '#;'"),
            (strings{"SELECT 1 -- it's; fine", "SELECT '/* no;' /* it's; */", "SELECT '#;'"}));
}

TEST(MariadbSplitter, DashDashNeedsWhitespaceToBeAComment) {
  EXPECT_EQ(split("SELECT 1--1; SELECT 2"), (strings{"SELECT 1--1", "SELECT 2"}));
  EXPECT_EQ(split("SELECT 1 --\tc;\nSELECT 2"), (strings{"SELECT 1 --\tc;\nSELECT 2"}));
  EXPECT_EQ(split("SELECT 1; --"), (strings{"SELECT 1"}));
}

TEST(MariadbSplitter, HashCommentsRunToTheEndOfTheLine) {
  EXPECT_EQ(split("SELECT 1 # a;b\n; SELECT 2"), (strings{"SELECT 1 # a;b", "SELECT 2"}));
}

TEST(MariadbSplitter, ExecutableCommentsAreStatements) {
  EXPECT_EQ(split("/*!40101 SET @x = 1 */;\n/*M!100100 SET @y = 2 */; /* plain */"),
            (strings{"/*!40101 SET @x = 1 */", "/*M!100100 SET @y = 2 */"}));
  EXPECT_EQ(split("/*!50003 CREATE a; b */; SELECT 1"),
            (strings{"/*!50003 CREATE a; b */", "SELECT 1"}));
}

TEST(MariadbSplitter, LeadingCommentsStayWithTheirStatement) {
  EXPECT_EQ(split("-- create users\nCREATE TABLE u (id INT);"),
            (strings{"-- create users\nCREATE TABLE u (id INT)"}));
}

TEST(MariadbSplitter, UnterminatedQuoteMakesTheRestOneStatement) {
  EXPECT_EQ(split("SELECT 1; SELECT 'abc; SELECT 3"), (strings{"SELECT 1", "SELECT 'abc; SELECT 3"}));
  EXPECT_EQ(split("SELECT `abc; SELECT 3"), (strings{"SELECT `abc; SELECT 3"}));
  EXPECT_EQ(split("SELECT 'ends in backslash\\"), (strings{"SELECT 'ends in backslash\\"}));
}

TEST(MariadbSplitter, UnterminatedCommentIsKeptForTheServerToReport) {
  EXPECT_EQ(split("SELECT 1; /* open; SELECT 2"), (strings{"SELECT 1", "/* open; SELECT 2"}));
}

TEST(MariadbSplitter, DelimiterLinesSwitchTheDelimiterAndAreNotStatements) {
  EXPECT_EQ(split("DELIMITER $$\n"
                  "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\n"
                  "DELIMITER ;\n"
                  "CALL p();"),
            (strings{"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()"}));
}

TEST(MariadbSplitter, DelimiterCommandIsCaseInsensitiveAndAnyString) {
  EXPECT_EQ(split("delimiter //\nSELECT 1; SELECT 2//\n  Delimiter ;;\nSELECT 3;;SELECT 4;;"),
            (strings{"SELECT 1; SELECT 2", "SELECT 3", "SELECT 4"}));
}

TEST(MariadbSplitter, CustomDelimiterInsideStringsAndCommentsDoesNotSplit) {
  EXPECT_EQ(split("DELIMITER $$\nSELECT '$$' /* $$ */ -- $$\n$$ SELECT 2$$"),
            (strings{"SELECT '$$' /* $$ */ -- $$", "SELECT 2"}));
}

TEST(MariadbSplitter, CustomDelimiterEndsAWordItTouches) {
  EXPECT_EQ(split("DELIMITER $$\nCREATE PROCEDURE p() BEGIN END$$CALL p()$$"),
            (strings{"CREATE PROCEDURE p() BEGIN END", "CALL p()"}));
}

TEST(MariadbSplitter, DelimiterLinesWithWindowsLineEndings) {
  EXPECT_EQ(split("DELIMITER $$\r\nSELECT 1$$\r\nDELIMITER ;\r\nSELECT 2;\r\n"),
            (strings{"SELECT 1", "SELECT 2"}));
}

TEST(MariadbSplitter, DelimiterWordInsideAStatementIsNotACommand) {
  EXPECT_EQ(split("SELECT a\nDELIMITER $$"), (strings{"SELECT a\nDELIMITER $$"}));
  EXPECT_EQ(split("SELECT delimiters FROM t; SELECT 2"),
            (strings{"SELECT delimiters FROM t", "SELECT 2"}));
}

TEST(MariadbSplitter, DelimiterWithoutDelimiterIsAUsageErrorNamingTheLine) {
  try {
    split("SELECT 1;\nDELIMITER\nSELECT 2");
    FAIL() << "accepted a bare DELIMITER";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_NE(std::string(f.what()).find("line 2"), std::string::npos) << f.what();
  }
}

TEST(MariadbSplitter, LayoutKeepsCommentOnlyPiecesAsTheServerCountsThem) {
  script_layout l = scan_script("SELECT 1; -- note\n; SELECT 2;  ");
  ASSERT_EQ(l.pieces.size(), 3u);
  EXPECT_TRUE(l.pieces[0].significant);
  EXPECT_FALSE(l.pieces[1].significant);
  EXPECT_EQ(l.pieces[1].text, "-- note");
  EXPECT_EQ(l.pieces[2].text, "SELECT 2");
  EXPECT_FALSE(l.has_delimiter_lines);
  EXPECT_TRUE(scan_script("DELIMITER $$\nSELECT 1$$").has_delimiter_lines);
}

TEST(MariadbSplitter, SplitThroughThePluginSendsEachStatementToTheSink) {
  retort::mariadb::test::plugin_under_test plugin;
  strings got;
  retort_statement_sink sink{&got, [](void* c, const char* d, size_t n) {
                               static_cast<strings*>(c)->emplace_back(d, n);
                             }};
  const std::string script = "CREATE TABLE a (x INT);\nINSERT INTO a VALUES (';');";
  retort_error err = retort::mariadb::test::fresh_error();
  ASSERT_EQ(plugin.dialect().split(retort::str(script), &sink, &err), RETORT_OK) << err.message;
  EXPECT_EQ(got, (strings{"CREATE TABLE a (x INT)", "INSERT INTO a VALUES (';')"}));
}

TEST(MariadbSplitter, EveryPrefixOfANastyScriptSplitsIntoPiecesOfIt) {
  const std::string script =
      "-- header\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 'a;''b\\'c'; IF x THEN "
      "SELECT `q``;`; END IF; END$$\nDELIMITER ;\n/*!40101 SET @a=1 */; # c\nSELECT \"d;\"\"e\" "
      "/* f; */ FROM t; BEGIN NOT ATOMIC CASE WHEN 1 THEN SELECT 1; END CASE; END; --";
  for (std::size_t n = 0; n <= script.size(); ++n) {
    const std::string_view prefix = std::string_view(script).substr(0, n);
    std::vector<std::string_view> statements;
    try {
      statements = split_statements(prefix);
    } catch (const retort::failure& f) {
      EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << "prefix " << n;  // a cut "DELIMITER "
      continue;
    }
    for (std::string_view s : statements) {
      EXPECT_FALSE(s.empty()) << "prefix " << n;
      EXPECT_GE(s.data(), prefix.data()) << "prefix " << n;
      EXPECT_LE(s.data() + s.size(), prefix.data() + prefix.size()) << "prefix " << n;
    }
  }
}
