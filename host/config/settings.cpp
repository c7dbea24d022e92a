#include "host/config/settings.hpp"

#include <cstdlib>

#include "host/config/config_location.hpp"
#include "host/config/config_paths.hpp"
#include "host/config/printable.hpp"
#include "host/config/setting_values.hpp"
#include "host/config/settings_file.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

std::optional<std::string> lookup(const Environment& environment, const std::string& name) {
  if (!environment) return std::nullopt;
  auto value = environment(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::string checked_choice(const std::string& value, const std::string& source,
                           const std::vector<std::string>& choices) {
  if (auto choice = parsed_choice(value, choices)) return *choice;
  invalid_value("", source, value, alternatives(choices));
}

// Each layer prepends, so the final order is flags, environment, file.
void prepend(std::vector<std::string>& list, std::vector<std::string> first) {
  list.insert(list.begin(), first.begin(), first.end());
}

void apply_environment(Settings& settings, const Environment& environment,
                       const std::filesystem::path& cwd) {
  if (auto url = lookup(environment, "RETORT_DATABASE_URL")) {
    settings.database_url = *url;
  } else if (auto fallback = lookup(environment, "DATABASE_URL")) {
    settings.database_url = *fallback;
  }
  if (auto url = lookup(environment, "RETORT_SCRATCH_URL")) settings.scratch_url = *url;
  if (auto sql = lookup(environment, "RETORT_INIT_SQL")) settings.init_sql = *sql;
  if (auto list = lookup(environment, "RETORT_MODELS")) {
    settings.models.clear();
    for (const auto& entry : split_path_list(*list)) settings.models.push_back(anchored_path(entry, cwd));
  }
  if (auto list = lookup(environment, "RETORT_PLUGIN_PATH")) {
    std::vector<std::string> paths;
    for (const auto& entry : split_path_list(*list)) paths.push_back(anchored_path(entry, cwd));
    prepend(settings.plugin_path, std::move(paths));
  }
  if (auto level = lookup(environment, "RETORT_LOG_LEVEL")) {
    settings.log_level = checked_choice(*level, "RETORT_LOG_LEVEL", log_level_names);
  }
  if (auto format = lookup(environment, "RETORT_LOG_FORMAT")) {
    settings.log_format = checked_choice(*format, "RETORT_LOG_FORMAT", log_format_names);
  }
}

std::pair<std::string, std::string> parsed_x_argument(const std::string& argument) {
  const auto equals = argument.find('=');
  if (equals == std::string::npos) {
    usage_error("invalid -x argument '" + printable(argument) + "': expected KEY=VALUE");
  }
  if (equals == 0)
    usage_error("invalid -x argument '" + printable(argument) + "': the KEY is empty");
  return {argument.substr(0, equals), argument.substr(equals + 1)};
}

void apply_command_line(Settings& settings, const CommandLine& command_line,
                        const std::filesystem::path& cwd) {
  if (command_line.url) settings.database_url = *command_line.url;
  std::vector<std::string> paths;
  for (const auto& path : command_line.plugin_paths) paths.push_back(anchored_path(path, cwd));
  prepend(settings.plugin_path, std::move(paths));
  if (command_line.log_level) {
    settings.log_level = checked_choice(*command_line.log_level, "--log-level", log_level_names);
  }
  if (command_line.log_format) {
    settings.log_format =
        checked_choice(*command_line.log_format, "--log-format", log_format_names);
  }
  if (command_line.log_file) {
    settings.log_file =
        command_line.log_file->empty() ? "" : anchored_path(*command_line.log_file, cwd);
  }
  if (command_line.init_sql) settings.init_sql = *command_line.init_sql;
  if (!command_line.models.empty()) {
    settings.models.clear();
    for (const auto& path : command_line.models) settings.models.push_back(anchored_path(path, cwd));
  }
  for (const auto& argument : command_line.x_args) {
    settings.x_args.push_back(parsed_x_argument(argument));
  }
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Settings resolve_settings(const CommandLine& command_line, const Environment& environment,
                          const std::filesystem::path& cwd) {
  const Environment checked = [&environment](const std::string& name) {
    return lookup(environment, name);
  };
  Settings settings;
  if (auto file = locate_config_file(command_line, checked, cwd))
    apply_config_file(settings, *file);
  apply_environment(settings, checked, cwd);
  apply_command_line(settings, command_line, cwd);
  return settings;
}

}  // namespace host
