#include "postgresql/text.hpp"

namespace retort::postgresql {

std::string scrub(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  static constexpr std::string_view mask = "***";
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + mask.size()))
    text.replace(at, secret.size(), mask);
  return text;
}

}  // namespace retort::postgresql
