#include "host/config/config_paths.hpp"

#include "host/config/revisions_source.hpp"

#include <algorithm>

namespace host {
namespace {

bool is_provider_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::optional<NamedProvider> named_provider(std::string_view value) {
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || !is_provider_name(value.substr(0, colon))) return std::nullopt;
  return NamedProvider{std::string(value.substr(0, colon)), std::string(value.substr(colon + 1))};
}

std::string anchored_path(std::string_view value, const std::filesystem::path& base) {
  std::filesystem::path path(value);
  if (path.is_relative()) path = base / path;
  return path.lexically_normal().string();
}

std::string anchored_revisions_source(std::string_view value, const std::filesystem::path& base) {
  if (auto named = named_provider(value))
    return named->provider + ":" + (named->argument.empty() ? std::string() : anchored_path(named->argument, base));
  return anchored_path(value, base);
}

std::vector<std::string> split_path_list(std::string_view list) {
  std::vector<std::string> entries;
  while (!list.empty()) {
    const auto colon = list.find(':');
    if (colon != 0) entries.emplace_back(list.substr(0, colon));
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return entries;
}

}  // namespace host
