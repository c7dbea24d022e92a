// Internal to host/config: a URL cut into its still-encoded pieces, shared by
// the parser and the masker so that both agree on where the password is.
#pragma once

#include <optional>
#include <string_view>

namespace host {

/// Views into the text given to split_url_parts; nothing is decoded or checked.
struct UrlParts {
  std::string_view scheme;
  std::string_view authority;  ///< between "://" and the first '/' or '?'
  std::optional<std::string_view> user;
  std::optional<std::string_view> password;
  std::string_view host;  ///< brackets of an IPv6 address included
  std::optional<std::string_view> port;
  std::optional<std::string_view> path;  ///< after the authority's '/', up to '?'
  std::optional<std::string_view> query;
};

/// nullopt when `text` has no "scheme://".
std::optional<UrlParts> split_url_parts(std::string_view text);

/// Masks a URL known not to parse: everything from the first ':' after "//"
/// to the last '@' becomes "***", so a password survives in no form.
std::string mask_unparsable_url(std::string_view text);

}  // namespace host
