// retort.ini as SPEC §4 writes it, and the one-line FILE:LINE errors for
// everything else.
#include <gtest/gtest.h>

#include "host/config/settings.hpp"
#include "test_support.hpp"

namespace {

using host::CommandLine;
using host::Settings;
using test_support::TempDir;
using test_support::usage_error_of;

class ConfigFileTest : public ::testing::Test {
 protected:
  Settings read(const std::string& content) {
    dir.write("retort.ini", content);
    return host::resolve_settings({}, host::Environment(), dir.path());
  }
  std::string error_of(const std::string& content) {
    return usage_error_of([&] { read(content); });
  }

  TempDir dir;
};

TEST_F(ConfigFileTest, SpecExampleIsReadWithItsInlineComments) {
  const Settings settings = read(
      "[retort]\n"
      "database_url = sqlite:///shop.db\n"
      "revisions = migrations            ; repeatable: a folder (sqldir), a .so, or "
      "provider:argument\n"
      "plugin_path = build/plugins        ; repeatable\n"
      "version_table = retort_version\n"
      "transaction_per_migration = true   ; false = one transaction around the whole run\n"
      "lock_timeout = 60                  ; seconds\n"
      "[log]\n"
      "level = info                       ; error | warn | info | debug\n"
      "format = text                      ; text | json\n"
      "file =                             ; optional: also append log lines to this file\n");
  EXPECT_EQ(settings.database_url, "sqlite:///shop.db");
  EXPECT_EQ(settings.revisions, (std::vector<std::string>{(dir.path() / "migrations").string()}));
  EXPECT_EQ(settings.plugin_path,
            (std::vector<std::string>{(dir.path() / "build/plugins").string()}));
  EXPECT_EQ(settings.version_table, "retort_version");
  EXPECT_TRUE(settings.transaction_per_migration);
  EXPECT_EQ(settings.lock_timeout, 60);
  EXPECT_EQ(settings.log_level, "info");
  EXPECT_EQ(settings.log_format, "text");
  EXPECT_EQ(settings.log_file, "");
}

TEST_F(ConfigFileTest, CommentLinesAndBlankLinesAreSkipped) {
  const Settings settings = read(
      "; a comment\n"
      "# another comment\n"
      "\n"
      "   ; indented comment\n"
      "[retort]   # after a section\n"
      "\t\n"
      "version_table = v   # hash comment\n");
  EXPECT_EQ(settings.version_table, "v");
}

TEST_F(ConfigFileTest, HashAndSemicolonInsideAValueAreKept) {
  const Settings settings = read(
      "[retort]\n"
      "database_url = postgresql://alice:p#ss;w@db/shop   ; the password holds # and ;\n");
  EXPECT_EQ(settings.database_url, "postgresql://alice:p#ss;w@db/shop");
}

TEST_F(ConfigFileTest, CrlfLineEndingsAndByteOrderMarkAreAccepted) {
  const Settings settings =
      read("\xEF\xBB\xBF[retort]\r\nversion_table = v\r\n[log]\r\nlevel = debug\r\n");
  EXPECT_EQ(settings.version_table, "v");
  EXPECT_EQ(settings.log_level, "debug");
}

TEST_F(ConfigFileTest, BooleansAcceptTheUsualSpellings) {
  for (const char* yes : {"true", "yes", "1", "TRUE", "Yes"}) {
    EXPECT_TRUE(read(std::string("[retort]\ntransaction_per_migration = ") + yes + "\n")
                    .transaction_per_migration)
        << yes;
  }
  for (const char* no : {"false", "no", "0", "False"}) {
    EXPECT_FALSE(read(std::string("[retort]\ntransaction_per_migration = ") + no + "\n")
                     .transaction_per_migration)
        << no;
  }
}

TEST_F(ConfigFileTest, EmptyValueLeavesTheDefault) {
  const Settings settings = read("[retort]\nversion_table =\nlock_timeout =\n[log]\nlevel =\n");
  EXPECT_EQ(settings.version_table, "retort_version");
  EXPECT_EQ(settings.lock_timeout, 60);
  EXPECT_EQ(settings.log_level, "info");
}

TEST_F(ConfigFileTest, RepeatableKeysKeepFileOrder) {
  const Settings settings =
      read("[retort]\nrevisions = /a\nrevisions = /b\n[log]\n[retort]\nrevisions = /c\n");
  EXPECT_EQ(settings.revisions, (std::vector<std::string>{"/a", "/b", "/c"}));
}

TEST_F(ConfigFileTest, CppRevisionsFolderIsAnchoredAtTheFileAndUnsetByDefault) {
  EXPECT_EQ(read("[retort]\n").cpp_revisions, "");
  EXPECT_EQ(read("[retort]\ncpp_revisions = src/revisions\n").cpp_revisions,
            (dir.path() / "src/revisions").string());
  EXPECT_EQ(read("[retort]\ncpp_revisions = /abs/revs\n").cpp_revisions, "/abs/revs");
  EXPECT_EQ(error_of("[retort]\ncpp_revisions = a\ncpp_revisions = b\n").substr(0, 13), "retort.ini:3:");
}

TEST_F(ConfigFileTest, UnknownKeyNamesFileLineAndKey) {
  EXPECT_EQ(error_of("[retort]\nversion_table = v\nlock_timout = 5\n"),
            "retort.ini:3: unknown key 'lock_timout' in [retort]");
  EXPECT_EQ(error_of("[log]\nlevel = info\ndatabase_url = sqlite://\n"),
            "retort.ini:3: unknown key 'database_url' in [log]");
}

TEST_F(ConfigFileTest, UnknownSectionNamesFileAndLine) {
  EXPECT_EQ(error_of("[retort]\n\n[logging]\nlevel = info\n"),
            "retort.ini:3: unknown section [logging]; retort reads [retort] or [log] or [target.NAME]");
}

TEST_F(ConfigFileTest, KeyOutsideASectionNamesFileAndLine) {
  EXPECT_EQ(error_of("; top\ndatabase_url = sqlite://\n"),
            "retort.ini:2: 'database_url' is outside any section; put it under [retort] or [log] or [target.NAME]");
}

TEST_F(ConfigFileTest, LineThatIsNotKeyValueNamesFileAndLine) {
  EXPECT_EQ(error_of("[retort]\nversion_table retort_version\n"),
            "retort.ini:2: expected 'key = value', '[section]' or a comment, found "
            "'version_table retort_version'");
  EXPECT_EQ(error_of("[retort]\n\n\n[retort\n"),
            "retort.ini:4: expected 'key = value', '[section]' or a comment, found '[retort'");
  EXPECT_EQ(error_of("[retort]\n= value\n"),
            "retort.ini:2: expected 'key = value', '[section]' or a comment, found '= value'");
}

TEST_F(ConfigFileTest, SyntaxErrorDoesNotShowAPassword) {
  const auto message = error_of("[retort]\ndatabase_url postgresql://alice:Zq7Secret@db/shop\n");
  EXPECT_TRUE(message.starts_with("retort.ini:2: ")) << message;
  EXPECT_EQ(message.find("Zq7Secret"), std::string::npos) << message;
}

TEST_F(ConfigFileTest, ControlCharacterIsASyntaxError) {
  EXPECT_EQ(error_of("[retort]\nversion_table = a\x01"
                     "b\n"),
            "retort.ini:2: contains a control character");
}

TEST_F(ConfigFileTest, SingleValuedKeyGivenTwiceNamesBothLines) {
  EXPECT_EQ(error_of("[retort]\nversion_table = a\nhistory_table = h\nversion_table = b\n"),
            "retort.ini:4: 'version_table' in [retort] is already set at line 2");
}

TEST_F(ConfigFileTest, BadValuesNameFileLineKeyAndValue) {
  EXPECT_EQ(
      error_of("[retort]\nlock_timeout = 0\n"),
      "retort.ini:2: invalid value '0' for lock_timeout: expected a number of seconds above 0");
  EXPECT_EQ(
      error_of("[retort]\n\nlock_timeout = -3\n"),
      "retort.ini:3: invalid value '-3' for lock_timeout: expected a number of seconds above 0");
  EXPECT_EQ(
      error_of("[retort]\nlock_timeout = 60s\n"),
      "retort.ini:2: invalid value '60s' for lock_timeout: expected a number of seconds above 0");
  EXPECT_EQ(
      error_of("[retort]\nlock_timeout = inf\n"),
      "retort.ini:2: invalid value 'inf' for lock_timeout: expected a number of seconds above 0");
  EXPECT_EQ(
      error_of("[retort]\ntransaction_per_migration = maybe\n"),
      "retort.ini:2: invalid value 'maybe' for transaction_per_migration: expected true, false, "
      "yes, no, 1 or 0");
  EXPECT_EQ(error_of("[log]\nlevel = loud\n"),
            "retort.ini:2: invalid value 'loud' for level: expected error, warn, info or debug");
  EXPECT_EQ(error_of("[log]\nformat = xml   ; not yet\n"),
            "retort.ini:2: invalid value 'xml' for format: expected text or json");
}

TEST_F(ConfigFileTest, FractionalLockTimeoutIsAccepted) {
  EXPECT_EQ(read("[retort]\nlock_timeout = 0.25\n").lock_timeout, 0.25);
}

TEST_F(ConfigFileTest, BadFileValueIsAnErrorEvenWhenAFlagOverridesIt) {
  dir.write("retort.ini", "[log]\nlevel = loud\n");
  CommandLine command_line;
  command_line.log_level = "debug";
  EXPECT_EQ(usage_error_of(
                [&] { host::resolve_settings(command_line, host::Environment(), dir.path()); }),
            "retort.ini:2: invalid value 'loud' for level: expected error, warn, info or debug");
}

TEST_F(ConfigFileTest, ErrorsNameTheFileAsTheUserWroteIt) {
  dir.write("conf/custom.ini", "[retort]\nbogus = 1\n");
  CommandLine command_line;
  command_line.config_file = "conf/custom.ini";
  EXPECT_EQ(usage_error_of(
                [&] { host::resolve_settings(command_line, host::Environment(), dir.path()); }),
            "conf/custom.ini:2: unknown key 'bogus' in [retort]");
}

TEST_F(ConfigFileTest, DirectoryIsNotAConfigFile) {
  std::filesystem::create_directories(dir.path() / "retort.ini");
  EXPECT_EQ(usage_error_of([&] { host::resolve_settings({}, host::Environment(), dir.path()); }),
            "config file 'retort.ini' is a directory");
}

TEST_F(ConfigFileTest, EmptyFileGivesDefaults) {
  const Settings settings = read("");
  EXPECT_EQ(settings.version_table, "retort_version");
  EXPECT_EQ(settings.config_file, (dir.path() / "retort.ini").string());
}

// [target.NAME] sections: a fleet's databases (--targets label:L).
TEST_F(ConfigFileTest, TargetSectionsAreReadInFileOrderWithTheirLabels) {
  const Settings settings = read(
      "[retort]\nrevisions = migrations\n"
      "[target.eu-1]\nurl = postgresql://app:pw@127.0.0.1/eu1\nlabels = eu, paid\n"
      "[target.us.2]\nurl = sqlite:///us2.db   ; a file\n"
      "[log]\nlevel = warn\n");
  ASSERT_EQ(settings.targets.size(), 2u);
  EXPECT_EQ(settings.targets[0].name, "eu-1");
  EXPECT_EQ(settings.targets[0].url, "postgresql://app:pw@127.0.0.1/eu1");
  EXPECT_EQ(settings.targets[0].labels, (std::vector<std::string>{"eu", "paid"}));
  EXPECT_EQ(settings.targets[1].name, "us.2");
  EXPECT_EQ(settings.targets[1].url, "sqlite:///us2.db");
  EXPECT_TRUE(settings.targets[1].labels.empty());
  EXPECT_EQ(settings.targets[1].origin, "retort.ini [target.us.2]");
  EXPECT_EQ(settings.log_level, "warn");
}

TEST_F(ConfigFileTest, TargetSectionsRefuseUnknownKeysEmptyUrlsAndBadNames) {
  EXPECT_NE(error_of("[target.a]\nurl = sqlite:///a.db\nhost = x\n").find(":3: unknown key 'host' in [target.a]"),
            std::string::npos);
  EXPECT_NE(error_of("[target.a]\nlabels = eu\n").find("[target.a] has no url"), std::string::npos);
  EXPECT_NE(error_of("[target.a]\nurl =\n").find("[target.a] has no url"), std::string::npos);
  const std::string bad = error_of("[target.a b]\nurl = sqlite:///a.db\n");
  EXPECT_NE(bad.find(":1: unknown section [target.a b]"), std::string::npos) << bad;
  EXPECT_NE(bad.find("[target.NAME]"), std::string::npos) << bad;
  EXPECT_NE(error_of("[target.a]\nurl = sqlite:///a.db\nurl = sqlite:///b.db\n").find("already set at line 2"),
            std::string::npos);
}

}  // namespace
