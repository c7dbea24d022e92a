// Internal to host/config: how relative paths in settings are anchored.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace host {

/// `value` made absolute against `base` (if relative) and lexically normalised.
std::string anchored_path(std::string_view value, const std::filesystem::path& base);

/// A `revisions` value anchored against `base`: a path as anchored_path does,
/// or "provider:argument" (provider is [a-z0-9_]+, no '/' before the colon)
/// keeping the provider and anchoring only a non-empty argument.
std::string anchored_revisions_source(std::string_view value, const std::filesystem::path& base);

/// A colon-separated list (RETORT_PLUGIN_PATH), empty entries dropped.
std::vector<std::string> split_path_list(std::string_view list);

}  // namespace host
