// SPEC §4 URL forms, their parts, and the connect options dialects receive.
#include "host/config/url.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using host::connect_options;
using host::parse_url;
using host::UrlForm;
using Options = std::vector<std::pair<std::string, std::string>>;
using test_support::usage_error_of;

TEST(SqliteUrl, ThreeSlashesNameARelativeFile) {
  const auto url = parse_url("sqlite:///relative.db", UrlForm::file);
  EXPECT_EQ(url.scheme, "sqlite");
  EXPECT_EQ(url.database, "relative.db");
  EXPECT_EQ(url.host, "");
  EXPECT_FALSE(url.port);
  EXPECT_EQ(url.text, "sqlite:///relative.db");
}

TEST(SqliteUrl, FourSlashesNameAnAbsoluteFile) {
  EXPECT_EQ(parse_url("sqlite:////absolute.db", UrlForm::file).database, "/absolute.db");
  EXPECT_EQ(parse_url("sqlite:////var/lib/shop/shop.db", UrlForm::file).database, "/var/lib/shop/shop.db");
}

TEST(SqliteUrl, RelativeFileMayBeInAFolder) {
  EXPECT_EQ(parse_url("sqlite:///data/shop.db", UrlForm::file).database, "data/shop.db");
}

TEST(SqliteUrl, MemoryFormsAllMeanMemory) {
  EXPECT_EQ(parse_url("sqlite://:memory:", UrlForm::file).database, ":memory:");
  EXPECT_EQ(parse_url("sqlite:///:memory:", UrlForm::file).database, ":memory:");
  EXPECT_EQ(parse_url("sqlite://", UrlForm::file).database, ":memory:");
}

TEST(SqliteUrl, KeepsQueryParameters) {
  const auto url = parse_url("sqlite:///shop.db?mode=ro&cache=shared", UrlForm::file);
  EXPECT_EQ(url.database, "shop.db");
  EXPECT_EQ(url.params, (Options{{"mode", "ro"}, {"cache", "shared"}}));
  EXPECT_EQ(parse_url("sqlite://:memory:?cache=shared", UrlForm::file).params, (Options{{"cache", "shared"}}));
}

TEST(SqliteUrl, PathIsPercentDecoded) {
  EXPECT_EQ(parse_url("sqlite:///my%20shop.db", UrlForm::file).database, "my shop.db");
}

TEST(SqliteUrl, HostOrUserIsRefused) {
  EXPECT_NE(
      usage_error_of([] { parse_url("sqlite://localhost/shop.db", UrlForm::file); }).find("sqlite:///relative.db"),
      std::string::npos);
  usage_error_of([] { parse_url("sqlite://:memory:/extra", UrlForm::file); });
}

TEST(PostgresqlUrl, EveryPartIsParsed) {
  const auto url = parse_url(
      "postgresql://alice:s3cret@db.example.com:5433/shop?sslmode=require&application_name=retort");
  EXPECT_EQ(url.scheme, "postgresql");
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_TRUE(url.has_password);
  EXPECT_EQ(url.host, "db.example.com");
  EXPECT_EQ(url.port, 5433);
  EXPECT_EQ(url.database, "shop");
  EXPECT_EQ(url.params, (Options{{"sslmode", "require"}, {"application_name", "retort"}}));
}

TEST(PostgresqlUrl, PostgresSchemeIsKeptAsWritten) {
  const auto url = parse_url("postgres://alice@localhost/shop");
  EXPECT_EQ(url.scheme, "postgres");
  EXPECT_EQ(url.user, "alice");
  EXPECT_FALSE(url.has_password);
  EXPECT_EQ(url.host, "localhost");
  EXPECT_EQ(url.database, "shop");
}

TEST(MariadbUrl, EveryPartIsParsed) {
  const auto url = parse_url("mariadb://bob:pw@127.0.0.1:3306/shop");
  EXPECT_EQ(url.scheme, "mariadb");
  EXPECT_EQ(url.user, "bob");
  EXPECT_EQ(url.password, "pw");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 3306);
  EXPECT_EQ(url.database, "shop");
}

TEST(MariadbUrl, MysqlSchemeIsKeptAsWritten) {
  EXPECT_EQ(parse_url("mysql://bob@localhost/shop").scheme, "mysql");
}

TEST(ServerUrl, SchemeIsLowercased) {
  EXPECT_EQ(parse_url("PostgreSQL://h/db").scheme, "postgresql");
}

TEST(ServerUrl, MissingPartsAreAllowed) {
  const auto no_host = parse_url("postgresql:///shop");
  EXPECT_EQ(no_host.host, "");
  EXPECT_EQ(no_host.database, "shop");
  EXPECT_EQ(no_host.user, "");

  const auto host_only = parse_url("postgresql://db.local/shop");
  EXPECT_EQ(host_only.host, "db.local");
  EXPECT_FALSE(host_only.port);

  const auto no_database = parse_url("postgresql://db.local:5432");
  EXPECT_EQ(no_database.port, 5432);
  EXPECT_EQ(no_database.database, "");

  const auto no_host_with_user = parse_url("postgresql://alice@/shop");
  EXPECT_EQ(no_host_with_user.user, "alice");
  EXPECT_EQ(no_host_with_user.host, "");

  EXPECT_EQ(parse_url("postgresql://").host, "");
  EXPECT_FALSE(parse_url("postgresql://h:/db").port);
}

TEST(ServerUrl, PartsArePercentDecoded) {
  const auto url = parse_url("postgresql://us%40er:p%3Ass%2Fw%3F@h/my%20db?opt=a%26b&na%6De=x");
  EXPECT_EQ(url.user, "us@er");
  EXPECT_EQ(url.password, "p:ss/w?");
  EXPECT_EQ(url.database, "my db");
  EXPECT_EQ(url.params, (Options{{"opt", "a&b"}, {"name", "x"}}));
}

TEST(ServerUrl, PlusInQueryStaysAPlus) {
  EXPECT_EQ(parse_url("postgresql://h/db?x=a+b").params, (Options{{"x", "a+b"}}));
}

TEST(ServerUrl, PasswordMayHoldUnencodedAtAndColon) {
  const auto url = parse_url("postgresql://alice:p@ss:w0rd@db.local:5432/shop");
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "p@ss:w0rd");
  EXPECT_EQ(url.host, "db.local");
  EXPECT_EQ(url.port, 5432);
}

TEST(ServerUrl, EmptyPasswordIsAPassword) {
  const auto url = parse_url("postgresql://alice:@h/db");
  EXPECT_TRUE(url.has_password);
  EXPECT_EQ(url.password, "");
}

TEST(ServerUrl, Ipv6HostLosesItsBrackets) {
  const auto with_port = parse_url("postgresql://alice:pw@[::1]:5432/shop");
  EXPECT_EQ(with_port.host, "::1");
  EXPECT_EQ(with_port.port, 5432);
  EXPECT_EQ(with_port.database, "shop");

  const auto without_port = parse_url("mariadb://[2001:db8::7]/shop");
  EXPECT_EQ(without_port.host, "2001:db8::7");
  EXPECT_FALSE(without_port.port);
}

TEST(ServerUrl, SocketDirectoryHostIsDecoded) {
  EXPECT_EQ(parse_url("postgresql://%2Fvar%2Frun%2Fpostgresql/shop").host, "/var/run/postgresql");
}

TEST(ServerUrl, UnknownSchemeIsNotAnError) {
  const auto url = parse_url("cockroach://root@h:26257/defaultdb");
  EXPECT_EQ(url.scheme, "cockroach");
  EXPECT_EQ(url.port, 26257);
}

TEST(UrlErrors, EmptyUrlSaysWhereToSetOne) {
  const auto message = usage_error_of([] { parse_url(""); });
  EXPECT_EQ(message,
            "no database URL: set database_url in retort.ini, RETORT_DATABASE_URL, or pass --url");
  EXPECT_EQ(usage_error_of([] { parse_url("  "); }), message);
}

TEST(UrlErrors, SyntaxErrorsAreUsageErrorsNamingTheUrl) {
  const std::vector<std::string> broken = {
      "not a url",
      "sqlite:relative.db",
      "://h/db",
      "1pg://h/db",
      "postgresql://h:abc/db",
      "postgresql://h:0/db",
      "postgresql://h:70000/db",
      "postgresql://h:-1/db",
      "postgresql://h/d%zzb",
      "postgresql://h/db%4",
      "postgresql://h/db%00",
      "postgresql://h/db?flag",
      "postgresql://h/db?=v",
      "postgresql://[::1/db",
      "postgresql://[zz]/db",
      "postgresql://h]/db",
      "postgresql://h/my db",
      "postgresql://h/db\n",
  };
  for (const auto& text : broken) {
    const auto message = usage_error_of([&] { parse_url(text); });
    EXPECT_TRUE(message.starts_with("invalid database URL '")) << text << " -> " << message;
  }
}

TEST(ConnectOptions, EveryPartBecomesAnOption) {
  const auto url = parse_url("postgresql://alice:pw@h:5433/shop?sslmode=require&connect_timeout=5");
  EXPECT_EQ(connect_options(url), (Options{{"url.user", "alice"},
                                           {"url.password", "pw"},
                                           {"url.host", "h"},
                                           {"url.port", "5433"},
                                           {"url.database", "shop"},
                                           {"param.sslmode", "require"},
                                           {"param.connect_timeout", "5"}}));
}

TEST(ConnectOptions, AbsentPartsHaveNoOption) {
  EXPECT_EQ(connect_options(parse_url("postgresql:///shop")), (Options{{"url.database", "shop"}}));
  EXPECT_EQ(connect_options(parse_url("postgresql://h")), (Options{{"url.host", "h"}}));
  EXPECT_EQ(connect_options(parse_url("sqlite:///shop.db?mode=ro", UrlForm::file)),
            (Options{{"url.database", "shop.db"}, {"param.mode", "ro"}}));
  EXPECT_EQ(connect_options(parse_url("sqlite://:memory:", UrlForm::file)),
            (Options{{"url.database", ":memory:"}}));
}

TEST(ConnectOptions, EmptyPasswordIsPassedAsGiven) {
  EXPECT_EQ(connect_options(parse_url("mariadb://root:@h/shop")),
            (Options{{"url.user", "root"},
                     {"url.password", ""},
                     {"url.host", "h"},
                     {"url.database", "shop"}}));
}

TEST(ConnectOptions, ValuesAreDecoded) {
  EXPECT_EQ(connect_options(parse_url("postgresql://u:p%40ss@[::1]/d%2Fb")),
            (Options{{"url.user", "u"},
                     {"url.password", "p@ss"},
                     {"url.host", "::1"},
                     {"url.database", "d/b"}}));
}

}  // namespace
