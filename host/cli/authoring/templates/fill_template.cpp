#include "host/cli/authoring/templates/templates.hpp"

#include <stdexcept>

namespace host {
namespace {

bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// The length of "{{key}}" starting at `at`, or 0 if no placeholder starts
// there. Only lowercase words count, so C++ braces (`{{1, 2}}`) are text.
std::size_t placeholder_length(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "{{") return 0;
  std::size_t end = at + 2;
  while (end < text.size() && is_key_char(text[end])) ++end;
  if (end == at + 2 || text.substr(end, 2) != "}}") return 0;
  return end + 2 - at;
}

}  // namespace

std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = placeholder_length(text, i);
    if (length == 0) {
      out += text[i++];
      continue;
    }
    std::string key(text.substr(i + 2, length - 4));
    auto found = values.find(key);
    if (found == values.end()) throw std::logic_error("template placeholder {{" + key + "}} has no value");
    out += found->second;
    i += length;
  }
  return out;
}

}  // namespace host
