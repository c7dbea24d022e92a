// Database URLs: the one parser the host has (dialects receive the parts as
// connect options and never parse URLs), and the masking that keeps a
// password out of everything retort prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace host {

/// A database URL split into its parts, each percent-decoded.
/// An empty string (or an empty `port`) means the part was absent.
struct Url {
  std::string scheme;  ///< lowercased, as the dialect plugins declare them
  std::string user, password;
  bool has_password = false;  ///< true for "user:@host" (an empty password given)
  std::string host;           ///< an IPv6 address without its brackets
  std::optional<int> port;
  std::string database;  ///< a file URL: the path as written, or ":memory:"
  std::vector<std::pair<std::string, std::string>> params;  ///< ?name=value, in order
  std::string text;  ///< the URL as given, password included: never print it
};

/// How the part after "//" reads. The dialect that answers the scheme says
/// which (RETORT_DIALECT_FILE_URL); the host names no engine.
enum class UrlForm {
  server,  ///< [user[:password]@]host[:port][/database]
  file,    ///< /relative, //absolute, :memory: or nothing (in memory); no user or host
};

/// The URL's scheme, lowercased, after the checks every URL must pass
/// (not blank, no space or control character, SCHEME://..., a valid scheme).
/// Throws host::Error(usage) like parse_url.
std::string url_scheme(std::string_view text);

/// Parses `text` in `form`. Throws host::Error(usage) on a syntax error, with
/// the URL masked; an unknown scheme is not an error here (a plugin may
/// answer it). A password may contain unencoded '@' and ':', but '/' and '?'
/// must be percent-encoded.
Url parse_url(std::string_view text, UrlForm form = UrlForm::server);

/// The URL as retort_connect_params options: url.user, url.password,
/// url.host, url.port, url.database, param.NAME. An absent part has no option.
std::vector<std::pair<std::string, std::string>> connect_options(const Url& url);

/// `text` with its password replaced by "***", and its user too when the
/// user is the password. Works on unparsable text too, then masking
/// generously: everything between "//user:" and the last '@'.
std::string mask_url(std::string_view text);

/// `text` with passwords replaced by "***" where they occur as passwords:
/// the userinfo of any URL in it (the user too when it is the password or a
/// secret), a connection string's `password=VALUE` (`user=VALUE` when VALUE
/// is a secret), and, for a secret that is not a word of letters, every
/// occurrence raw or percent-encoded (under 8 characters only where it does
/// not continue a word, as between regex \b boundaries). A password that is
/// a word ("retort") is never masked inside names or retort's own words.
/// Apply to any message before printing it.
std::string mask_secrets(std::string text, const std::vector<std::string>& secrets);

}  // namespace host
