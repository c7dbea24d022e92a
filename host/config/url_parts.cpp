#include "host/config/url_parts.hpp"

#include <string>

namespace host {
namespace {

// The last '@' separates userinfo from host so that an unencoded '@' in a
// password still parses, as Go's net/url does.
void split_authority(std::string_view authority, UrlParts& parts) {
  std::string_view host_and_port = authority;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    host_and_port = authority.substr(at + 1);
    if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) {
      parts.user = userinfo.substr(0, colon);
      parts.password = userinfo.substr(colon + 1);
    } else {
      parts.user = userinfo;
    }
  }
  std::size_t port_colon = std::string_view::npos;
  if (host_and_port.starts_with('[')) {
    const auto close = host_and_port.find(']');
    if (close != std::string_view::npos && close + 1 < host_and_port.size() &&
        host_and_port[close + 1] == ':') {
      port_colon = close + 1;
    }
  } else {
    port_colon = host_and_port.find(':');
  }
  parts.host = host_and_port.substr(0, port_colon);
  if (port_colon != std::string_view::npos) parts.port = host_and_port.substr(port_colon + 1);
}

}  // namespace

std::optional<UrlParts> split_url_parts(std::string_view text) {
  const auto separator = text.find("://");
  if (separator == std::string_view::npos) return std::nullopt;
  UrlParts parts;
  parts.scheme = text.substr(0, separator);
  const std::string_view rest = text.substr(separator + 3);
  const auto authority_end = rest.find_first_of("/?");
  parts.authority = rest.substr(0, authority_end);
  split_authority(parts.authority, parts);
  if (authority_end == std::string_view::npos) return parts;

  std::string_view after = rest.substr(authority_end);
  const auto question = after.find('?');
  if (question != std::string_view::npos) {
    parts.query = after.substr(question + 1);
    after = after.substr(0, question);
  }
  if (after.starts_with('/')) parts.path = after.substr(1);
  return parts;
}

std::string mask_unparsable_url(std::string_view text) {
  const auto separator = text.find("://");
  const std::size_t start = separator == std::string_view::npos ? 0 : separator + 3;
  const auto at = text.rfind('@');
  if (at == std::string_view::npos || at < start) return std::string(text);
  const auto colon = text.find(':', start);
  if (colon == std::string_view::npos || colon > at) return std::string(text);
  return std::string(text.substr(0, colon + 1)) + "***" + std::string(text.substr(at));
}

}  // namespace host
