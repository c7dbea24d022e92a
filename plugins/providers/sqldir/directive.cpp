#include "directive.hpp"

#include "values.hpp"

#include <cstddef>

namespace sqldir {
namespace {

constexpr std::string_view prefix = "retort:";

std::string_view skip_space(std::string_view text) {
  const auto first = text.find_first_not_of(horizontal_space);
  return first == std::string_view::npos ? std::string_view() : text.substr(first);
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
  if (rest.substr(0, 2) != "--") return std::nullopt;
  rest = skip_space(rest.substr(2));
  if (!starts_with_prefix_ignoring_case(rest)) return std::nullopt;

  const auto name_end = rest.find_first_of(horizontal_space);
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
