#include "mariadb/quote.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace retort::mariadb;

TEST(MariadbQuoting, IdentifiersAreBacktickedWithBackticksDoubled) {
  EXPECT_EQ(quote_identifier("users"), "`users`");
  EXPECT_EQ(quote_identifier("we`ird"), "`we``ird`");
  EXPECT_EQ(quote_identifier("``"), "``````");
  EXPECT_EQ(quote_identifier("with space"), "`with space`");
  EXPECT_EQ(quote_identifier("select"), "`select`");
}

TEST(MariadbQuoting, QualifiedNamesQuoteBothParts) {
  EXPECT_EQ(qualified_name("", "t"), "`t`");
  EXPECT_EQ(qualified_name("shop", "t"), "`shop`.`t`");
  EXPECT_EQ(qualified_name("a.b", "c`d"), "`a.b`.`c``d`");
}

TEST(MariadbQuoting, LiteralsDoubleQuotesAndEscapeBackslashes) {
  EXPECT_EQ(quote_literal("plain"), "'plain'");
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal("C:\\dir\\"), "'C:\\\\dir\\\\'");
  EXPECT_EQ(quote_literal("\\'"), "'\\\\'''");
  EXPECT_EQ(quote_literal(""), "''");
  EXPECT_EQ(quote_literal("line\nbreak"), "'line\nbreak'");
}

TEST(MariadbQuoting, NulBytesInLiteralsAreEscaped) {
  EXPECT_EQ(quote_literal(std::string("a\0b", 3)), "'a\\0b'");
}
