#include "host/config/config_location.hpp"

#include "host/config/config_paths.hpp"
#include "host/config/printable.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

ConfigLocation named_file(const std::string& name, const std::string& source,
                          const std::filesystem::path& cwd) {
  if (name.empty()) usage_error(source + " names no config file");
  ConfigLocation location{anchored_path(name, cwd), name};
  std::error_code ignored;
  if (!std::filesystem::exists(location.path, ignored)) {
    usage_error("config file '" + printable(name) + "' (from " + source + ") does not exist");
  }
  return location;
}

}  // namespace

std::optional<ConfigLocation> locate_config_file(const CommandLine& command_line,
                                                 const Environment& environment,
                                                 const std::filesystem::path& cwd) {
  if (command_line.config_file) return named_file(*command_line.config_file, "--config", cwd);
  if (auto from_environment = environment("RETORT_CONFIG")) {
    return named_file(*from_environment, "RETORT_CONFIG", cwd);
  }
  ConfigLocation default_file{anchored_path("retort.ini", cwd), "retort.ini"};
  std::error_code ignored;
  if (std::filesystem::exists(default_file.path, ignored)) return default_file;
  return std::nullopt;
}

}  // namespace host
