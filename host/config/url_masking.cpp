#include <algorithm>
#include <cctype>

#include "host/config/percent_encoding.hpp"
#include "host/config/url.hpp"
#include "host/config/url_parts.hpp"
#include "host/errors/error.hpp"

namespace host {

std::string mask_url(std::string_view text) {
  try {
    const Url url = parse_url(text);
    if (!url.has_password) return std::string(text);
    // The parse succeeded, so split_url_parts finds the same password span.
    const std::string_view password = *split_url_parts(text)->password;
    const auto offset = static_cast<std::size_t>(password.data() - text.data());
    std::string masked(text);
    masked.replace(offset, password.size(), "***");
    return masked;
  } catch (const Error&) {
    return mask_unparsable_url(text);
  }
}

std::string mask_secrets(std::string text, const std::vector<std::string>& secrets) {
  std::vector<std::string> forms;
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    forms.push_back(secret);
    forms.push_back(percent_encode(secret, true));
    forms.push_back(percent_encode(secret, false));
  }
  if (forms.empty()) return text;
  // Longest first, so a secret that contains another is masked whole.
  std::sort(forms.begin(), forms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  // A short secret ("p", "admin") also occurs inside ordinary words, and
  // masking it there garbles the message and shows the password to anyone
  // who compares the two. Such a secret is masked only where it stands
  // alone, between characters that cannot be part of a word.
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  const auto stands_alone = [&](std::size_t at, std::size_t length) {
    if (length >= 8) return true;
    // As regex's \b: a boundary only matters where the secret's edge is a word character.
    const bool left = at == 0 || !is_word(text[at]) || !is_word(text[at - 1]);
    const bool right = at + length >= text.size() || !is_word(text[at + length - 1]) || !is_word(text[at + length]);
    return left && right;
  };

  std::string masked;
  masked.reserve(text.size());
  std::size_t position = 0;
  while (position < text.size()) {
    const std::string_view rest = std::string_view(text).substr(position);
    const auto match = std::find_if(forms.begin(), forms.end(), [&](const std::string& form) {
      return rest.starts_with(form) && stands_alone(position, form.size());
    });
    if (match != forms.end()) {
      masked += "***";
      position += match->size();
    } else {
      masked += text[position];
      ++position;
    }
  }
  return masked;
}

}  // namespace host
