// Internal to host/config: the retort.ini layer of the settings.
#pragma once

#include "host/config/config_location.hpp"
#include "host/config/settings.hpp"

namespace host {

/// Overwrites `settings` with what the file sets, checking every value.
/// Relative paths (revisions, plugin_path, log file) are anchored at the
/// file's folder, so a project works from any working directory.
void apply_config_file(Settings& settings, const ConfigLocation& file);

}  // namespace host
