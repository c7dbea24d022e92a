// Loading a plugin's library and checking its descriptor before any use.
// Loaded libraries stay resident for the life of the process: nothing here
// ever unloads one.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <memory>

struct retort_plugin_descriptor;  // retort/abi.h

namespace host {

enum class PluginKind { dialect, provider };

/// "dialect" or "provider", as the note spells it.
std::string_view kind_name(PluginKind kind) noexcept;

/// A plugin whose descriptor and function table have been validated.
///
/// `functions` is a host copy of the plugin's table, zero past the size the
/// plugin declared, so a plugin of an older minor reads as having null in
/// every function it does not know. The function pointers point into the
/// resident library.
struct FunctionTable;  // function_table.hpp, inside host/abi only

struct LoadedPlugin {
  std::filesystem::path path;
  std::string name;
  std::string version;
  int abi_major = 0;
  int abi_minor = 0;
  PluginKind plugin_kind = PluginKind::dialect;
  std::shared_ptr<const FunctionTable> functions;

  PluginKind kind() const noexcept { return plugin_kind; }
};

/// Validates what RETORT_ENTRY_SYMBOL returned for `file` (named in every
/// message). Throws host::Error(ExitCode::plugin) with one line naming the
/// file and the reason: null descriptor, too small, another ABI major,
/// unknown kind, missing or absurd name/version, missing or too small
/// function table, a required function missing.
LoadedPlugin check_descriptor(const retort_plugin_descriptor* descriptor,
                              const std::filesystem::path& file);

/// Loads `file` with every symbol resolved now (so a missing dependency is
/// reported here), calls its entry and checks the descriptor. A file whose
/// static note declares another ABI major is refused without being loaded.
/// Every failure is a host::Error(ExitCode::plugin) naming the file.
LoadedPlugin load_plugin(const std::filesystem::path& file);

}  // namespace host
