// The static description every plugin carries in its RETORT_PLUGIN_SECTION
// section (format in retort/abi.h), and the words the host uses when a
// plugin's ABI major is not its own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace host {

struct PluginNote {
  int abi_major = 0;
  int abi_minor = 0;
  std::string kind;  ///< "dialect" or "provider"
  std::string name;
  std::string version;
  std::vector<std::string> schemes;  ///< dialects only; as written in the note
};

/// Parses "retort-plugin abi=1.0 kind=dialect name=sqlite version=0.1.0
/// schemes=sqlite". Unknown keys are ignored, so a later minor may add some.
/// On failure returns nullopt and sets `why_not` to a short reason.
std::optional<PluginNote> parse_plugin_note(std::string_view text, std::string& why_not);

/// True if a plugin of this ABI major can be loaded by this host.
bool abi_compatible(int plugin_major) noexcept;

/// "built for retort ABI 2.0, but this retort speaks ABI 1.1 (it loads
/// plugins of ABI 1.x): rebuild it against retort ABI 1.x" — the reason,
/// without the file.
std::string abi_mismatch_reason(int plugin_major, int plugin_minor);

/// "plugin FILE was built for retort ABI 2.0, but ..." — the whole message.
std::string abi_mismatch_message(const std::filesystem::path& file, int plugin_major,
                                 int plugin_minor);

}  // namespace host
