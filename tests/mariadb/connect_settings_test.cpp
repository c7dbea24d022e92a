#include "mariadb/connect_settings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace retort::mariadb;
using retort::options;

namespace {

std::string usage_error(const options& opts) {
  try {
    read_connect_settings(opts);
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    return f.what();
  }
  ADD_FAILURE() << "accepted";
  return "";
}

}  // namespace

TEST(MariadbConnectSettings, UrlPartsAreTakenAsGiven) {
  connect_settings s = read_connect_settings({{"url.user", "retort"},
                                              {"url.password", "p@ss:word"},
                                              {"url.host", "127.0.0.1"},
                                              {"url.port", "33306"},
                                              {"url.database", "shop"}});
  EXPECT_EQ(s.user, "retort");
  EXPECT_EQ(s.password, "p@ss:word");
  EXPECT_EQ(s.host, "127.0.0.1");
  EXPECT_EQ(s.port, 33306u);
  EXPECT_EQ(s.database, "shop");
  EXPECT_EQ(s.endpoint(), "127.0.0.1:33306");
}

TEST(MariadbConnectSettings, DefaultsAreLocalhostSocketAndUtf8mb4) {
  connect_settings s = read_connect_settings({});
  EXPECT_EQ(s.host, "localhost");
  EXPECT_EQ(s.port, 0u);
  EXPECT_FALSE(s.user);
  EXPECT_FALSE(s.password);
  EXPECT_FALSE(s.database);
  EXPECT_EQ(s.charset, "utf8mb4");
  EXPECT_EQ(s.endpoint(), "localhost (socket default)");
}

TEST(MariadbConnectSettings, UrlParametersAreRead) {
  connect_settings s = read_connect_settings({{"param.connect_timeout", "5"},
                                              {"param.read_timeout", "30"},
                                              {"param.write_timeout", "31"},
                                              {"param.charset", "latin1"},
                                              {"param.socket", "/tmp/m.sock"},
                                              {"param.ssl", "true"},
                                              {"param.ssl_ca", "/ca.pem"},
                                              {"param.ssl_verify_server_cert", "0"}});
  EXPECT_EQ(s.connect_timeout, 5u);
  EXPECT_EQ(s.read_timeout, 30u);
  EXPECT_EQ(s.write_timeout, 31u);
  EXPECT_EQ(s.charset, "latin1");
  EXPECT_EQ(s.socket, "/tmp/m.sock");
  EXPECT_TRUE(s.ssl);
  EXPECT_EQ(s.ssl_ca, "/ca.pem");
  EXPECT_EQ(s.ssl_verify_server_cert, false);
  EXPECT_EQ(s.endpoint(), "localhost (socket /tmp/m.sock)");
}

TEST(MariadbConnectSettings, HostSettingsThatAreNotUrlPartsAreIgnored) {
  EXPECT_NO_THROW(read_connect_settings({{"version_table_schema", "x"}, {"lock_timeout", "5"}}));
}

TEST(MariadbConnectSettings, OtherParametersAreSessionVariablesInUrlOrder) {
  connect_settings s = read_connect_settings({{"param.sql_mode", "ANSI_QUOTES"},
                                              {"param.charset", "latin1"},
                                              {"param.time_zone", "+01:00"},
                                              {"param._x9", "it's"},
                                              {"param.sql_mode", "NO_ENGINE_SUBSTITUTION"}});
  using variables = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(s.session_variables, (variables{{"sql_mode", "ANSI_QUOTES"},
                                            {"time_zone", "+01:00"},
                                            {"_x9", "it's"},
                                            {"sql_mode", "NO_ENGINE_SUBSTITUTION"}}));
  EXPECT_EQ(s.charset, "latin1");
}

// A misspelt client option (`conect_timeout`) is a well-formed variable
// name: the server refuses it at connect (live_session_variables_test.cpp).
TEST(MariadbConnectSettings, ANameThatCannotBeAVariableIsAUsageErrorListingTheClientOptions) {
  for (const char* name : {"sql-mode", "9lives", "a b", "x;DROP", "t`z", "\xc3\xa9t\xc3\xa9"}) {
    const std::string m = usage_error({{std::string("param.") + name, "1"}});
    EXPECT_NE(m.find(std::string("'") + name + "'"), std::string::npos) << m;
    EXPECT_NE(m.find("connect_timeout, read_timeout"), std::string::npos) << m;
    EXPECT_NE(m.find("[A-Za-z_][A-Za-z0-9_]*"), std::string::npos) << m;
  }
}

TEST(MariadbConnectSettings, AutocommitIsRefused) {
  EXPECT_NE(usage_error({{"param.autocommit", "0"}}).find("autocommit"), std::string::npos);
  EXPECT_NE(usage_error({{"param.AutoCommit", "1"}}).find("AutoCommit"), std::string::npos);
}

TEST(MariadbConnectSettings, BadNumbersAndFlagsAreUsageErrors) {
  EXPECT_NE(usage_error({{"url.port", "70000"}}).find("port"), std::string::npos);
  EXPECT_NE(usage_error({{"url.port", "33o6"}}).find("'33o6'"), std::string::npos);
  EXPECT_NE(usage_error({{"param.connect_timeout", "-1"}}).find("connect_timeout"),
            std::string::npos);
  EXPECT_NE(usage_error({{"param.ssl", "maybe"}}).find("true or false"), std::string::npos);
}

TEST(MariadbConnectSettings, PasswordNeverAppearsInUsageErrors) {
  const std::string m = usage_error({{"url.password", "s3cret-pw"}, {"url.port", "x"}});
  EXPECT_EQ(m.find("s3cret-pw"), std::string::npos) << m;
}
