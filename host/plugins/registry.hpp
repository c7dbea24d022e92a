// The plugins on the plugin path, and the ones this run asked for. Only what
// is asked for is loaded: a dialect by URL scheme, a provider by name or by
// file; everything else is only inspected.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/abi/dialect.hpp"
#include "host/plugins/plugin_lock.hpp"
#include "host/abi/provider.hpp"
#include "host/plugins/search_path.hpp"

namespace host {

/// What is checked before a plugin's code is loaded (trust.hpp, plugin_lock.hpp).
struct LoadPolicy {
  bool allow_untrusted = false;    ///< --allow-untrusted-plugins: skip the owner and permission check
  std::optional<PluginLock> lock;  ///< when present, only pinned plugins with their pinned hash load
};

/// Owns every Dialect and Provider it hands out; references stay valid for
/// the registry's lifetime. Not thread-safe.
class PluginRegistry {
 public:
  /// Scans `folders` (highest precedence first) once, without loading.
  explicit PluginRegistry(std::vector<std::filesystem::path> folders, LoadPolicy policy = {});

  const std::vector<std::filesystem::path>& folders() const noexcept { return folders_; }
  /// Every *.so found, usable or not, in search order.
  const std::vector<PluginFile>& list() const noexcept { return files_; }

  /// Every plugin loaded so far (what this configuration uses), by path.
  std::vector<const LoadedPlugin*> loaded_plugins() const;

  /// The dialect whose note lists `scheme` (case-insensitive, "://" optional),
  /// loaded on first use. The first usable file in search order wins. No
  /// match: host::Error(ExitCode::plugin) naming the scheme, the package that
  /// provides it and the folders searched.
  const Dialect& dialect_for_scheme(std::string_view scheme);

  /// A new, unopened instance of the provider plugin named `name` (one per
  /// `revisions =` entry, so one plugin can serve several folders).
  Provider& provider_by_name(std::string_view name);

  /// A new, unopened instance of the provider in `file` (a revisions .so
  /// named directly in the config), wherever it lies.
  Provider& provider_from_file(const std::filesystem::path& file);

 private:
  /// The first usable file matching, or the error for the first unusable one.
  const PluginFile* choose(bool (*matches)(const PluginNote&, std::string_view), std::string_view key) const;
  const LoadedPlugin& loaded(const std::filesystem::path& file);
  std::string searched() const;

  std::vector<std::filesystem::path> folders_;
  std::vector<PluginFile> files_;
  LoadPolicy policy_;
  std::map<std::filesystem::path, LoadedPlugin> loaded_;
  std::map<std::filesystem::path, std::unique_ptr<Dialect>> dialects_;
  std::vector<std::unique_ptr<Provider>> providers_;
};

/// What to install for a scheme: the package the build ships its dialect in
/// (retort_ship_plugin SCHEMES), or "a retort dialect
/// plugin that answers 'X'" for schemes no retort package provides.
std::string package_for_scheme(std::string_view scheme);

}  // namespace host
