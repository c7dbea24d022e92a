// The libpq connection string built from the host's URL options.
#include "postgresql/conninfo.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

using retort::postgresql::build_conninfo;
using retort::postgresql::conninfo_value;

TEST(PostgresqlConninfo, UrlPartsBecomeLibpqKeywordsWithDefaultApplicationName) {
  const retort::options opts{{"url.user", "retort"},       {"url.password", "s3cret"},
                             {"url.host", "127.0.0.1"},    {"url.port", "55432"},
                             {"url.database", "retort_test"}, {"version_table_schema", "meta"}};
  EXPECT_EQ(build_conninfo(opts),
            "user='retort' password='s3cret' host='127.0.0.1' port='55432' dbname='retort_test' "
            "application_name='retort'");
}

TEST(PostgresqlConninfo, UrlParametersPassThroughAndOverride) {
  const retort::options opts{{"url.host", "localhost"},
                             {"param.sslmode", "disable"},
                             {"param.connect_timeout", "5"},
                             {"param.application_name", "deploy job"},
                             {"param.options", "-c search_path=shop,public"},
                             {"param.target_session_attrs", "read-write"}};
  EXPECT_EQ(build_conninfo(opts),
            "host='localhost' sslmode='disable' connect_timeout='5' application_name='deploy job' "
            "options='-c search_path=shop,public' target_session_attrs='read-write'");
}

TEST(PostgresqlConninfo, ValuesAreQuotedAndEscaped) {
  EXPECT_EQ(conninfo_value(""), "''");
  EXPECT_EQ(conninfo_value("pa ss"), "'pa ss'");
  EXPECT_EQ(conninfo_value(R"(it's a \ test)"), R"('it\'s a \\ test')");
  EXPECT_EQ(build_conninfo({{"url.password", "x' host='evil"}}),
            R"(password='x\' host=\'evil' application_name='retort')");
}

TEST(PostgresqlConninfo, ParameterNamesThatLibpqCouldNotReadAreUsageErrors) {
  try {
    build_conninfo({{"param.bad name=", "x"}});
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_NE(std::string(f.what()).find("bad name="), std::string::npos);
  }
}

// A misspelt parameter is a configuration error naming it, as on mariadb://,
// not a connection failure.
TEST(PostgresqlConninfo, ParametersLibpqDoesNotKnowAreUsageErrors) {
  try {
    build_conninfo({{"param.sslmod", "disable"}});
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_NE(std::string(f.what()).find("unknown URL parameter 'sslmod'"), std::string::npos) << f.what();
  }
}
