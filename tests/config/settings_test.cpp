// SPEC §4 precedence: command-line flag, environment, config file, default.
#include "host/config/settings.hpp"

#include <gtest/gtest.h>

#include <map>

#include "test_support.hpp"

namespace {

using host::CommandLine;
using host::resolve_settings;
using host::Settings;
using test_support::TempDir;
using test_support::usage_error_of;

using Variables = std::map<std::string, std::string>;

host::Environment environment_of(Variables variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

class SettingsTest : public ::testing::Test {
 protected:
  Settings resolve(const CommandLine& command_line = {}, Variables variables = {}) {
    return resolve_settings(command_line, environment_of(std::move(variables)), dir.path());
  }
  std::string at(const std::string& relative) const {
    return (dir.path() / relative).lexically_normal().string();
  }

  TempDir dir;
};

const char* const full_file =
    "[retort]\n"
    "database_url = sqlite:///from_file.db\n"
    "revisions = migrations\n"
    "plugin_path = file_plugins\n"
    "version_table = alembic_version\n"
    "version_table_schema = meta\n"
    "history_table = audit\n"
    "transaction_per_migration = false\n"
    "lock_timeout = 2.5\n"
    "[log]\n"
    "level = warn\n"
    "format = json\n"
    "file = logs/retort.log\n";

TEST_F(SettingsTest, DefaultsWhenNothingIsGiven) {
  const Settings settings = resolve();
  EXPECT_EQ(settings.database_url, "");
  EXPECT_TRUE(settings.revisions.empty());
  EXPECT_TRUE(settings.plugin_path.empty());
  EXPECT_EQ(settings.version_table, "retort_version");
  EXPECT_EQ(settings.version_table_schema, "");
  EXPECT_EQ(settings.history_table, "retort_history");
  EXPECT_TRUE(settings.transaction_per_migration);
  EXPECT_EQ(settings.lock_timeout, 60);
  EXPECT_EQ(settings.log_level, "info");
  EXPECT_EQ(settings.log_format, "text");
  EXPECT_EQ(settings.log_file, "");
  EXPECT_EQ(settings.config_file, "");
  EXPECT_TRUE(settings.x_args.empty());
}

TEST_F(SettingsTest, FileValuesReplaceDefaults) {
  dir.write("retort.ini", full_file);
  const Settings settings = resolve();
  EXPECT_EQ(settings.database_url, "sqlite:///from_file.db");
  EXPECT_EQ(settings.revisions, (std::vector<std::string>{at("migrations")}));
  EXPECT_EQ(settings.plugin_path, (std::vector<std::string>{at("file_plugins")}));
  EXPECT_EQ(settings.version_table, "alembic_version");
  EXPECT_EQ(settings.version_table_schema, "meta");
  EXPECT_EQ(settings.history_table, "audit");
  EXPECT_FALSE(settings.transaction_per_migration);
  EXPECT_EQ(settings.lock_timeout, 2.5);
  EXPECT_EQ(settings.log_level, "warn");
  EXPECT_EQ(settings.log_format, "json");
  EXPECT_EQ(settings.log_file, at("logs/retort.log"));
  EXPECT_EQ(settings.config_file, at("retort.ini"));
}

TEST_F(SettingsTest, UrlFlagBeatsEnvironmentBeatsFile) {
  dir.write("retort.ini", full_file);
  const Variables both = {{"RETORT_DATABASE_URL", "sqlite:///retort_env.db"},
                          {"DATABASE_URL", "sqlite:///generic_env.db"}};
  CommandLine flag;
  flag.url = "sqlite:///flag.db";
  EXPECT_EQ(resolve(flag, both).database_url, "sqlite:///flag.db");
  EXPECT_EQ(resolve({}, both).database_url, "sqlite:///retort_env.db");
  EXPECT_EQ(resolve({}, {{"DATABASE_URL", "sqlite:///generic_env.db"}}).database_url,
            "sqlite:///generic_env.db");
  EXPECT_EQ(resolve().database_url, "sqlite:///from_file.db");
}

TEST_F(SettingsTest, EmptyEnvironmentVariableCountsAsUnset) {
  dir.write("retort.ini", full_file);
  EXPECT_EQ(
      resolve({}, {{"RETORT_DATABASE_URL", ""}, {"DATABASE_URL", "sqlite:///g.db"}}).database_url,
      "sqlite:///g.db");
  EXPECT_EQ(resolve({}, {{"RETORT_LOG_LEVEL", ""}}).log_level, "warn");
}

TEST_F(SettingsTest, LogLevelFlagBeatsEnvironmentBeatsFileBeatsDefault) {
  CommandLine flag;
  flag.log_level = "debug";
  EXPECT_EQ(resolve().log_level, "info");
  dir.write("retort.ini", full_file);
  EXPECT_EQ(resolve().log_level, "warn");
  EXPECT_EQ(resolve({}, {{"RETORT_LOG_LEVEL", "error"}}).log_level, "error");
  EXPECT_EQ(resolve(flag, {{"RETORT_LOG_LEVEL", "error"}}).log_level, "debug");
}

TEST_F(SettingsTest, LogFormatFlagBeatsEnvironmentBeatsFileBeatsDefault) {
  CommandLine flag;
  flag.log_format = "text";
  EXPECT_EQ(resolve().log_format, "text");
  dir.write("retort.ini", full_file);
  EXPECT_EQ(resolve().log_format, "json");
  EXPECT_EQ(resolve({}, {{"RETORT_LOG_FORMAT", "text"}}).log_format, "text");
  flag.log_format = "json";
  EXPECT_EQ(resolve(flag, {{"RETORT_LOG_FORMAT", "text"}}).log_format, "json");
}

TEST_F(SettingsTest, LogFileFlagBeatsFileAndIsRelativeToTheWorkingDirectory) {
  dir.write("project/retort.ini", full_file);
  CommandLine command_line;
  command_line.config_file = "project/retort.ini";
  EXPECT_EQ(resolve(command_line).log_file, at("project/logs/retort.log"));
  command_line.log_file = "here.log";
  EXPECT_EQ(resolve(command_line).log_file, at("here.log"));
}

TEST_F(SettingsTest, LogChoicesIgnoreCaseAndAreStoredLowercase) {
  CommandLine flag;
  flag.log_level = "DEBUG";
  flag.log_format = "Json";
  const Settings settings = resolve(flag);
  EXPECT_EQ(settings.log_level, "debug");
  EXPECT_EQ(settings.log_format, "json");
}

TEST_F(SettingsTest, BadLogFlagsAndVariablesNameTheirSource) {
  CommandLine level;
  level.log_level = "loud";
  EXPECT_EQ(usage_error_of([&] { resolve(level); }),
            "invalid value 'loud' for --log-level: expected error, warn, info or debug");
  CommandLine format;
  format.log_format = "xml";
  EXPECT_EQ(usage_error_of([&] { resolve(format); }),
            "invalid value 'xml' for --log-format: expected text or json");
  EXPECT_EQ(usage_error_of([&] {
              resolve({}, {{"RETORT_LOG_LEVEL", "verbose"}});
            }),
            "invalid value 'verbose' for RETORT_LOG_LEVEL: expected error, warn, info or debug");
  EXPECT_EQ(usage_error_of([&] {
              resolve({}, {{"RETORT_LOG_FORMAT", "yaml"}});
            }),
            "invalid value 'yaml' for RETORT_LOG_FORMAT: expected text or json");
}

TEST_F(SettingsTest, ValueQuotedInAnErrorStaysOnOneLine) {
  CommandLine level;
  level.log_level = "info\nERROR fake line";
  EXPECT_EQ(usage_error_of([&] { resolve(level); }),
            "invalid value 'info\\nERROR fake line' for --log-level: expected error, warn, info or "
            "debug");
}

TEST_F(SettingsTest, PluginPathsKeepFlagsThenEnvironmentThenFile) {
  dir.write("retort.ini", full_file);
  CommandLine command_line;
  command_line.plugin_paths = {"flag_a", "/abs/flag_b"};
  const Settings settings = resolve(command_line, {{"RETORT_PLUGIN_PATH", "env_a::/abs/env_b:"}});
  EXPECT_EQ(settings.plugin_path,
            (std::vector<std::string>{at("flag_a"), "/abs/flag_b", at("env_a"), "/abs/env_b",
                                      at("file_plugins")}));
}

TEST_F(SettingsTest, FileValuesOnlyForKeysWithoutFlagOrVariable) {
  dir.write("retort.ini", full_file);
  CommandLine command_line;
  command_line.url = "sqlite:///flag.db";
  const Settings settings = resolve(command_line);
  EXPECT_EQ(settings.version_table, "alembic_version");
  EXPECT_EQ(settings.lock_timeout, 2.5);
}

TEST_F(SettingsTest, ConfigFlagBeatsVariableBeatsDefaultFile) {
  dir.write("retort.ini", "[retort]\nversion_table = from_default\n");
  dir.write("env.ini", "[retort]\nversion_table = from_env\n");
  dir.write("flag.ini", "[retort]\nversion_table = from_flag\n");
  CommandLine flag;
  flag.config_file = "flag.ini";
  EXPECT_EQ(resolve(flag, {{"RETORT_CONFIG", "env.ini"}}).version_table, "from_flag");
  EXPECT_EQ(resolve({}, {{"RETORT_CONFIG", "env.ini"}}).version_table, "from_env");
  EXPECT_EQ(resolve().version_table, "from_default");
  EXPECT_EQ(resolve(flag).config_file, at("flag.ini"));
}

TEST_F(SettingsTest, NamedConfigFileMustExist) {
  CommandLine flag;
  flag.config_file = "missing.ini";
  EXPECT_EQ(usage_error_of([&] { resolve(flag); }),
            "config file 'missing.ini' (from --config) does not exist");
  EXPECT_EQ(usage_error_of([&] {
              resolve({}, {{"RETORT_CONFIG", "gone.ini"}});
            }),
            "config file 'gone.ini' (from RETORT_CONFIG) does not exist");
}

TEST_F(SettingsTest, ConfigFileIsFoundOnlyInTheWorkingDirectory) {
  dir.write("sub/retort.ini", "[retort]\nversion_table = nested\n");
  EXPECT_EQ(resolve().version_table, "retort_version");
  EXPECT_EQ(resolve().config_file, "");
}

TEST_F(SettingsTest, FilePathsAreRelativeToTheFileFolder) {
  dir.write("project/conf/retort.ini",
            "[retort]\n"
            "revisions = migrations\n"
            "revisions = ../shared/revs.so\n"
            "revisions = /opt/revs\n"
            "revisions = sqldir:more_sql\n"
            "revisions = shop:\n"
            "revisions = cpp_2:/abs/arg\n"
            "revisions = sub/dir:with_colon\n"
            "plugin_path = plugins\n"
            "plugin_path = /usr/lib/retort\n");
  CommandLine command_line;
  command_line.config_file = "project/conf/retort.ini";
  const Settings settings = resolve(command_line);
  EXPECT_EQ(settings.revisions,
            (std::vector<std::string>{at("project/conf/migrations"), at("project/shared/revs.so"),
                                      "/opt/revs", "sqldir:" + at("project/conf/more_sql"), "shop:",
                                      "cpp_2:/abs/arg", at("project/conf/sub/dir:with_colon")}));
  EXPECT_EQ(settings.plugin_path,
            (std::vector<std::string>{at("project/conf/plugins"), "/usr/lib/retort"}));
}

// `models` (docs/models.md): repeatable in the file, where its lines
// combine; RETORT_MODELS replaces them, --models replaces both.
const char* const models_file =
    "[retort]\n"
    "models = models\n"
    "models = build/shop_models.so\n"
    "models = /abs/schema.sql\n";

TEST_F(SettingsTest, RepeatedModelsLinesCombineInFileOrder) {
  dir.write("retort.ini", models_file);
  EXPECT_EQ(resolve().models,
            (std::vector<std::string>{at("models"), at("build/shop_models.so"), "/abs/schema.sql"}));
}

TEST_F(SettingsTest, ModelsInANamedFileAreRelativeToItsFolder) {
  dir.write("conf/retort.ini", models_file);
  CommandLine command_line;
  command_line.config_file = "conf/retort.ini";
  EXPECT_EQ(resolve(command_line).models,
            (std::vector<std::string>{at("conf/models"), at("conf/build/shop_models.so"), "/abs/schema.sql"}));
}

TEST_F(SettingsTest, ModelsVariableIsAPathListThatReplacesTheFileLines) {
  dir.write("retort.ini", models_file);
  EXPECT_EQ(resolve({}, {{"RETORT_MODELS", "env_a::/abs/env_b.so:"}}).models,
            (std::vector<std::string>{at("env_a"), "/abs/env_b.so"}));
  EXPECT_EQ(resolve({}, {{"RETORT_MODELS", ""}}).models, resolve().models) << "empty counts as unset";
}

TEST_F(SettingsTest, ModelsFlagsReplaceTheFileLinesAndTheVariable) {
  dir.write("retort.ini", models_file);
  CommandLine command_line;
  command_line.models = {"flag_a", "/abs/flag_b.so"};
  const std::vector<std::string> flags{at("flag_a"), "/abs/flag_b.so"};
  EXPECT_EQ(resolve(command_line).models, flags);
  EXPECT_EQ(resolve(command_line, {{"RETORT_MODELS", "env_a"}}).models, flags);
}

TEST_F(SettingsTest, XArgumentsKeepOrderAndSplitAtTheFirstEquals) {
  CommandLine command_line;
  command_line.x_args = {"tenant=acme", "dsn=a=b", "empty=", "tenant=other"};
  EXPECT_EQ(resolve(command_line).x_args,
            (std::vector<std::pair<std::string, std::string>>{
                {"tenant", "acme"}, {"dsn", "a=b"}, {"empty", ""}, {"tenant", "other"}}));
}

TEST_F(SettingsTest, XArgumentWithoutEqualsOrKeyIsRefused) {
  CommandLine missing_equals;
  missing_equals.x_args = {"tenant"};
  EXPECT_EQ(usage_error_of([&] { resolve(missing_equals); }),
            "invalid -x argument 'tenant': expected KEY=VALUE");
  CommandLine empty_key;
  empty_key.x_args = {"=value"};
  EXPECT_EQ(usage_error_of([&] { resolve(empty_key); }),
            "invalid -x argument '=value': the KEY is empty");
}

TEST_F(SettingsTest, NullEnvironmentIsAnEmptyEnvironment) {
  EXPECT_EQ(resolve_settings({}, host::Environment(), dir.path()).database_url, "");
}

}  // namespace
