// What a well-formed revision file turns into (SPEC §3).
#include "parse.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using sqldir::parse_sql_revision;
using sqldir::ParsedRevision;
using strings = std::vector<std::string>;

TEST(SqldirParse, RootRevisionWithBothScripts) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:revision 1a2b3c4d5e6f\n"
                                              "-- retort:message create users\n"
                                              "\n"
                                              "-- retort:upgrade\n"
                                              "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                                              "\n"
                                              "-- retort:downgrade\n"
                                              "DROP TABLE users;\n");
  EXPECT_EQ(r.id, "1a2b3c4d5e6f");
  EXPECT_EQ(r.down_revisions, strings{});
  EXPECT_EQ(r.message, "create users");
  EXPECT_TRUE(r.transactional);
  EXPECT_EQ(r.upgrade, "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);");
  EXPECT_EQ(r.downgrade, "DROP TABLE users;");
}

TEST(SqldirParse, EmptyDownRevisionIsARoot) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:revision abc\n"
                                              "-- retort:down_revision   \n"
                                              "-- retort:upgrade\nSELECT 1;\n");
  EXPECT_EQ(r.down_revisions, strings{});
}

TEST(SqldirParse, MergeListsEveryParentInOrder) {
  const ParsedRevision r = parse_sql_revision("m/003.sql",
                                              "-- retort:revision merge_1\n"
                                              "-- retort:down_revision  bbbb ,aaaa,  cccc  \n"
                                              "-- retort:upgrade\n");
  EXPECT_EQ(r.down_revisions, (strings{"bbbb", "aaaa", "cccc"}));
  EXPECT_EQ(r.upgrade, "");
}

TEST(SqldirParse, BranchLabelsAndDependsOnAreCommaSeparated) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:revision abc\n"
                                              "-- retort:branch_labels shop, shop-core , v1_2\n"
                                              "-- retort:depends_on 9a8b7c6d5e4f,shop\n"
                                              "-- retort:upgrade\n");
  EXPECT_EQ(r.branch_labels, (strings{"shop", "shop-core", "v1_2"}));
  EXPECT_EQ(r.depends_on, (strings{"9a8b7c6d5e4f", "shop"}));
}

TEST(SqldirParse, TransactionalAcceptsTrueFalseYesNoOneZeroInAnyCase) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"true", true}, {"TRUE", true}, {"yes", true}, {"Yes", true}, {"1", true},
      {"false", false}, {"False", false}, {"no", false}, {"NO", false}, {"0", false}};
  for (const auto& [word, expected] : cases) {
    const ParsedRevision r = parse_sql_revision(
        "m/001.sql", "-- retort:revision abc\n-- retort:transactional " + word + "\n-- retort:upgrade\n");
    EXPECT_EQ(r.transactional, expected) << word;
  }
}

TEST(SqldirParse, MessageMayBeAbsentAndIsTrimmedWhenPresent) {
  EXPECT_EQ(parse_sql_revision("m/001.sql", "-- retort:revision abc\n-- retort:upgrade\n").message, "");
  EXPECT_EQ(parse_sql_revision("m/001.sql",
                               "-- retort:revision abc\n-- retort:message \t add  two   spaces \t\n-- retort:upgrade\n")
                .message,
            "add  two   spaces");
}

TEST(SqldirParse, CrlfLineEndingsAreAcceptedAndKeptInsideScripts) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:revision abc\r\n"
                                              "-- retort:down_revision def\r\n"
                                              "-- retort:message with crlf\r\n"
                                              "\r\n"
                                              "-- retort:upgrade\r\n"
                                              "\r\n"
                                              "CREATE TABLE t (id INT);\r\n"
                                              "CREATE INDEX i ON t (id);\r\n"
                                              "\r\n"
                                              "-- retort:downgrade\r\n"
                                              "DROP TABLE t;\r\n");
  EXPECT_EQ(r.id, "abc");
  EXPECT_EQ(r.down_revisions, strings{"def"});
  EXPECT_EQ(r.message, "with crlf");
  EXPECT_EQ(r.upgrade, "CREATE TABLE t (id INT);\r\nCREATE INDEX i ON t (id);");
  EXPECT_EQ(r.downgrade, "DROP TABLE t;");
}

TEST(SqldirParse, Utf8ByteOrderMarkIsSkipped) {
  const ParsedRevision r =
      parse_sql_revision("m/001.sql", "\xEF\xBB\xBF-- retort:revision abc\n-- retort:upgrade\nSELECT 1;\n");
  EXPECT_EQ(r.id, "abc");
  EXPECT_EQ(r.upgrade, "SELECT 1;");
}

TEST(SqldirParse, NoDowngradeSectionLeavesTheDowngradeEmpty) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:revision abc\n"
                                              "-- retort:transactional false\n"
                                              "-- retort:upgrade\n"
                                              "CREATE INDEX CONCURRENTLY i ON t (c);");
  EXPECT_FALSE(r.transactional);
  EXPECT_EQ(r.upgrade, "CREATE INDEX CONCURRENTLY i ON t (c);");
  EXPECT_EQ(r.downgrade, "");
}

TEST(SqldirParse, CommentsAndBlankLinesBeforeTheUpgradeMarkerAreIgnored) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- Adds the users table.\n"
                                              "--\n"
                                              "   -- indented comment\n"
                                              "\t\n"
                                              "-- retort:revision abc\n"
                                              "-- retort is great (not a directive: no colon)\n"
                                              "-- retort:message users\n"
                                              "\n"
                                              "-- retort:upgrade\n"
                                              "SELECT 1;\n");
  EXPECT_EQ(r.id, "abc");
  EXPECT_EQ(r.message, "users");
  EXPECT_EQ(r.upgrade, "SELECT 1;");
}

TEST(SqldirParse, DirectivesMayBeIndentedAndNeedNoSpaceAfterTheDashes) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "--retort:revision abc\n"
                                              "  \t-- retort:message indented\n"
                                              "--\tretort:down_revision def\n"
                                              "   --retort:upgrade   \n"
                                              "SELECT 1;\n"
                                              "\t--retort:downgrade\n"
                                              "SELECT 2;\n");
  EXPECT_EQ(r.id, "abc");
  EXPECT_EQ(r.message, "indented");
  EXPECT_EQ(r.down_revisions, strings{"def"});
  EXPECT_EQ(r.upgrade, "SELECT 1;");
  EXPECT_EQ(r.downgrade, "SELECT 2;");
}

TEST(SqldirParse, ScriptsAreKeptByteForByteApartFromSurroundingBlankLines) {
  const std::string body =
      "  CREATE TABLE t (\n"
      "    id INT,  -- the key\n"
      "\n"
      "    s TEXT DEFAULT '-- retort is not a directive here'\n"
      "  );   \n"
      "/* block\n"
      "   comment */\n"
      "INSERT INTO t VALUES (1, 'a;b');";
  const ParsedRevision r = parse_sql_revision(
      "m/001.sql", "-- retort:revision abc\n-- retort:upgrade\n\n \t\n" + body + "\n\n   \n\t\n-- retort:downgrade\n");
  EXPECT_EQ(r.upgrade, body);
  EXPECT_EQ(r.downgrade, "");
}

TEST(SqldirParse, HeaderOrderDoesNotMatter) {
  const ParsedRevision r = parse_sql_revision("m/001.sql",
                                              "-- retort:transactional no\n"
                                              "-- retort:message last first\n"
                                              "-- retort:depends_on x\n"
                                              "-- retort:branch_labels l\n"
                                              "-- retort:down_revision p\n"
                                              "-- retort:revision abc\n"
                                              "-- retort:upgrade\n");
  EXPECT_EQ(r.id, "abc");
  EXPECT_EQ(r.down_revisions, strings{"p"});
  EXPECT_EQ(r.branch_labels, strings{"l"});
  EXPECT_EQ(r.depends_on, strings{"x"});
  EXPECT_EQ(r.message, "last first");
  EXPECT_FALSE(r.transactional);
}

TEST(SqldirParse, RevisionIdMayBeSixtyFourCharacters) {
  const std::string id(64, 'a');
  EXPECT_EQ(parse_sql_revision("m/001.sql", "-- retort:revision " + id + "\n-- retort:upgrade\n").id, id);
}
