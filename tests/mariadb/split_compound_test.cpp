// Compound statements (routines, triggers, events, BEGIN NOT ATOMIC): their
// bodies' semicolons do not split, without any DELIMITER line.
#include "mariadb/split.hpp"

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

TEST(MariadbSplitterCompound, ProcedureBodyIsOneStatement) {
  EXPECT_EQ(split("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END; CALL p();"),
            (strings{"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()"}));
}

TEST(MariadbSplitterCompound, NestedBlocksOfEveryKind) {
  const std::string body =
      "CREATE PROCEDURE p(IN n INT)\n"
      "BEGIN\n"
      "  DECLARE i INT DEFAULT 0;\n"
      "  outer_loop: LOOP\n"
      "    SET i = i + 1;\n"
      "    IF i > n THEN LEAVE outer_loop; ELSEIF i = 2 THEN SELECT 2; ELSE SELECT 3; END IF;\n"
      "    CASE i WHEN 1 THEN SELECT 'one;'; ELSE BEGIN SELECT 'other'; END; END CASE;\n"
      "    WHILE i < 0 DO SET i = i + 1; END WHILE;\n"
      "    REPEAT SET i = i + 0; UNTIL TRUE END REPEAT;\n"
      "  END LOOP outer_loop;\n"
      "END";
  EXPECT_EQ(split(body + ";\nSELECT 9;"), (strings{body, "SELECT 9"}));
}

TEST(MariadbSplitterCompound, IfAndRepeatFunctionsDoNotOpenBlocks) {
  const std::string f =
      "CREATE FUNCTION f(a INT) RETURNS VARCHAR(20) DETERMINISTIC\n"
      "BEGIN\n"
      "  DECLARE x INT DEFAULT IF(a > 0, 1, 2);\n"
      "  SET x = x + IF (a, 1, 0);\n"
      "  RETURN REPEAT('a', x);\n"
      "END";
  EXPECT_EQ(split(f + ";\nSELECT f(1);"), (strings{f, "SELECT f(1)"}));
}

TEST(MariadbSplitterCompound, IfExistsInsideABodyDoesNotOpenABlock) {
  const std::string p =
      "CREATE PROCEDURE p() BEGIN DROP TABLE IF EXISTS t; CREATE TABLE IF NOT EXISTS t (x INT); END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, CaseExpressionEndsWithPlainEnd) {
  const std::string p =
      "CREATE PROCEDURE p(a INT) BEGIN SET @x = CASE WHEN a THEN IF(a, 1, 2) ELSE 3 END; "
      "SELECT CASE a WHEN 1 THEN 'x' END; END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, TriggerWithBlockOrBareIfBody) {
  const std::string a =
      "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END";
  const std::string b =
      "CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; "
      "END IF";
  EXPECT_EQ(split(a + ";\n" + b + ";\nINSERT INTO t VALUES (1);"),
            (strings{a, b, "INSERT INTO t VALUES (1)"}));
}

TEST(MariadbSplitterCompound, EventBody) {
  const std::string e =
      "CREATE EVENT IF NOT EXISTS purge ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM log; "
      "DELETE FROM tmp; END";
  EXPECT_EQ(split(e + "; SELECT 1;"), (strings{e, "SELECT 1"}));
  const std::string alter = "ALTER EVENT purge DO BEGIN DELETE FROM log; END";
  EXPECT_EQ(split(alter + "; SELECT 1;"), (strings{alter, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, DefinerAndOrReplaceAreUnderstood) {
  const std::string a =
      "CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN SELECT 1; END";
  const std::string b =
      "CREATE OR REPLACE DEFINER = CURRENT_USER() TRIGGER tr AFTER INSERT ON t FOR EACH ROW "
      "BEGIN INSERT INTO log VALUES (1); END";
  const std::string c =
      "CREATE DEFINER='u'@'%' FUNCTION IF NOT EXISTS f() RETURNS INT BEGIN RETURN 1; END";
  const std::string d = "CREATE DEFINER=admin@localhost PROCEDURE q() BEGIN SELECT 1; END";
  EXPECT_EQ(split(a + ";" + b + ";" + c + ";" + d + ";"), (strings{a, b, c, d}));
}

TEST(MariadbSplitterCompound, AnonymousBlockBeginNotAtomic) {
  const std::string block = "BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; SELECT x; END";
  EXPECT_EQ(split(block + "; SELECT 2"), (strings{block, "SELECT 2"}));
}

TEST(MariadbSplitterCompound, TransactionBeginIsAPlainStatement) {
  EXPECT_EQ(split("BEGIN; INSERT INTO t VALUES (1); COMMIT;"),
            (strings{"BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"}));
  EXPECT_EQ(split("BEGIN WORK; SELECT 1"), (strings{"BEGIN WORK", "SELECT 1"}));
}

TEST(MariadbSplitterCompound, TablesNamedLikeRoutineKindsAreNotCompound) {
  EXPECT_EQ(split("CREATE TABLE event (id INT); INSERT INTO event VALUES (1)"),
            (strings{"CREATE TABLE event (id INT)", "INSERT INTO event VALUES (1)"}));
  EXPECT_EQ(split("CREATE TABLE `procedure` (b INT); CREATE INDEX begin_ix ON t (b); SELECT 1"),
            (strings{"CREATE TABLE `procedure` (b INT)", "CREATE INDEX begin_ix ON t (b)",
                     "SELECT 1"}));
}

TEST(MariadbSplitterCompound, VariablesAndQualifiedNamesAreNotKeywords) {
  const std::string p =
      "CREATE PROCEDURE p() BEGIN SET @begin = 1; SELECT t.end, t.`if` FROM t; SET @@session.sql_mode = ''; END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, ForLoopsAndForInOtherMeanings) {
  const std::string p =
      "CREATE PROCEDURE p() BEGIN\n"
      "  DECLARE c CURSOR FOR SELECT 1;\n"
      "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SELECT 'err'; END;\n"
      "  FOR i IN 1..3 DO SELECT i; END FOR;\n"
      "  SELECT * FROM t FOR UPDATE;\n"
      "END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, ElseIfWithASpaceNestsAnotherIf) {
  const std::string p =
      "CREATE PROCEDURE p(a INT) BEGIN IF a = 1 THEN SELECT 1; ELSE IF a = 2 THEN SELECT 2; "
      "END IF; END IF; END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, RoutineWithSingleStatementBodyEndsAtItsSemicolon) {
  EXPECT_EQ(split("CREATE FUNCTION f() RETURNS INT RETURN 1; SELECT f()"),
            (strings{"CREATE FUNCTION f() RETURNS INT RETURN 1", "SELECT f()"}));
}

TEST(MariadbSplitterCompound, KeywordsInStringsAndCommentsOfABodyAreInert) {
  const std::string p =
      "CREATE PROCEDURE p() BEGIN SELECT 'END; BEGIN'; -- END;\n /* END IF; */ SELECT \"END\"; END";
  EXPECT_EQ(split(p + "; SELECT 1"), (strings{p, "SELECT 1"}));
}

TEST(MariadbSplitterCompound, UnbalancedBodyRunsToTheEnd) {
  EXPECT_EQ(split("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2;"),
            (strings{"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2;"}));
}
