// Generic types (SPEC §3) in PostgreSQL's spelling; anything else verbatim.
#include "postgresql/types.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using retort::postgresql::is_identity_capable;
using retort::postgresql::render_type;

TEST(PostgresqlRenderType, GenericTypesMatchCaseInsensitivelyAndIgnoreWhitespace) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"integer", "INTEGER"},          {"BIGINT", "BIGINT"},
      {" SmallInt ", "SMALLINT"},      {"boolean", "BOOLEAN"},
      {"string(20)", "VARCHAR(20)"},   {" String ( 20 ) ", "VARCHAR(20)"},
      {"string", "VARCHAR"},           {"text", "TEXT"},
      {"numeric(10,2)", "NUMERIC(10,2)"}, {"numeric ( 10 , 2 )", "NUMERIC(10,2)"},
      {"numeric(7)", "NUMERIC(7)"},    {"numeric", "NUMERIC"},
      {"float", "REAL"},               {"double", "DOUBLE PRECISION"},
      {"date", "DATE"},                {"datetime", "TIMESTAMP"},
      {"Timestamp_TZ", "TIMESTAMPTZ"}, {"json", "JSONB"},
      {"uuid", "UUID"},                {"binary", "BYTEA"},
      {"\tJSON\n", "JSONB"},
  };
  for (const auto& [generic, expected] : cases) EXPECT_EQ(render_type(generic), expected) << generic;
}

TEST(PostgresqlRenderType, OtherTypesPassThroughVerbatimButTrimmed) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"double precision", "double precision"},
      {"integer[]", "integer[]"},
      {"  inet  ", "inet"},
      {"varchar(30)", "varchar(30)"},
      {"text COLLATE \"C\"", "text COLLATE \"C\""},
      {"float8", "float8"},
      {"serial", "serial"},
      {"public.my_enum", "public.my_enum"},
      // A generic name with integer arguments it does not take is the
      // engine's own spelling (vocabulary.hpp): PostgreSQL judges it.
      {"integer(11)", "integer(11)"},
      {"numeric(1,2,3)", "numeric(1,2,3)"},
      {"boolean(1)", "boolean(1)"},
  };
  for (const auto& [given, expected] : cases) EXPECT_EQ(render_type(given), expected) << given;
}

TEST(PostgresqlRenderType, MalformedGenericArgumentsAreUsageErrors) {
  for (const std::string bad : {"string(abc)", "string()", "string(-1)", "numeric(10,)", "string(10"}) {
    try {
      render_type(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const retort::failure& f) {
      EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << bad;
      EXPECT_NE(std::string(f.what()).find(bad), std::string::npos) << f.what();
    }
  }
}

TEST(PostgresqlRenderType, EmptyTypeIsAUsageError) {
  try {
    render_type(" ");
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_STREQ(f.what(), "column type is empty");
  }
}

TEST(PostgresqlRenderType, IdentityNeedsAnIntegerType) {
  EXPECT_TRUE(is_identity_capable("INTEGER"));
  EXPECT_TRUE(is_identity_capable("BIGINT"));
  EXPECT_TRUE(is_identity_capable("SMALLINT"));
  EXPECT_TRUE(is_identity_capable("int8"));
  EXPECT_FALSE(is_identity_capable("TEXT"));
  EXPECT_FALSE(is_identity_capable("NUMERIC(10,0)"));
  EXPECT_FALSE(is_identity_capable("serial"));
}
