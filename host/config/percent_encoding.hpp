// RFC 3986 percent-encoding, as URLs and their masking need it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace host {

/// `text` with every %XX decoded; nullopt if a '%' is not followed by two hex
/// digits, or if it encodes a NUL byte (no dialect could pass it on intact).
std::optional<std::string> percent_decode(std::string_view text);

/// `text` with every byte outside RFC 3986's unreserved set (A-Z a-z 0-9 - . _ ~)
/// written as %XX, hex digits upper- or lowercase.
std::string percent_encode(std::string_view text, bool uppercase_hex = true);

}  // namespace host
