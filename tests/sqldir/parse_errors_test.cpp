// Every way a revision file can be wrong, and the one line that says where
// and what was expected.
#include "parse.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

// The message parse_sql_revision() throws for `content`, or a note that it
// did not throw; the kind must be RETORT_ERROR_REVISION.
std::string error_for(const std::string& content) {
  try {
    sqldir::parse_sql_revision("migrations/002_add.sql", content);
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION) << f.what();
    return f.what();
  }
  return "(parsed without error)";
}

const std::string expected_names =
    "(expected revision, down_revision, message, branch_labels, depends_on, transactional, upgrade, downgrade)";

}  // namespace

TEST(SqldirParseError, UnknownDirectiveIsNamedWithTheKnownOnes) {
  EXPECT_EQ(error_for("-- retort:revision abc\n"
                      "-- retort:message add\n"
                      "-- retort:donw_revision def\n"
                      "-- retort:upgrade\n"),
            "migrations/002_add.sql:3: unknown directive 'retort:donw_revision' " + expected_names);
}

TEST(SqldirParseError, MistypedMarkerInsideAScriptIsNotSentAsSql) {
  EXPECT_EQ(error_for("-- retort:revision abc\n"
                      "-- retort:upgrade\n"
                      "CREATE TABLE t (id INT);\n"
                      "-- Retort:downgarde\n"
                      "DROP TABLE t;\n"),
            "migrations/002_add.sql:4: unknown directive 'Retort:downgarde' " + expected_names);
}

TEST(SqldirParseError, DirectiveWithoutANameIsUnknown) {
  EXPECT_EQ(error_for("-- retort: revision abc\n"),
            "migrations/002_add.sql:1: unknown directive 'retort:' " + expected_names);
}

TEST(SqldirParseError, DuplicateDirectiveNamesTheEarlierLine) {
  EXPECT_EQ(error_for("-- retort:revision abc\n"
                      "-- retort:message one\n"
                      "\n"
                      "-- retort:message two\n"
                      "-- retort:upgrade\n"),
            "migrations/002_add.sql:4: duplicate '-- retort:message' (first at line 2)");
}

TEST(SqldirParseError, MissingRevisionLine) {
  EXPECT_EQ(error_for("-- retort:message add\n-- retort:upgrade\nSELECT 1;\n"),
            "migrations/002_add.sql: no '-- retort:revision' line");
  EXPECT_EQ(error_for(""), "migrations/002_add.sql: no '-- retort:revision' line");
}

TEST(SqldirParseError, MissingUpgradeMarker) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:message add\n"),
            "migrations/002_add.sql: no '-- retort:upgrade' line");
}

TEST(SqldirParseError, InvalidRevisionIdIsQuoted) {
  const std::string rule = " (expected 1 to 64 of A-Z a-z 0-9 _)";
  EXPECT_EQ(error_for("-- retort:revision abc-def\n-- retort:upgrade\n"),
            "migrations/002_add.sql:1: invalid revision id 'abc-def'" + rule);
  EXPECT_EQ(error_for("\n-- retort:revision\n-- retort:upgrade\n"),
            "migrations/002_add.sql:2: invalid revision id ''" + rule);
  EXPECT_EQ(error_for("-- retort:revision " + std::string(65, 'a') + "\n-- retort:upgrade\n"),
            "migrations/002_add.sql:1: invalid revision id '" + std::string(65, 'a') + "'" + rule);
  EXPECT_EQ(error_for("-- retort:revision " + std::string(100, 'b') + "\n"),
            "migrations/002_add.sql:1: invalid revision id '" + std::string(80, 'b') + "...'" + rule);
}

TEST(SqldirParseError, InvalidParentIdIsQuoted) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:down_revision def, g h\n"),
            "migrations/002_add.sql:2: invalid revision id 'g h' in down_revision (expected 1 to 64 of A-Z a-z 0-9 _)");
}

TEST(SqldirParseError, EmptyListItemsAreRejected) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:down_revision def,,ghi\n"),
            "migrations/002_add.sql:2: empty item in down_revision 'def,,ghi'");
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:branch_labels shop,\n"),
            "migrations/002_add.sql:2: empty item in branch_labels 'shop,'");
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:depends_on , x\n"),
            "migrations/002_add.sql:2: empty item in depends_on ', x'");
}

TEST(SqldirParseError, RepeatedListItemIsRejected) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:down_revision def, ghi, def\n"),
            "migrations/002_add.sql:2: 'def' listed twice in down_revision");
}

TEST(SqldirParseError, InvalidBranchLabelAndDependency) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:branch_labels shop@head\n"),
            "migrations/002_add.sql:2: invalid branch label 'shop@head' (expected 1 to 64 of A-Z a-z 0-9 _ -)");
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:depends_on a:b\n"),
            "migrations/002_add.sql:2: invalid depends_on item 'a:b' "
            "(expected a revision id or branch label: 1 to 64 of A-Z a-z 0-9 _ -)");
}

// The host's graph refuses a label with a dot; sqldir reads labels by the
// same rule (retort/sdk/spelling.hpp), so the file's own line is named.
TEST(SqldirParseError, BranchLabelWithADotIsRefusedAsTheGraphRefusesIt) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:branch_labels shop.v2\n"),
            "migrations/002_add.sql:2: invalid branch label 'shop.v2' (expected 1 to 64 of A-Z a-z 0-9 _ -)");
}

TEST(SqldirParseError, BadTransactionalValue) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:transactional maybe\n-- retort:upgrade\n"),
            "migrations/002_add.sql:2: invalid transactional value 'maybe' (expected true, false, yes, no, 1 or 0)");
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:transactional\n"),
            "migrations/002_add.sql:2: invalid transactional value '' (expected true, false, yes, no, 1 or 0)");
}

TEST(SqldirParseError, DowngradeBeforeUpgrade) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:downgrade\nDROP TABLE t;\n-- retort:upgrade\n"),
            "migrations/002_add.sql:2: '-- retort:downgrade' before '-- retort:upgrade'");
}

TEST(SqldirParseError, SecondUpgradeMarker) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade\nSELECT 1;\n-- retort:upgrade\n"),
            "migrations/002_add.sql:4: second '-- retort:upgrade' (first at line 2)");
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade\n-- retort:downgrade\n-- retort:upgrade\n"),
            "migrations/002_add.sql:4: second '-- retort:upgrade' (first at line 2)");
}

TEST(SqldirParseError, SecondDowngradeMarker) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade\n-- retort:downgrade\nX;\n--retort:downgrade\n"),
            "migrations/002_add.sql:5: second '-- retort:downgrade' (first at line 3)");
}

TEST(SqldirParseError, MarkersTakeNoValue) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade CREATE TABLE t (id INT);\n"),
            "migrations/002_add.sql:2: '-- retort:upgrade' takes no value, found 'CREATE TABLE t (id INT);'");
}

TEST(SqldirParseError, SqlBeforeTheUpgradeMarker) {
  EXPECT_EQ(error_for("-- retort:revision abc\n\nCREATE TABLE t (id INT);\n-- retort:upgrade\n"),
            "migrations/002_add.sql:3: SQL before '-- retort:upgrade'");
  EXPECT_EQ(error_for("/* a block comment is SQL to this format */\n-- retort:revision abc\n"),
            "migrations/002_add.sql:1: SQL before '-- retort:upgrade'");
}

TEST(SqldirParseError, HeaderDirectiveAfterTheUpgradeMarker) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade\nSELECT 1;\n-- retort:message late\n"),
            "migrations/002_add.sql:4: '-- retort:message' after '-- retort:upgrade' (line 2); "
            "header directives go above it");
}

TEST(SqldirParseError, NulByteNamesItsLine) {
  EXPECT_EQ(error_for("-- retort:revision abc\n-- retort:upgrade\nSELECT '" + std::string(1, '\0') + "';\n"),
            "migrations/002_add.sql:3: NUL byte (not a text file?)");
}

TEST(SqldirParseError, LineNumbersCountCrlfLinesAndIgnoreTheByteOrderMark) {
  EXPECT_EQ(error_for("\xEF\xBB\xBF-- retort:revision abc\r\n\r\n-- retort:transactional perhaps\r\n"),
            "migrations/002_add.sql:3: invalid transactional value 'perhaps' (expected true, false, yes, no, 1 or 0)");
}
