#include "mariadb/types.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <string>

using retort::mariadb::column_type;

TEST(MariadbTypes, EveryGenericTypeHasItsMariadbType) {
  EXPECT_EQ(column_type("integer"), "INT");
  EXPECT_EQ(column_type("bigint"), "BIGINT");
  EXPECT_EQ(column_type("smallint"), "SMALLINT");
  EXPECT_EQ(column_type("boolean"), "BOOLEAN");
  EXPECT_EQ(column_type("string(40)"), "VARCHAR(40)");
  EXPECT_EQ(column_type("string"), "VARCHAR(255)");
  EXPECT_EQ(column_type("text"), "TEXT");
  EXPECT_EQ(column_type("numeric(10,2)"), "DECIMAL(10,2)");
  EXPECT_EQ(column_type("float"), "FLOAT");
  EXPECT_EQ(column_type("double"), "DOUBLE");
  EXPECT_EQ(column_type("date"), "DATE");
  EXPECT_EQ(column_type("datetime"), "DATETIME(6)");
  EXPECT_EQ(column_type("timestamp_tz"), "DATETIME(6)");
  EXPECT_EQ(column_type("json"), "JSON");
  EXPECT_EQ(column_type("uuid"), "CHAR(36)");
  EXPECT_EQ(column_type("binary"), "LONGBLOB");
}

TEST(MariadbTypes, GenericTypesMatchIgnoringCaseAndWhitespace) {
  EXPECT_EQ(column_type("  INTEGER "), "INT");
  EXPECT_EQ(column_type("String ( 20 )"), "VARCHAR(20)");
  EXPECT_EQ(column_type("NUMERIC( 12 , 4 )"), "DECIMAL(12,4)");
  EXPECT_EQ(column_type("Timestamp_TZ"), "DATETIME(6)");
  EXPECT_EQ(column_type("\tjson\n"), "JSON");
}

TEST(MariadbTypes, NumericWithPrecisionOnlyOrNoneIsDecimal) {
  EXPECT_EQ(column_type("numeric(8)"), "DECIMAL(8)");
  EXPECT_EQ(column_type("numeric"), "DECIMAL");
}

TEST(MariadbTypes, AnythingElsePassesVerbatimTrimmed) {
  EXPECT_EQ(column_type("MEDIUMTEXT"), "MEDIUMTEXT");
  EXPECT_EQ(column_type(" enum('a','b') "), "enum('a','b')");
  EXPECT_EQ(column_type("int unsigned"), "int unsigned");
  EXPECT_EQ(column_type("datetime(3)"), "datetime(3)");
  EXPECT_EQ(column_type("numeric(1,2,3)"), "numeric(1,2,3)");
  EXPECT_EQ(column_type("integers"), "integers");
}

TEST(MariadbTypes, MalformedGenericArgumentsAreRefusedAsInEveryDialect) {
  for (const char* bad : {"string(n)", "string()", "numeric(10,)", "string(10"}) {
    try {
      column_type(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const retort::failure& f) {
      EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << bad;
      EXPECT_NE(std::string(f.what()).find(bad), std::string::npos) << f.what();
    }
  }
}
