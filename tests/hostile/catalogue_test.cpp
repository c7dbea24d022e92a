// The catalogue of bad input, entry point by entry point: retort.ini, the
// database URL (flag, environment, file), sqldir revision files, targets and
// ranges, and flags. Each row runs the real binary and asserts SPEC §5's exit
// code, one line on stderr naming the file, line or value, no signal, and no
// password printed (hostile.hpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <map>

#include "hostile.hpp"
#include "project.hpp"

namespace hostile {
namespace {

using it::Project;
using it::write_file;

const std::string pg_url = "postgresql://retort:" + password_in_url + "@127.0.0.1:1/nodb";

// ---------------------------------------------------------------- retort.ini

struct ConfigRow {
  std::string name;
  std::string content;
  Outcome outcome;
};

TEST(HostileConfig, EveryBadConfigFileIsAUsageErrorNamingFileAndLine) {
  const std::string url_line = "database_url = " + pg_url + "\n";
  const std::vector<ConfigRow> rows = {
      {"unclosed section", "[retort\n", {2, {"retort.ini:1"}}},
      {"line without '='", "[retort]\n" + url_line + "revisions migrations\n", {2, {"retort.ini:3", "revisions"}}},
      {"unknown key", "[retort]\nrevisoins = migrations\n", {2, {"retort.ini:2", "revisoins"}}},
      {"unknown section", "[retrot]\n", {2, {"retort.ini:1", "retrot"}}},
      {"key outside a section", "lock_timeout = 5\n[retort]\n", {2, {"retort.ini:1", "lock_timeout"}}},
      {"single key twice", "[retort]\n" + url_line + url_line, {2, {"retort.ini:3", "database_url", "line 2"}}},
      {"key without a name", "[retort]\n = 5\n", {2, {"retort.ini:2"}}},
      {"negative lock_timeout", "[retort]\n" + url_line + "lock_timeout = -1\n", {2, {"retort.ini:3", "-1"}}},
      {"word lock_timeout", "[retort]\nlock_timeout = soon\n", {2, {"retort.ini:2", "soon"}}},
      {"nan lock_timeout", "[retort]\nlock_timeout = nan\n", {2, {"retort.ini:2", "nan"}}},
      {"infinite lock_timeout", "[retort]\nlock_timeout = 1e999\n", {2, {"retort.ini:2", "1e999"}}},
      {"bad boolean", "[retort]\ntransaction_per_migration = maybe\n", {2, {"retort.ini:2", "maybe"}}},
      {"bad log level", "[log]\nlevel = loud\n", {2, {"retort.ini:2", "loud"}}},
      {"bad log format", "[log]\nformat = xml\n", {2, {"retort.ini:2", "xml"}}},
      {"binary garbage", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\xff\xfe\n[retort]\n", 17), {2, {"retort.ini:1"}}},
      {"NUL inside a value", std::string("[retort]\nversion_table = a\0b\n", 28), {2, {"retort.ini:2"}}},
      {"escape sequence", "[retort]\nhistory_table = \x1b[2J\n", {2, {"retort.ini:2"}}},
      {"huge file", "[retort]\n" + std::string(2 << 20, 'k') + "\n", {2, {"retort.ini", "1 MiB"}}},
      {"huge line of garbage", "[retort]\n" + std::string(1 << 19, 'k') + "\n", {2, {"retort.ini:2"}}},
      {"huge bad value", "[retort]\nlock_timeout = " + std::string(1 << 19, '9') + "x\n", {2, {"retort.ini:2"}}},
      {"password in a broken line", "[retort]\ndatabase_url " + pg_url + "\n", {2, {"retort.ini:2", "***"}}},
      {"password then a bad value", "[retort]\n" + url_line + "lock_timeout = 0\n", {2, {"retort.ini:3", "0"}}},
      {"no revisions", "[retort]\n" + url_line, {2, {"revisions"}}},
      {"revisions that do not exist", "[retort]\nrevisions = nowhere\n", {2, {"nowhere"}}},
  };
  for (const auto& row : rows) {
    Project project("sqlite");
    write_file(project.dir() / "retort.ini", row.content);
    expect_outcome("config: " + row.name, retort(project, {"heads"}), row.outcome);
  }
}

TEST(HostileConfig, ConfigPathsThatAreNotFilesAreUsageErrorsNamingThem) {
  Project project("sqlite");
  std::filesystem::create_directory(project.dir() / "folder.ini");
  expect_outcome("-c folder", retort(project, {"-c", "folder.ini", "heads"}), {2, {"folder.ini"}});
  expect_outcome("-c missing", retort(project, {"-c", "missing.ini", "heads"}), {2, {"missing.ini"}});
  expect_outcome("RETORT_CONFIG folder", retort(project, {"heads"}, {{"RETORT_CONFIG", "folder.ini"}}),
                 {2, {"folder.ini"}});
  expect_outcome("-c /dev/null", retort(project, {"-c", "/dev/null", "heads"}), {2, {"revisions"}});
  // Endless or blocking: must be refused, not read until memory runs out.
  expect_outcome("-c /dev/zero", retort(project, {"-c", "/dev/zero", "heads"}), {2, {"/dev/zero", "1 MiB"}});
  ASSERT_EQ(::mkfifo((project.dir() / "fifo.ini").c_str(), 0600), 0);
  expect_outcome("-c fifo", retort(project, {"-c", "fifo.ini", "heads"}), {2, {"fifo.ini", "pipe"}});
  std::filesystem::create_directory(project.dir() / "retort.ini");
  expect_outcome("./retort.ini is a folder", retort(project, {"heads"}), {2, {"retort.ini"}});
}

TEST(HostileConfig, ByteOrderMarkAndCrlfAreAccepted) {
  Project project("sqlite");
  write_file(project.dir() / "retort.ini", "\xEF\xBB\xBF[retort]\r\nrevisions = " + it::shop_plugin().string() +
                                               "\r\nlock_timeout = 5 ; seconds\r\n");
  Result r = retort(project, {"heads"});
  expect_outcome("BOM and CRLF", r, {0, {}});
  EXPECT_THAT(r.out, ::testing::HasSubstr(it::shop_ids.back()));
}

// ---------------------------------------------------------------- URLs

struct UrlRow {
  std::string url;
  Outcome outcome;
};

TEST(HostileUrls, EveryMalformedUrlIsAUsageErrorAndNoneLeaksThePassword) {
  const std::string pw = password_in_url;
  const std::vector<UrlRow> rows = {
      {"", {2, {"no database URL"}}},
      {"   ", {2, {"no database URL"}}},
      {"sqlite", {2, {"invalid database URL", "SCHEME://"}}},
      {"://x", {2, {"scheme"}}},
      {"1sqlite:///x.db", {2, {"scheme"}}},
      {"sq lite:///x.db", {2, {"space"}}},
      {"sqlite:///a\x01" "b", {2, {"control"}}},
      {"sqlite://host/x.db", {2, {"sqlite URL has no user or host"}}},
      {"sqlite://u:" + pw + "@/x.db", {2, {"sqlite URL has no user or host", "***"}}},
      {"sqlite://:memory:/x", {2, {":memory:"}}},
      {"sqlite:///%zz", {2, {"percent-encoding"}}},
      {"sqlite:///a%00b", {2, {"percent-encoding"}}},
      {"sqlite:///a%", {2, {"percent-encoding"}}},
      // Ignoring it would let a "read-only" URL migrate the database.
      {"sqlite:///x.db?mode=ro", {2, {"unknown URL parameter 'mode'"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:99999/db", {2, {"port", "***"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:0/db", {2, {"port"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:-1/db", {2, {"port"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:54x/db", {2, {"port"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:" + std::string(40, '9') + "/db", {2, {"port"}}},
      {"postgresql://u:" + pw + "@[::1/db", {2, {"IPv6"}}},
      {"postgresql://u:" + pw + "@[zz]:5432/db", {2, {"IPv6"}}},
      {"postgresql://u:" + pw + "@h]ost/db", {2, {"brackets"}}},
      {"postgresql://u:" + pw + "@h%zzost/db", {2, {"percent-encoding", "host"}}},
      {"postgresql://%zz:" + pw + "@127.0.0.1/db", {2, {"percent-encoding", "user"}}},
      {"postgresql://u:%zz" + pw + "@127.0.0.1/db", {2, {"percent-encoding", "***"}}},
      {"postgresql://u:" + pw + "%@127.0.0.1/db", {2, {"percent-encoding"}}},
      {"postgresql://u:" + pw + "@127.0.0.1/d%zzb", {2, {"percent-encoding", "database"}}},
      {"postgresql://u:" + pw + "@127.0.0.1/db?sslmode", {2, {"query parameter"}}},
      {"postgresql://u:" + pw + "@127.0.0.1/db?=disable", {2, {"empty name"}}},
      {"postgresql://u:" + pw + "@127.0.0.1/db?a=%zz", {2, {"percent-encoding"}}},
      {"postgresql://u:" + pw + "@127.0.0.1:1/db?sslmod=disable", {2, {"unknown URL parameter 'sslmod'"}}},
      // A raw '/' or '?' in a password cuts the authority short; the rest
      // of the URL is still masked.
      {"postgresql://u:s3cr@t:pa/ss%w0rd@127.0.0.1/db", {2, {"***"}}},
      {"mariadb://u:s3cr?w0rd@127.0.0.1/db", {2, {"***"}}},
      {"mysql://u:" + pw + "@127.0.0.1:65536/db", {2, {"port"}}},
      {"mariadb://u:" + pw + "@[::1]:x/db", {2, {"port"}}},
  };
  Project project("sqlite");
  project.use_shop();
  for (const auto& row : rows) {
    expect_outcome("--url " + row.url, retort(project, {"--url", row.url, "current"}), row.outcome);
    if (row.url.empty()) continue;  // an empty variable counts as unset (host/config/README.md)
    expect_outcome("RETORT_DATABASE_URL=" + row.url,
                   retort(project, {"current"}, {{"RETORT_DATABASE_URL", row.url}}), row.outcome);
  }
}

TEST(HostileUrls, EverySchemeFailsToConnectWithOneMaskedLine) {
  const std::string pw = password_in_url;
  const std::vector<UrlRow> rows = {
      {"postgresql://retort:" + pw + "@127.0.0.1:1/nodb", {1, {"cannot connect", "***"}}},
      {"postgres://retort:" + pw + "@127.0.0.1:1/nodb?sslmode=disable", {1, {"cannot connect", "***"}}},
      {"postgresql://retort:" + pw + "@127.0.0.1:1/nodb?sslmode=bogus", {1, {"***"}}},
      {"postgresql://retort:" + pw + "@%2Fnonexistent%2Fsocket/nodb", {1, {"***"}}},
      {"mariadb://retort:" + pw + "@127.0.0.1:1/nodb", {1, {"cannot connect", "***"}}},
      {"mysql://retort:" + pw + "@127.0.0.1:1/nodb", {1, {"cannot connect", "***"}}},
      {"mariadb://retort:" + pw + "@127.0.0.1:1/nodb?connect_timeout=x", {2, {"connect_timeout", "***"}}},
      {"sqlite:///no/such/folder/x.db", {1, {"no/such/folder"}}},
      {"sqlite:///" + std::string(5000, 'a') + ".db", {1, {"cannot connect"}}},
      {"oracle://scott:" + pw + "@127.0.0.1/orcl", {3, {"oracle", "***"}}},
      {"x-y.z+w://u:" + pw + "@h/db", {3, {"x-y.z+w"}}},
  };
  Project project("sqlite");
  project.use_shop();
  for (const auto& row : rows) {
    expect_outcome("--url " + row.url, retort(project, {"--url", row.url, "current"}), row.outcome);
    expect_outcome("DATABASE_URL=" + row.url, retort(project, {"current"}, {{"DATABASE_URL", row.url}}),
                   row.outcome);
  }
}

TEST(HostileUrls, APasswordInTheConfigFileIsMaskedEverywhere) {
  Project project("sqlite");
  project.use_shop();
  write_file(project.dir() / "retort.ini", "[retort]\ndatabase_url = " + pg_url +
                                               "\nrevisions = " + it::shop_plugin().string() + "\n");
  expect_outcome("current", retort(project, {"current"}), {1, {"***"}});
  expect_outcome("current json log", retort(project, {"--log-format", "json", "current"}), {1, {"***"}});
  expect_outcome("upgrade --sql", retort(project, {"upgrade", "head", "--sql"}), {0, {}});
  // Debug logging prints many lines; none of them may hold the password.
  Result debug = retort(project, {"--log-level", "debug", "current"});
  EXPECT_EQ(debug.code, 1) << debug.err;
  for (const auto& piece : password_pieces) EXPECT_THAT(debug.err, ::testing::Not(::testing::HasSubstr(piece)));
}

// ---------------------------------------------------------------- sqldir files

struct SqlRow {
  std::string name;
  std::map<std::string, std::string> files;  ///< name in migrations/ -> content
  Outcome outcome;
};

const std::string header = "-- retort:revision aaaa00000001\n-- retort:message m\n";

TEST(HostileSqldir, EveryParseErrorNamesTheFileAndLine) {
  const std::vector<SqlRow> rows = {
      {"NUL byte", {{"a.sql", header + std::string("-- retort:upgrade\nSELECT '\0';\n", 30)}}, {4, {"a.sql:4", "NUL"}}},
      {"SQL before upgrade", {{"a.sql", header + "CREATE TABLE t (id INT);\n-- retort:upgrade\n"}}, {4, {"a.sql:3"}}},
      {"block comment in header", {{"a.sql", header + "/* hi */\n-- retort:upgrade\n"}}, {4, {"a.sql:3"}}},
      {"unknown directive", {{"a.sql", header + "-- retort:down_revisoin x\n-- retort:upgrade\n"}},
       {4, {"a.sql:3", "down_revisoin"}}},
      {"upper-case directive", {{"a.sql", header + "-- RETORT:Upgrade\n"}}, {4, {"a.sql:3"}}},
      {"header after upgrade", {{"a.sql", header + "-- retort:upgrade\n-- retort:message late\n"}},
       {4, {"a.sql:4", "message"}}},
      {"duplicate directive", {{"a.sql", header + "-- retort:message again\n-- retort:upgrade\n"}},
       {4, {"a.sql:3", "line 2"}}},
      {"invalid id", {{"a.sql", "-- retort:revision abc-def\n-- retort:upgrade\n"}}, {4, {"a.sql:1", "abc-def"}}},
      {"id too long", {{"a.sql", "-- retort:revision " + std::string(65, 'a') + "\n-- retort:upgrade\n"}},
       {4, {"a.sql:1"}}},
      {"empty id", {{"a.sql", "-- retort:revision\n-- retort:upgrade\n"}}, {4, {"a.sql:1"}}},
      {"invalid down_revision", {{"a.sql", header + "-- retort:down_revision a@b\n-- retort:upgrade\n"}},
       {4, {"a.sql:3", "a@b"}}},
      {"empty list item", {{"a.sql", header + "-- retort:down_revision a,,b\n-- retort:upgrade\n"}},
       {4, {"a.sql:3"}}},
      {"item twice", {{"a.sql", header + "-- retort:depends_on x1, x1\n-- retort:upgrade\n"}}, {4, {"a.sql:3", "x1"}}},
      {"label with '@'", {{"a.sql", header + "-- retort:branch_labels sh@p\n-- retort:upgrade\n"}},
       {4, {"a.sql:3", "sh@p"}}},
      {"bad transactional", {{"a.sql", header + "-- retort:transactional sometimes\n-- retort:upgrade\n"}},
       {4, {"a.sql:3", "sometimes"}}},
      {"upgrade with a value", {{"a.sql", header + "-- retort:upgrade now\n"}}, {4, {"a.sql:3", "now"}}},
      {"second upgrade", {{"a.sql", header + "-- retort:upgrade\nSELECT 1;\n-- retort:upgrade\n"}},
       {4, {"a.sql:5", "line 3"}}},
      {"downgrade first", {{"a.sql", header + "-- retort:downgrade\n-- retort:upgrade\n"}}, {4, {"a.sql:3"}}},
      {"no revision line", {{"a.sql", "-- retort:upgrade\nSELECT 1;\n"}}, {4, {"a.sql", "revision"}}},
      {"no upgrade line", {{"a.sql", header}}, {4, {"a.sql", "upgrade"}}},
      {"empty file", {{"a.sql", ""}}, {4, {"a.sql"}}},
      {"binary garbage", {{"a.sql", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\xff\xfe", 12)}}, {4, {"a.sql"}}},
      {"a 17 MiB file", {{"a.sql", header + "-- retort:upgrade\n" + std::string(17 << 20, ' ')}},
       {4, {"a.sql", "16 MiB"}}},
      {"duplicate ids across files",
       {{"a.sql", header + "-- retort:upgrade\n"}, {"b.sql", header + "-- retort:upgrade\n"}},
       {4, {"aaaa00000001", "a.sql", "b.sql"}}},
      {"cycle across files",
       {{"a.sql", "-- retort:revision aaaa00000001\n-- retort:down_revision bbbb00000002\n-- retort:upgrade\n"},
        {"b.sql", "-- retort:revision bbbb00000002\n-- retort:down_revision aaaa00000001\n-- retort:upgrade\n"}},
       {4, {"aaaa00000001", "bbbb00000002"}}},
      {"self parent", {{"a.sql", header + "-- retort:down_revision aaaa00000001\n-- retort:upgrade\n"}},
       {4, {"aaaa00000001"}}},
      {"unknown parent", {{"a.sql", header + "-- retort:down_revision ffff99999999\n-- retort:upgrade\n"}},
       {4, {"ffff99999999"}}},
      {"unknown dependency", {{"a.sql", header + "-- retort:depends_on nothing_here\n-- retort:upgrade\n"}},
       {4, {"nothing_here"}}},
  };
  for (const auto& row : rows) {
    Project project("sqlite");
    for (const auto& [name, content] : row.files) write_file(project.dir() / "migrations" / name, content);
    project.configure("migrations");
    expect_outcome("sqldir: " + row.name, retort(project, {"heads"}), row.outcome);
  }
}

TEST(HostileSqldir, CrlfAndByteOrderMarkFilesWork) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "a.sql",
             "\xEF\xBB\xBF-- retort:revision aaaa00000001\r\n-- retort:upgrade\r\nCREATE TABLE t (id INTEGER);\r\n");
  project.configure("migrations");
  expect_outcome("CRLF upgrade", retort(project, {"upgrade", "head"}), {0, {}});
  EXPECT_EQ(project.db().tables(), "retort_history\nretort_version\nt\n");
}

TEST(HostileSqldir, FolderEntriesThatAreNotFilesAreHandled) {
  Project project("sqlite");
  write_file(project.dir() / "migrations" / "a.sql", header + "-- retort:upgrade\nSELECT 1;\n");
  std::filesystem::create_directory(project.dir() / "migrations" / "folder.sql");
  std::filesystem::create_symlink(project.dir() / "nowhere.sql", project.dir() / "migrations" / "broken.sql");
  project.configure("migrations");
  expect_outcome("broken symlink", retort(project, {"heads"}), {2, {"broken.sql"}});
}

// ---------------------------------------------------------------- targets and flags

struct ArgsRow {
  std::vector<std::string> args;
  Outcome outcome;
};

TEST(HostileTargets, EveryMalformedTargetIsAUsageErrorAndEveryUnresolvableOneAGraphError) {
  Project project("sqlite");
  project.use_shop();
  ASSERT_EQ(retort(project, {"upgrade", "8a4e"}).code, 0);
  const std::vector<ArgsRow> rows = {
      {{"upgrade", ""}, {2, {}}},
      {{"upgrade", "a@"}, {2, {"a@"}}},
      {{"upgrade", "@head"}, {2, {"@head"}}},
      {{"upgrade", "+x"}, {2, {"+x"}}},
      {{"upgrade", "+-1"}, {2, {"+-1"}}},
      {{"upgrade", "heads+1"}, {2, {"heads+1"}}},
      {{"downgrade", "base-1"}, {2, {"base-1"}}},
      {{"upgrade", "x!"}, {2, {"x!"}}},
      {{"upgrade", "+99999999999999999999"}, {2, {"+99999999999999999999"}}},
      {{"upgrade", "+0"}, {2, {"+0"}}},
      {{"upgrade", std::string(65, 'a')}, {2, {}}},
      {{"upgrade", std::string(100000, '+')}, {2, {}}},
      {{"upgrade", "head\n--sql"}, {2, {}}},
      {{"upgrade", "\xff\xfe"}, {2, {}}},
      {{"upgrade", "ffff"}, {4, {"ffff"}}},
      {{"upgrade", "3f1"}, {4, {"3f1"}}},
      {{"upgrade", "nolabel@head"}, {4, {"nolabel"}}},
      {{"upgrade", "+99"}, {4, {"+99"}}},
      {{"downgrade", "-99"}, {4, {"-99"}}},
      {{"downgrade", "3f1c2a9b7d10-5"}, {4, {"3f1c2a9b7d10"}}},
      {{"upgrade", "5b9e1d3a6c72+1"}, {4, {"5b9e1d3a6c72"}}},
      {{"upgrade", "a:b"}, {2, {"a:b"}}},
      {{"upgrade", "base:head"}, {2, {"base:head"}}},
      {{"upgrade", ":head", "--sql"}, {2, {}}},
      {{"upgrade", "head:", "--sql"}, {2, {}}},
      {{"upgrade", "a:b:c", "--sql"}, {2, {"b:c"}}},
      {{"downgrade", "base", "--sql"}, {2, {"FROM:"}}},
      {{"history", "-r", "::"}, {2, {"::"}}},
      {{"history", "-r", "head"}, {2, {"head"}}},
      {{"history", "-r", "zzzz:"}, {4, {"zzzz"}}},
      {{"history", "-r", "-999:current"}, {4, {"-999"}}},
      {{"show", "zzzzzz"}, {4, {"zzzzzz"}}},
      {{"show", "head:base"}, {2, {"head:base"}}},  // a target, and a range is none
      {{"stamp", "x@y@z"}, {2, {"x@y@z"}}},
  };
  for (const auto& row : rows) {
    std::string name;
    for (const auto& a : row.args) name += a.substr(0, 30) + " ";
    expect_outcome("retort " + name, retort(project, row.args), row.outcome);
  }
}

TEST(HostileFlags, EveryBadFlagIsAUsageErrorNamingIt) {
  Project project("sqlite");
  project.use_shop();
  const std::vector<ArgsRow> rows = {
      {{}, {2, {"no command"}}},
      {{"--nope", "heads"}, {2, {"--nope"}}},
      {{"heads", "--sql"}, {2, {"--sql", "heads"}}},
      {{"upgrade", "head", "--output", "x.sql"}, {2, {"--sql"}}},
      {{"current", "--purge"}, {2, {"--purge"}}},
      {{"upgrade", "head", "extra"}, {2, {"upgrade"}}},
      {{"upgrade"}, {2, {"upgrade"}}},
      {{"-c"}, {2, {}}},
      {{"--url"}, {2, {}}},
      {{"--log-level", "loud", "heads"}, {2, {"loud"}}},
      {{"--log-format", "xml", "heads"}, {2, {"xml"}}},
      {{"--format", "yaml", "heads"}, {2, {"yaml"}}},
      {{"-x", "noequals", "heads"}, {2, {"noequals"}}},
      {{"-x", "=value", "heads"}, {2, {}}},
      {{"--plugin-path", "", "heads"}, {0, {}}},
      {{"plugins", "inspect"}, {2, {"inspect"}}},
      {{"plugins", "frobnicate"}, {2, {"plugins"}}},
      {{"plugins", "inspect", "a", "b"}, {2, {}}},
      {{std::string("\xff\xfe")}, {2, {}}},
      {{"heads", std::string(1 << 16, '-')}, {2, {}}},
      {{"--url", "sqlite:///x.db", "--url", "sqlite:///y.db", "heads"}, {2, {"url"}}},
  };
  for (const auto& row : rows) {
    std::string name;
    for (const auto& a : row.args) name += a.substr(0, 30) + " ";
    expect_outcome("retort " + name, retort(project, row.args), row.outcome);
  }
}

TEST(HostileFlags, BadEnvironmentValuesNameTheVariable) {
  Project project("sqlite");
  project.use_shop();
  expect_outcome("RETORT_LOG_LEVEL", retort(project, {"heads"}, {{"RETORT_LOG_LEVEL", "loud"}}),
                 {2, {"RETORT_LOG_LEVEL", "loud"}});
  expect_outcome("RETORT_LOG_FORMAT", retort(project, {"heads"}, {{"RETORT_LOG_FORMAT", "xml"}}),
                 {2, {"RETORT_LOG_FORMAT", "xml"}});
  expect_outcome("RETORT_PLUGIN_PATH garbage", retort(project, {"heads"}, {{"RETORT_PLUGIN_PATH", ":::\x01:"}}),
                 {0, {}});
}

}  // namespace
}  // namespace hostile
