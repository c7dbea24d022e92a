// Which scripts are worth sending: only those with SQL outside comments.
#include "script.hpp"

#include <gtest/gtest.h>

using sqldir::has_sql;
using sqldir::trim_blank_lines;

TEST(SqldirScript, WhitespaceAndCommentsAloneAreNoSql) {
  EXPECT_FALSE(has_sql(""));
  EXPECT_FALSE(has_sql(" \t\r\n\n"));
  EXPECT_FALSE(has_sql("-- irreversible: the data is gone"));
  EXPECT_FALSE(has_sql("-- one\r\n  -- two\n/* three\n   lines */ \n"));
}

TEST(SqldirScript, AnythingElseIsSql) {
  EXPECT_TRUE(has_sql("SELECT 1"));
  EXPECT_TRUE(has_sql("-- comment\n;"));
  EXPECT_TRUE(has_sql("/* c */ DROP TABLE t;"));
  EXPECT_TRUE(has_sql("/* never closed"));  // the database, not sqldir, judges it
}

TEST(SqldirScript, TrimmingRemovesWholeBlankLinesOnly) {
  EXPECT_EQ(trim_blank_lines("\n  \n  indented;\n  \n"), "  indented;");
  EXPECT_EQ(trim_blank_lines("\r\n\r\na;  \r\n\r\nb;\r\n\r\n"), "a;  \r\n\r\nb;");
  EXPECT_EQ(trim_blank_lines(" \t\n\n"), "");
  EXPECT_EQ(trim_blank_lines("no newline"), "no newline");
}
