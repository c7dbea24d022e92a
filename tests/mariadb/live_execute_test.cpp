// Running scripts and transactions on the server.
#include "live_server.hpp"

#include <cstring>
#include <string>

using namespace retort::mariadb::test;

using MariadbLiveExecute = live_mariadb;

TEST_F(MariadbLiveExecute, RunsAMultiStatementScriptAndReturnsRowsAsText) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string t = "`" + table("t") + "`";
  outcome o = s->execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, name VARCHAR(20) NULL);\n"
                         "INSERT INTO " + t + " VALUES (1, 'it''s; fine');\n"
                         "SELECT 'a result set to drain';\n"
                         "INSERT INTO " + t + " VALUES (2, NULL); -- trailing comment");
  ASSERT_TRUE(o.ok()) << o;
  text_rows rows = s->query("SELECT id, name FROM " + t + " ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "1");
  EXPECT_EQ(rows[0][1], "it's; fine");
  EXPECT_EQ(rows[1][0], "2");
  EXPECT_EQ(rows[1][1], std::nullopt);
}

TEST_F(MariadbLiveExecute, FailingStatementNamesItsIndexErrnoSqlstateAndEarlierOnesStay) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string t = "`" + table("t") + "`";
  const std::string missing = table("missing");
  outcome o = s->execute("-- a revision\nCREATE TABLE " + t + " (id INT);\n"
                         "/* first row */ INSERT INTO " + t + " VALUES (1);\n"
                         "INSERT INTO `" + missing + "` VALUES (1);\n"
                         "INSERT INTO " + t + " VALUES (2);");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.err.statement_index, 2);
  EXPECT_EQ(o.err.native_code, 1146);
  EXPECT_STREQ(o.err.sqlstate, "42S02");
  const std::string m = o.err.message;
  EXPECT_NE(m.find("statement 3 failed"), std::string::npos) << m;
  EXPECT_NE(m.find("statement: INSERT INTO `" + missing + "` VALUES (1)"), std::string::npos) << m;
  EXPECT_EQ(s->value("SELECT COUNT(*) FROM " + t), "1") << "statements before the failure stay";
}

TEST_F(MariadbLiveExecute, CommentOnlyPiecesDoNotShiftTheStatementIndex) {
  auto s = open();
  ASSERT_TRUE(s);
  outcome o = s->execute("SELECT 1; -- just a note\n; SELECT 2; SELECT no_such_column;");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.statement_index, 2) << o;
  EXPECT_EQ(o.err.native_code, 1054);
}

TEST_F(MariadbLiveExecute, LongFailingStatementIsShortenedInTheMessage) {
  auto s = open();
  ASSERT_TRUE(s);
  outcome o = s->execute("SELECT '" + std::string(500, 'x') + "' FROM no_such_table");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.statement_index, 0);
  EXPECT_NE(std::strstr(o.err.message, "xxx..."), nullptr) << o.err.message;
  EXPECT_LT(std::strlen(o.err.message), 400u);
}

TEST_F(MariadbLiveExecute, ConnectionStaysUsableAfterAFailure) {
  auto s = open();
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->execute("SELECT 1; SELECT nope; SELECT 3").ok());
  EXPECT_EQ(s->value("SELECT 42"), "42");
}

TEST_F(MariadbLiveExecute, EmptyOrCommentOnlyScriptIsANoOp) {
  auto s = open();
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->execute("").ok());
  EXPECT_TRUE(s->execute("  -- nothing to do\n/* really */").ok());
}

TEST_F(MariadbLiveExecute, CompoundStatementsRunWithAndWithoutDelimiterLines) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string t = table("t");
  const std::string p = t + "_p";
  const std::string f = t + "_f";
  ASSERT_TRUE(s->execute("CREATE TABLE `" + t + "` (n INT)").ok());
  outcome plain = s->execute(
      "CREATE PROCEDURE `" + p + "`(IN k INT) BEGIN\n"
      "  DECLARE i INT DEFAULT 0;\n"
      "  WHILE i < k DO INSERT INTO `" + t + "` VALUES (IF(i > 0, i, 100)); SET i = i + 1; END WHILE;\n"
      "END;\n"
      "CALL `" + p + "`(3);\n"
      "DROP PROCEDURE `" + p + "`;");
  ASSERT_TRUE(plain.ok()) << plain;
  outcome delimited = s->execute(
      "DELIMITER $$\n"
      "CREATE FUNCTION `" + f + "`(a INT) RETURNS INT DETERMINISTIC BEGIN RETURN a * 2; END$$\n"
      "DELIMITER ;\n"
      "INSERT INTO `" + t + "` VALUES (`" + f + "`(21));\n"
      "DROP FUNCTION `" + f + "`;");
  ASSERT_TRUE(delimited.ok()) << delimited;
  EXPECT_EQ(s->value("SELECT GROUP_CONCAT(n ORDER BY n) FROM `" + t + "`"), "1,2,42,100");
}

TEST_F(MariadbLiveExecute, DelimiterScriptFailureNamesTheStatement) {
  auto s = open();
  ASSERT_TRUE(s);
  outcome o = s->execute("DELIMITER //\nSELECT 1//\nSELECT nope//\nSELECT 3//");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.statement_index, 1);
  EXPECT_NE(std::strstr(o.err.message, "statement: SELECT nope"), nullptr) << o.err.message;
}

TEST_F(MariadbLiveExecute, RollbackUndoesRowsAndCommitKeepsThem) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string t = "`" + table("t") + "`";
  ASSERT_TRUE(s->execute("CREATE TABLE " + t + " (id INT) ENGINE=InnoDB").ok());
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->execute("INSERT INTO " + t + " VALUES (1)").ok());
  ASSERT_TRUE(s->rollback().ok());
  EXPECT_EQ(s->value("SELECT COUNT(*) FROM " + t), "0");
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->execute("INSERT INTO " + t + " VALUES (2)").ok());
  ASSERT_TRUE(s->commit().ok());
  auto other = open();
  ASSERT_TRUE(other);
  EXPECT_EQ(other->value("SELECT COUNT(*) FROM " + t), "1");
}

TEST_F(MariadbLiveExecute, QueryErrorsCarryErrnoSqlstateAndTheStatement) {
  auto s = open();
  ASSERT_TRUE(s);
  outcome o = s->try_query("SELECT * FROM no_such_table_here");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.err.native_code, 1146);
  EXPECT_STREQ(o.err.sqlstate, "42S02");
  EXPECT_NE(std::strstr(o.err.message, "statement: SELECT * FROM no_such_table_here"), nullptr)
      << o.err.message;
  EXPECT_EQ(s->value("SELECT 7"), "7");
}
