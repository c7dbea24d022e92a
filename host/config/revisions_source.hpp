// How a `revisions` value names where revisions come from: the one reading
// of `provider:argument`, shared by the settings (which anchor only the
// argument) and the CLI (which opens the provider).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace host {

struct NamedProvider {
  std::string provider;  ///< [a-z0-9_]+
  std::string argument;  ///< what follows the first ':', possibly empty
};

/// `value` split as provider:argument when the text before its first ':' is
/// a provider name; nullopt for a folder or a plugin file.
std::optional<NamedProvider> named_provider(std::string_view value);

}  // namespace host
