#include "postgresql/text.hpp"

namespace retort::postgresql {

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

static char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : trim(text)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::string flat = one_line(text);
  static constexpr std::string_view ellipsis = "...";
  if (flat.size() <= max_chars || max_chars <= ellipsis.size()) return flat;
  std::size_t cut = max_chars - ellipsis.size();
  // Back up to the start of a UTF-8 sequence so the message stays valid text.
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  flat.resize(cut);
  flat += ellipsis;
  return flat;
}

std::string scrub(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  static constexpr std::string_view mask = "***";
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + mask.size()))
    text.replace(at, secret.size(), mask);
  return text;
}

}  // namespace retort::postgresql
