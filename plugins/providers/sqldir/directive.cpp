#include "directive.hpp"

#include "values.hpp"

#include <cstddef>

namespace sqldir {
namespace {

constexpr std::string_view prefix = "retort:";

// Plain loops: find_first_of / find_first_not_of call memchr once per
// character, and every line of every file passes through here (bench/).
// The characters of horizontal_space (values.hpp).
bool is_horizontal_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view skip_space(std::string_view text) {
  std::size_t first = 0;
  while (first < text.size() && is_horizontal_space(text[first])) ++first;
  return text.substr(first);
}

std::size_t find_space(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_horizontal_space(text[i])) return i;
  return std::string_view::npos;
}

bool starts_with_prefix_ignoring_case(std::string_view text) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<Directive> directive_in(std::string_view line) {
  std::string_view rest = skip_space(line);
  if (rest.size() < 2 || rest[0] != '-' || rest[1] != '-') return std::nullopt;
  rest = skip_space(rest.substr(2));
  if (!starts_with_prefix_ignoring_case(rest)) return std::nullopt;

  const auto name_end = find_space(rest);
  Directive d;
  d.spelled = rest.substr(0, name_end);
  d.name = d.spelled.substr(prefix.size());
  d.value = name_end == std::string_view::npos ? std::string_view() : trim(rest.substr(name_end));
  return d;
}

bool is_blank_or_comment(std::string_view line) {
  const std::string_view rest = skip_space(line);
  return rest.empty() || rest.substr(0, 2) == "--";
}

}  // namespace sqldir
