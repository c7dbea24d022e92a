// retort/sdk/text.hpp: the small text rules every side prints by. The host
// prints each error on one line, so whatever a plugin or the database wrote
// is flattened the same way everywhere; ASCII only on purpose (SQL keywords
// are ASCII, and bytes >= 0x80 pass through untouched). Needs nothing of the
// ABI, so the host includes it too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace retort::text {

/// The bytes SQL lexers and C's isspace treat as whitespace.
constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char to_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
constexpr char to_upper(char c) noexcept { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

/// `s` without leading and trailing whitespace.
constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Case-insensitive ASCII comparison.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_upper(c);
  return out;
}

/// `s` on one line: every run of whitespace and control characters becomes
/// one space, and the ends are trimmed.
inline std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

/// one_line(s) cut to at most `max_chars` bytes, ending in "...", without
/// splitting a UTF-8 sequence: how a statement is named in a message.
inline std::string shorten(std::string_view s, std::size_t max_chars = 120) {
  std::string flat = one_line(s);
  constexpr std::string_view ellipsis = "...";
  if (flat.size() <= max_chars) return flat;
  std::size_t cut = max_chars > ellipsis.size() ? max_chars - ellipsis.size() : 0;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  flat.resize(cut);
  return flat + std::string(ellipsis);
}

}  // namespace retort::text
