// Internal to host/config: which retort.ini is read, if any.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "host/config/settings.hpp"

namespace host {

struct ConfigLocation {
  std::filesystem::path path;  ///< absolute
  std::string display_name;    ///< as the user wrote it, for messages
};

/// --config, then RETORT_CONFIG (each must name an existing file), then
/// retort.ini in `cwd` if there is one.
std::optional<ConfigLocation> locate_config_file(const CommandLine& command_line,
                                                 const Environment& environment,
                                                 const std::filesystem::path& cwd);

}  // namespace host
