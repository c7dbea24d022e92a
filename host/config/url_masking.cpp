#include <algorithm>
#include <cctype>

#include "host/config/percent_encoding.hpp"
#include "host/config/url.hpp"
#include "host/config/url_parts.hpp"
#include "host/errors/error.hpp"

namespace host {

namespace {

// A part of a message to replace by "***"; an empty one (the empty password
// of "user:@host") becomes "***" too.
struct Span {
  std::size_t at, size;
};

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool same_secret(std::string_view raw, std::string_view other) {
  if (raw == other) return true;
  const auto decoded = percent_decode(raw);
  return decoded && *decoded == other;
}

bool is_one_of(std::string_view raw, const std::vector<std::string>& secrets) {
  return std::any_of(secrets.begin(), secrets.end(),
                     [&](const std::string& s) { return !s.empty() && same_secret(raw, s); });
}

// The userinfo of every URL in `text`: "scheme://user:PASSWORD@host". The
// password may hold raw '@' and ':' (the last '@' ends it); the authority
// ends where a path, a query, white space or a quote starts. The user is
// masked too when it is the password: showing it would show the password.
void url_spans(std::string_view text, const std::vector<std::string>& secrets, std::vector<Span>& out) {
  for (std::size_t scheme_end = text.find("://"); scheme_end != std::string_view::npos;
       scheme_end = text.find("://", scheme_end + 3)) {
    const std::size_t start = scheme_end + 3;
    std::size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           std::string_view("/?#\"'<>").find(text[end]) == std::string_view::npos)
      ++end;
    const std::string_view authority = text.substr(start, end - start);
    const std::size_t at = authority.rfind('@');
    if (at == std::string_view::npos) continue;
    const std::size_t colon = authority.find(':');
    if (colon == std::string_view::npos || colon > at) continue;
    const std::string_view user = authority.substr(0, colon);
    const std::string_view password = authority.substr(colon + 1, at - colon - 1);
    const auto decoded_password = percent_decode(password);
    if (!user.empty() && (same_secret(user, decoded_password.value_or(std::string(password))) ||
                          is_one_of(user, secrets)))
      out.push_back({start, user.size()});
    out.push_back({start + colon + 1, password.size()});
  }
}

// A connection string a driver echoed: libpq's "password=VALUE" or
// "password='VAL\'UE'" (any value), and "user=VALUE" when it is a secret.
void conninfo_spans(std::string_view text, const std::vector<std::string>& secrets, std::vector<Span>& out) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (std::string_view key : {std::string_view("password"), std::string_view("user")}) {
    for (std::size_t i = 0; i + key.size() <= text.size(); ++i) {
      if ((i > 0 && is_word(text[i - 1])) ||
          !std::equal(key.begin(), key.end(), text.begin() + i, [&](char k, char t) { return k == lower(t); }))
        continue;
      std::size_t p = i + key.size();
      while (p < text.size() && text[p] == ' ') ++p;
      if (p >= text.size() || text[p] != '=') continue;
      ++p;
      while (p < text.size() && text[p] == ' ') ++p;
      std::size_t value = p, end = p;
      if (p < text.size() && text[p] == '\'') {
        value = end = p + 1;
        while (end < text.size() && text[end] != '\'') end += text[end] == '\\' && end + 1 < text.size() ? 2 : 1;
        end = std::min(end, text.size());
      } else {
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
      }
      const std::string_view found = text.substr(value, end - value);
      if (key == "password" || is_one_of(found, secrets)) out.push_back({value, end - value});
      i = end > i ? end - 1 : i;
    }
  }
}

// ":SECRET@" is a password in its userinfo place wherever it stands (a
// driver may echo "user:pw@host" without the scheme): masked there, words too.
void userinfo_spans(std::string_view text, const std::vector<std::string>& secrets, std::vector<Span>& out) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (const std::string& form : {secret, percent_encode(secret, true), percent_encode(secret, false)}) {
      const std::string spelled = ":" + form + "@";
      for (auto at = text.find(spelled); at != std::string_view::npos; at = text.find(spelled, at + 1))
        out.push_back({at + 1, form.size()});
    }
  }
}

// A short secret of letters only ("retort", "admin") is a word, and is one
// of retort's words or part of an identifier far more often than an echo of
// the password: it is masked only where the functions above find it. Any
// other secret is masked where it stands alone (as between regex \b), and
// one of 8 characters or more anywhere, word or not (the fuzz target's
// property), raw or percent-encoded.
void bare_spans(std::string_view text, const std::vector<std::string>& secrets, std::vector<Span>& out) {
  std::vector<std::string> forms;
  for (const auto& secret : secrets) {
    const bool word = std::all_of(secret.begin(), secret.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
    if (secret.empty() || (word && secret.size() < 8)) continue;
    forms.push_back(secret);
    forms.push_back(percent_encode(secret, true));
    forms.push_back(percent_encode(secret, false));
  }
  if (forms.empty()) return;
  // Longest first, so a secret that contains another is masked whole.
  std::sort(forms.begin(), forms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  const auto stands_alone = [&](std::size_t at, std::size_t length) {
    if (length >= 8) return true;
    // A boundary only matters where the secret's edge is a word character.
    const bool left = at == 0 || !is_word(text[at]) || !is_word(text[at - 1]);
    const bool right = at + length >= text.size() || !is_word(text[at + length - 1]) || !is_word(text[at + length]);
    return left && right;
  };
  for (std::size_t position = 0; position < text.size();) {
    const std::string_view rest = text.substr(position);
    const auto match = std::find_if(forms.begin(), forms.end(), [&](const std::string& form) {
      return rest.starts_with(form) && stands_alone(position, form.size());
    });
    if (match == forms.end()) {
      ++position;
      continue;
    }
    out.push_back({position, match->size()});
    position += match->size();
  }
}

// Overlapping spans become one "***".
std::string replace_spans(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.at < b.at; });
  std::string masked;
  masked.reserve(text.size());
  std::size_t position = 0;
  for (std::size_t i = 0; i < spans.size();) {
    std::size_t end = spans[i].at + spans[i].size;
    std::size_t j = i + 1;
    for (; j < spans.size() && spans[j].at < end; ++j) end = std::max(end, spans[j].at + spans[j].size);
    masked.append(text.substr(position, spans[i].at - position));
    masked += "***";
    position = end;
    i = j;
  }
  masked.append(text.substr(position));
  return masked;
}

}  // namespace

std::string mask_url(std::string_view text) {
  try {
    const Url url = parse_url(text);
    if (!url.has_password) return std::string(text);
    // The parse succeeded, so split_url_parts finds the same spans.
    const UrlParts parts = *split_url_parts(text);
    const auto offset = [&](std::string_view part) { return static_cast<std::size_t>(part.data() - text.data()); };
    std::vector<Span> spans{{offset(*parts.password), parts.password->size()}};
    if (parts.user && !url.user.empty() && url.user == url.password)
      spans.push_back({offset(*parts.user), parts.user->size()});
    return replace_spans(text, std::move(spans));
  } catch (const Error&) {
    return mask_unparsable_url(text);
  }
}

std::string mask_secrets(std::string text, const std::vector<std::string>& secrets) {
  std::vector<Span> spans;
  url_spans(text, secrets, spans);
  conninfo_spans(text, secrets, spans);
  userinfo_spans(text, secrets, spans);
  bare_spans(text, secrets, spans);
  if (spans.empty()) return text;
  return replace_spans(text, std::move(spans));
}

}  // namespace host
