// Describing a plugin file without running any of its code: `retort plugins
// inspect FILE` and the plugin search both read the file's ELF sections and
// dynamic symbols, never dlopen it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "host/abi/plugin_note.hpp"

namespace host {

struct Inspection {
  std::filesystem::path path;
  bool is_elf = false;
  bool is_shared_object = false;
  bool exports_entry = false;       ///< a defined, exported RETORT_ENTRY_SYMBOL function
  std::optional<PluginNote> note;   ///< the RETORT_PLUGIN_SECTION description, when readable
  /// Why this retort cannot use the file (not a plugin, damaged, another ABI
  /// major); "" if it can. A short reason without the file name.
  std::string problem;
};

/// Reads `file` as a 64-bit ELF shared object of this machine. Never throws
/// for anything in the file: hostile, truncated or foreign files come back
/// with a problem.
Inspection inspect_plugin_file(const std::filesystem::path& file);

}  // namespace host
