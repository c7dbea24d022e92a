// Where plugins are looked for, and what is found there. The order of the
// folders (--plugin-path, RETORT_PLUGIN_PATH, config, default) is decided by
// the caller; the first folder holding a match wins.
#pragma once

#include <filesystem>
#include <vector>

#include "host/abi/inspect.hpp"

namespace host {

/// The install default: the running executable's folder + "/../" +
/// RETORT_PLUGIN_SUBDIR, normalized. Empty if /proc/self/exe cannot be read.
std::filesystem::path default_plugin_dir();

/// One *.so file found on the plugin path.
struct PluginFile {
  std::filesystem::path folder;  ///< the plugin-path entry it was found in
  Inspection inspection;         ///< inspection.path is the file itself
};

/// Every regular *.so file directly in each folder, folder by folder in the
/// given order and by file name within one. Missing or unreadable folders,
/// and folders listed twice, are skipped. Files that are not usable plugins
/// are returned with their problem, so they can be shown; nothing is loaded.
std::vector<PluginFile> scan_plugins(const std::vector<std::filesystem::path>& folders);

}  // namespace host
