#include <algorithm>

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

  std::string masked;
  masked.reserve(text.size());
  std::size_t position = 0;
  while (position < text.size()) {
    const std::string_view rest = std::string_view(text).substr(position);
    const auto match = std::find_if(forms.begin(), forms.end(), [&](const std::string& form) {
      return rest.starts_with(form);
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
