// Connecting, and failing to connect with one clear line.
#include "live_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <string>

using namespace retort::mariadb::test;

namespace {

// A TCP port on 127.0.0.1 that nothing listens on: bound by us, then freed.
std::string closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return std::to_string(ntohs(a.sin_port));
}

void expect_one_line(const retort_error& err) {
  EXPECT_EQ(std::strchr(err.message, '\n'), nullptr) << err.message;
}

}  // namespace

using MariadbLiveConnect = live_mariadb;

TEST_F(MariadbLiveConnect, ConnectsAndAnswersAQuery) {
  auto s = open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value("SELECT DATABASE()"), value_of(options_, "url.database"));
  EXPECT_EQ(s->value("SELECT @@character_set_client"), "utf8mb4");
}

TEST_F(MariadbLiveConnect, WrongPasswordIsOneLineWithoutThePassword) {
  const std::string secret = "Wr0ng-Secret-Pa55";
  std::string url = "mariadb://" + value_of(options_, "url.user") + ":" + secret + "@host/db";
  auto [o, s] = try_open(with(options_, "url.password", secret), url);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.err.native_code, 1045);
  EXPECT_STREQ(o.err.sqlstate, "28000");
  EXPECT_NE(std::strstr(o.err.message, "Access denied"), nullptr) << o.err.message;
  EXPECT_NE(std::strstr(o.err.message, "cannot connect to MariaDB at"), nullptr) << o.err.message;
  EXPECT_EQ(std::strstr(o.err.message, secret.c_str()), nullptr) << o.err.message;
  expect_one_line(o.err);
}

TEST_F(MariadbLiveConnect, RefusedPortIsADatabaseErrorNamingTheServer) {
  const std::string port = closed_port();
  auto [o, s] = try_open(with(options_, "url.port", port), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.err.native_code, 2002) << o.err.message;  // CR_CONNECTION_ERROR in Connector/C 3
  EXPECT_NE(std::strstr(o.err.message, ("127.0.0.1:" + port).c_str()), nullptr) << o.err.message;
  EXPECT_EQ(std::strstr(o.err.message, value_of(options_, "url.password").c_str()), nullptr)
      << o.err.message;
  expect_one_line(o.err);
}

// Names here avoid the test account's password ("retort"): messages mask
// every occurrence of the password's value.
TEST_F(MariadbLiveConnect, UnknownDatabaseIsADatabaseErrorNamingIt) {
  auto [o, s] = try_open(with(options_, "url.database", "no_such_db_here"), url_);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(o.err.native_code, 1049);
  EXPECT_STREQ(o.err.sqlstate, "42000");
  EXPECT_NE(std::strstr(o.err.message, "no_such_db_here"), nullptr) << o.err.message;
  expect_one_line(o.err);
}

TEST_F(MariadbLiveConnect, TableExistsLooksInTheDefaultOrGivenSchema) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string t = table("t");
  const std::string db = value_of(options_, "url.database");
  EXPECT_FALSE(s->table_exists("", t));
  ASSERT_TRUE(s->execute("CREATE TABLE `" + t + "` (id INT)").ok());
  EXPECT_TRUE(s->table_exists("", t));
  EXPECT_TRUE(s->table_exists(db, t));
  EXPECT_FALSE(s->table_exists("information_schema", t));
  EXPECT_FALSE(s->table_exists("", t + "'; --"));
}
