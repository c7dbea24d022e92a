#include "host/config/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "host/config/percent_encoding.hpp"
#include "host/config/printable.hpp"
#include "host/config/url_parts.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

// Reasons never quote a part of the URL: a mis-split URL can put a piece of
// the password in any part. The masked URL itself says what was given.
[[noreturn]] void invalid_url(std::string_view text, std::string_view reason) {
  usage_error("invalid database URL '" + printable(mask_unparsable_url(text)) +
              "': " + std::string(reason));
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

bool has_space_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c <= 0x20 || c == 0x7F; });
}

bool is_valid_scheme(std::string_view scheme) {
  if (scheme.empty() || std::isalpha(static_cast<unsigned char>(scheme[0])) == 0) return false;
  return std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
  });
}

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string decoded(std::string_view url, std::string_view raw, std::string_view part_name) {
  auto value = percent_decode(raw);
  if (!value)
    invalid_url(url, "invalid percent-encoding (or %00) in the " + std::string(part_name));
  return *value;
}

std::optional<int> parsed_port(std::string_view url, std::optional<std::string_view> raw) {
  if (!raw || raw->empty()) return std::nullopt;
  int port = 0;
  const auto [end, error] = std::from_chars(raw->data(), raw->data() + raw->size(), port);
  const bool all_digits =
      std::all_of(raw->begin(), raw->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!all_digits || error != std::errc() || end != raw->data() + raw->size() || port < 1 ||
      port > 65535) {
    invalid_url(url, "the port is not a number from 1 to 65535");
  }
  return port;
}

std::string parsed_host(std::string_view url, std::string_view raw) {
  if (raw.starts_with('[')) {
    if (!raw.ends_with(']')) invalid_url(url, "an IPv6 address lacks its closing ']'");
    const std::string_view address = raw.substr(1, raw.size() - 2);
    const bool plausible =
        !address.empty() && std::all_of(address.begin(), address.end(), [](unsigned char c) {
          return std::isxdigit(c) != 0 || c == ':' || c == '.';
        });
    if (!plausible) invalid_url(url, "the IPv6 address in brackets is malformed");
    return std::string(address);
  }
  if (raw.find_first_of("[]") != std::string_view::npos) {
    invalid_url(url, "brackets are only allowed around an IPv6 address");
  }
  // Decoded so that libpq's socket-directory hosts (%2Fvar%2Frun%2Fpostgresql) work.
  return decoded(url, raw, "host");
}

std::vector<std::pair<std::string, std::string>> parsed_params(std::string_view url,
                                                               std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) invalid_url(url, "a query parameter lacks '=value'");
    std::string name = decoded(url, pair.substr(0, equals), "query parameter names");
    if (name.empty()) invalid_url(url, "a query parameter has an empty name");
    params.emplace_back(std::move(name), decoded(url, pair.substr(equals + 1), "query"));
  }
  return params;
}

// A file URL has no server: what follows "//" is a path ("SCHEME:///rel.db",
// "SCHEME:////abs.db") or ":memory:". An empty one means memory, as in SQLAlchemy.
void fill_file_parts(std::string_view text, const UrlParts& parts, Url& url) {
  if (parts.authority == ":memory:") {
    if (parts.path) invalid_url(text, "nothing may follow " + url.scheme + "://:memory: but ?parameters");
    url.database = ":memory:";
    return;
  }
  if (!parts.authority.empty()) {
    invalid_url(text, "a " + url.scheme + " URL has no user or host: write " + url.scheme + ":///relative.db, " +
                          url.scheme + ":////absolute.db or " + url.scheme + "://:memory:");
  }
  url.database = decoded(text, parts.path.value_or(""), "database path");
  if (url.database.empty()) url.database = ":memory:";
}

void fill_server_parts(std::string_view text, const UrlParts& parts, Url& url) {
  if (parts.user) url.user = decoded(text, *parts.user, "user name");
  if (parts.password) {
    url.password = decoded(text, *parts.password, "password");
    url.has_password = true;
  }
  url.host = parsed_host(text, parts.host);
  url.port = parsed_port(text, parts.port);
  url.database = decoded(text, parts.path.value_or(""), "database name");
}

UrlParts checked_parts(std::string_view text) {
  if (is_blank(text)) {
    usage_error(
        "no database URL: set database_url in retort.ini, RETORT_DATABASE_URL, or pass --url");
  }
  if (has_space_or_control(text)) {
    invalid_url(text, "it contains a space or control character (percent-encode it)");
  }
  auto parts = split_url_parts(text);
  if (!parts) invalid_url(text, "expected SCHEME://..., e.g. sqlite:///file.db");
  if (!is_valid_scheme(parts->scheme)) {
    invalid_url(text, "the scheme must be a letter followed by letters, digits, '+', '-' or '.'");
  }
  return *parts;
}

}  // namespace

std::string url_scheme(std::string_view text) { return lowercase(checked_parts(text).scheme); }

Url parse_url(std::string_view text, UrlForm form) {
  const UrlParts parts = checked_parts(text);
  Url url;
  url.text = std::string(text);
  url.scheme = lowercase(parts.scheme);
  if (form == UrlForm::file) {
    fill_file_parts(text, parts, url);
  } else {
    fill_server_parts(text, parts, url);
  }
  if (parts.query) url.params = parsed_params(text, *parts.query);
  return url;
}

std::vector<std::pair<std::string, std::string>> connect_options(const Url& url) {
  std::vector<std::pair<std::string, std::string>> options;
  if (!url.user.empty()) options.emplace_back("url.user", url.user);
  if (url.has_password) options.emplace_back("url.password", url.password);
  if (!url.host.empty()) options.emplace_back("url.host", url.host);
  if (url.port) options.emplace_back("url.port", std::to_string(*url.port));
  if (!url.database.empty()) options.emplace_back("url.database", url.database);
  for (const auto& [name, value] : url.params) options.emplace_back("param." + name, value);
  return options;
}

}  // namespace host
