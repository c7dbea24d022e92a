// retort.plugins.lock: the SHA-256 of every plugin a configuration loads,
// written by `retort plugins lock`. While the file exists, the host hashes
// each plugin before loading it and refuses one that is not pinned or whose
// bytes changed, so a deployment runs exactly the plugin builds it was
// tested with.
//
// Plugins are pinned by kind and name (from their static note, read without
// running them), not by path, so a pinned tree can move (/opt/a to /opt/b)
// and stay valid; the path is recorded for people reading the file.
//
// File format, one plugin per line, '#' starts a comment line:
//   KIND NAME sha256:HEX PATH
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace host {

struct PinnedPlugin {
  std::string kind;    ///< "dialect" or "provider"
  std::string name;    ///< as the plugin's note names it
  std::string sha256;  ///< 64 lowercase hex digits
  std::filesystem::path path;
};

/// The file name, looked for next to the configuration file (or in the
/// working directory when there is none).
inline constexpr std::string_view plugin_lock_name = "retort.plugins.lock";

/// SHA-256 of the file's bytes as 64 lowercase hex digits. Throws
/// Error(plugin) naming the file when it cannot be read.
std::string sha256_of_file(const std::filesystem::path& file);

class PluginLock {
 public:
  /// Reads `file`; nullopt when there is none. Throws Error(usage)
  /// "FILE:LINE: ..." for a line that is not a pin.
  static std::optional<PluginLock> read(const std::filesystem::path& file);

  /// Throws Error(plugin) naming the lock file unless the plugin `kind`
  /// `name` is pinned with the hash of `plugin_file`'s bytes; the message
  /// carries both hashes when they differ.
  void verify(std::string_view kind, std::string_view name, const std::filesystem::path& plugin_file) const;

  const std::filesystem::path& file() const noexcept { return file_; }
  const std::vector<PinnedPlugin>& pins() const noexcept { return pins_; }

 private:
  std::filesystem::path file_;
  std::vector<PinnedPlugin> pins_;
};

/// Writes `pins` (sorted by kind and name, duplicates dropped) to `file`
/// through a temporary file renamed over it, so a reader never sees half a
/// lock. Throws Error(usage) naming the file when it cannot be written.
void write_plugin_lock(const std::filesystem::path& file, std::vector<PinnedPlugin> pins);

}  // namespace host
