#include "values.hpp"

#include <retort/sdk/spelling.hpp>

#include <cstddef>

namespace sqldir {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string shown(std::string_view value) {
  constexpr std::size_t limit = 80;
  if (value.size() <= limit) return "'" + std::string(value) + "'";
  return "'" + std::string(value.substr(0, limit)) + "...'";
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(horizontal_space);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(horizontal_space);
  return text.substr(first, last - first + 1);
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(horizontal_space) == std::string_view::npos;
}

bool is_revision_id(std::string_view text) { return retort::spelling::is_revision_id(text); }

bool is_branch_label(std::string_view text) { return retort::spelling::is_branch_label(text); }

std::optional<bool> parse_flag(std::string_view text) {
  for (std::string_view yes : {"true", "yes", "1"})
    if (equals_ignoring_case(text, yes)) return true;
  for (std::string_view no : {"false", "no", "0"})
    if (equals_ignoring_case(text, no)) return false;
  return std::nullopt;
}

std::optional<std::vector<std::string>> split_list(std::string_view value) {
  std::vector<std::string> items;
  if (is_blank(value)) return items;
  for (;;) {
    const auto comma = value.find(',');
    const std::string_view item = trim(value.substr(0, comma));
    if (item.empty()) return std::nullopt;
    items.emplace_back(item);
    if (comma == std::string_view::npos) return items;
    value.remove_prefix(comma + 1);
  }
}

}  // namespace sqldir
