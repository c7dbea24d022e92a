#include "script.hpp"

namespace sqldir {
namespace {

// Newlines included: here whole lines are skipped, not a value trimmed.
constexpr std::string_view any_space = " \t\r\n\f\v";

}  // namespace

std::string_view trim_blank_lines(std::string_view section) {
  const auto first = section.find_first_not_of(any_space);
  if (first == std::string_view::npos) return {};
  const auto last = section.find_last_not_of(any_space);

  const auto previous_newline = section.rfind('\n', first);
  const auto begin = previous_newline == std::string_view::npos ? 0 : previous_newline + 1;
  auto end = section.find('\n', last);
  if (end == std::string_view::npos) end = section.size();
  if (end > last + 1 && section[end - 1] == '\r') --end;
  return section.substr(begin, end - begin);
}

bool has_sql(std::string_view script) {
  std::string_view::size_type i = 0;
  while (i < script.size()) {
    if (any_space.find(script[i]) != std::string_view::npos) {
      ++i;
    } else if (script.compare(i, 2, "--") == 0) {
      i = script.find('\n', i);
      if (i == std::string_view::npos) return false;
    } else if (script.compare(i, 2, "/*") == 0) {
      const auto close = script.find("*/", i + 2);
      if (close == std::string_view::npos) return true;
      i = close + 2;
    } else {
      return true;
    }
  }
  return false;
}

}  // namespace sqldir
