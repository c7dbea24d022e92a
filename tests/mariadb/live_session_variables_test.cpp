// URL parameters that are not client options (issue 15): server system
// variables, set with SET SESSION on connecting, in URL order; one the
// server refuses fails the connect with one line naming the parameter.
#include "live_server.hpp"

#include <cstring>
#include <string>

using namespace retort::mariadb::test;

namespace {

void expect_one_line(const retort_error& err) {
  EXPECT_EQ(std::strchr(err.message, '\n'), nullptr) << err.message;
}

}  // namespace

using MariadbLiveSessionVariables = live_mariadb;

TEST_F(MariadbLiveSessionVariables, EachIsSetForTheSessionInUrlOrder) {
  option_list opts = with(options_, "param.sql_mode", "ANSI_QUOTES");
  opts.emplace_back("param.time_zone", "+01:00");
  opts.emplace_back("param.sql_mode", "NO_ENGINE_SUBSTITUTION");
  auto [o, s] = try_open(opts, url_);
  ASSERT_TRUE(o.ok()) << o;
  EXPECT_EQ(s->value("SELECT @@SESSION.sql_mode"), "NO_ENGINE_SUBSTITUTION");
  EXPECT_EQ(s->value("SELECT @@SESSION.time_zone"), "+01:00");
}

// The server refuses '60' for an integer variable (error 1232).
TEST_F(MariadbLiveSessionVariables, NumbersAreSentAsNumbers) {
  option_list opts = with(options_, "param.wait_timeout", "4321");
  opts.emplace_back("param.max_statement_time", "2.5");
  auto [o, s] = try_open(opts, url_);
  ASSERT_TRUE(o.ok()) << o;
  EXPECT_EQ(s->value("SELECT @@SESSION.wait_timeout"), "4321");
  EXPECT_EQ(s->value("SELECT @@SESSION.max_statement_time"), "2.500000");
}

// default_master_connection takes any text, so it shows what arrived.
TEST_F(MariadbLiveSessionVariables, AValueIsOneStringLiteralWhateverItHolds) {
  const std::string t = table("injected");
  const std::string hostile = "x\\'; CREATE TABLE `" + t + "` (i INT); -- '";
  auto [o, s] = try_open(with(options_, "param.default_master_connection", hostile), url_);
  ASSERT_TRUE(o.ok()) << o;
  EXPECT_EQ(s->value("SELECT @@SESSION.default_master_connection"), hostile);
  EXPECT_FALSE(s->table_exists("", t));
}

// A sql_mode earlier in the URL changes how a backslash is escaped: the
// values after it are escaped by the server's current rules.
TEST_F(MariadbLiveSessionVariables, ValuesAfterNoBackslashEscapesStayExact) {
  const std::string t = table("injected");
  const std::string hostile = "a\\'; CREATE TABLE `" + t + "` (i INT); -- \\";
  option_list opts = with(options_, "param.sql_mode", "NO_BACKSLASH_ESCAPES");
  opts.emplace_back("param.default_master_connection", hostile);
  auto [o, s] = try_open(opts, url_);
  ASSERT_TRUE(o.ok()) << o;
  EXPECT_EQ(s->value("SELECT @@SESSION.default_master_connection"), hostile);
  EXPECT_FALSE(s->table_exists("", t));
}

TEST_F(MariadbLiveSessionVariables, AnUnknownVariableFailsTheConnectNamingTheParameter) {
  auto [o, s] = try_open(with(options_, "param.rtx_no_such_var", "bar"), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(o.err.native_code, 1193);
  EXPECT_STREQ(o.err.message,
               "URL parameter rtx_no_such_var=bar: SET SESSION failed: Unknown system variable "
               "'rtx_no_such_var' (error 1193, SQLSTATE HY000)");
  expect_one_line(o.err);
}

// A typo in a client option is caught too, by the server.
TEST_F(MariadbLiveSessionVariables, AMisspeltClientOptionIsRefused) {
  auto [o, s] = try_open(with(options_, "param.conect_timeout", "5"), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_USAGE);
  EXPECT_NE(std::strstr(o.err.message, "URL parameter conect_timeout=5: SET SESSION failed"), nullptr)
      << o.err.message;
}

TEST_F(MariadbLiveSessionVariables, AValueTheServerRefusesNamesTheParameter) {
  auto [o, s] = try_open(with(options_, "param.time_zone", "Mars/Olympus\nMons"), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_USAGE);
  EXPECT_NE(std::strstr(o.err.message, "URL parameter time_zone=Mars/Olympus\\x0aMons: SET SESSION failed"),
            nullptr)
      << o.err.message;
  expect_one_line(o.err);
}

TEST_F(MariadbLiveSessionVariables, AGlobalOnlyVariableIsRefused) {
  auto [o, s] = try_open(with(options_, "param.max_connections", "10"), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_USAGE);
  EXPECT_NE(std::strstr(o.err.message, "URL parameter max_connections=10"), nullptr) << o.err.message;
}

TEST_F(MariadbLiveSessionVariables, ThePasswordIsNeverEchoed) {
  const std::string password = value_of(options_, "url.password");
  ASSERT_FALSE(password.empty());
  auto [o, s] = try_open(with(options_, "param.time_zone", "x" + password), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(std::strstr(o.err.message, password.c_str()), nullptr) << o.err.message;
  EXPECT_NE(std::strstr(o.err.message, "URL parameter time_zone=x***"), nullptr) << o.err.message;
}
