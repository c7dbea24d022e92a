// Generic column types (SPEC §3) as the SQLite dialect spells them.
#include <sqlite/types.hpp>

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <string>

using retort::sqlite::is_integer_type;
using retort::sqlite::sqlite_type;

TEST(SqliteTypes, EveryGenericTypeHasItsSqliteSpelling) {
  EXPECT_EQ(sqlite_type("integer"), "INTEGER");
  EXPECT_EQ(sqlite_type("bigint"), "BIGINT");
  EXPECT_EQ(sqlite_type("smallint"), "SMALLINT");
  EXPECT_EQ(sqlite_type("boolean"), "BOOLEAN");
  EXPECT_EQ(sqlite_type("string(100)"), "VARCHAR(100)");
  EXPECT_EQ(sqlite_type("string"), "VARCHAR");
  EXPECT_EQ(sqlite_type("text"), "TEXT");
  EXPECT_EQ(sqlite_type("numeric(10,2)"), "NUMERIC(10,2)");
  EXPECT_EQ(sqlite_type("numeric(10)"), "NUMERIC(10)");
  EXPECT_EQ(sqlite_type("numeric"), "NUMERIC");
  EXPECT_EQ(sqlite_type("float"), "REAL");
  EXPECT_EQ(sqlite_type("double"), "DOUBLE");
  EXPECT_EQ(sqlite_type("date"), "DATE");
  EXPECT_EQ(sqlite_type("datetime"), "DATETIME");
  EXPECT_EQ(sqlite_type("timestamp_tz"), "TIMESTAMP");
  EXPECT_EQ(sqlite_type("uuid"), "CHAR(36)");
  EXPECT_EQ(sqlite_type("binary"), "BLOB");
}

TEST(SqliteTypes, JsonIsTextSoNumberLookingDocumentsStayText) {
  EXPECT_EQ(sqlite_type("json"), "TEXT");
}

TEST(SqliteTypes, MatchingIgnoresCaseAndSpacesAroundArguments) {
  EXPECT_EQ(sqlite_type("String( 100 )"), "VARCHAR(100)");
  EXPECT_EQ(sqlite_type("  NUMERIC ( 12 , 4 ) "), "NUMERIC(12,4)");
  EXPECT_EQ(sqlite_type("Timestamp_TZ"), "TIMESTAMP");
  EXPECT_EQ(sqlite_type("\tJSON\n"), "TEXT");
}

TEST(SqliteTypes, AnythingElsePassesThroughVerbatimButTrimmed) {
  EXPECT_EQ(sqlite_type("VARCHAR(20)"), "VARCHAR(20)");
  EXPECT_EQ(sqlite_type("double precision"), "double precision");
  EXPECT_EQ(sqlite_type("big int"), "big int");  // a space inside the name is not "bigint"
  EXPECT_EQ(sqlite_type("string(1,2)"), "string(1,2)");
  EXPECT_EQ(sqlite_type("numeric(1,2,3)"), "numeric(1,2,3)");
  EXPECT_EQ(sqlite_type("int8"), "int8");
  EXPECT_EQ(sqlite_type("  geometry  "), "geometry");
}

TEST(SqliteTypes, MalformedGenericArgumentsAreRefusedAsInEveryDialect) {
  for (const char* bad : {"string(x)", "string(10", "string()", "numeric(10,)"}) {
    try {
      sqlite_type(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const retort::failure& f) {
      EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << bad;
      EXPECT_NE(std::string(f.what()).find(bad), std::string::npos) << f.what();
    }
  }
}

TEST(SqliteTypes, BlankTypeIsEmpty) {
  EXPECT_EQ(sqlite_type(""), "");
  EXPECT_EQ(sqlite_type("   "), "");
}

TEST(SqliteTypes, IntegerTypesAreTheGenericOnesOrContainInt) {
  EXPECT_TRUE(is_integer_type("integer"));
  EXPECT_TRUE(is_integer_type("BigInt"));
  EXPECT_TRUE(is_integer_type("smallint"));
  EXPECT_TRUE(is_integer_type("INT"));
  EXPECT_TRUE(is_integer_type("unsigned big int"));
  EXPECT_FALSE(is_integer_type("text"));
  EXPECT_FALSE(is_integer_type("uuid"));
  EXPECT_FALSE(is_integer_type(""));
}
