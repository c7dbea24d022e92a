// sqldir/lines.hpp: a migration read line by line, for the layouts whose
// sections are marked by whole lines (goose.cpp, dbmate.cpp), and their
// "FILE:LINE: ..." errors.
#pragma once

#include <retort/sdk/common.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sqldir {

struct Line {
  std::string_view text;  ///< without its "\n" or "\r\n"
  std::size_t begin;      ///< offset of its first byte
  std::size_t next;       ///< offset of the line after it, or the end
  std::size_t number;     ///< from 1
};

/// True when `test(const Line&)` holds for some line of `content`.
template <typename Test>
bool any_line(std::string_view content, Test&& test) {
  for (std::size_t begin = 0, number = 1; begin < content.size(); ++number) {
    const auto newline = content.find('\n', begin);
    const std::size_t next = newline == std::string_view::npos ? content.size() : newline + 1;
    std::string_view text = content.substr(begin, next - begin);
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (test(Line{text, begin, next, number})) return true;
    begin = next;
  }
  return false;
}

/// Calls `on_line(const Line&)` for every line of `content`, in order.
template <typename OnLine>
void for_each_line(std::string_view content, OnLine&& on_line) {
  any_line(content, [&on_line](const Line& line) {
    on_line(line);
    return false;
  });
}

/// `content` without a leading UTF-8 byte order mark, which would hide a
/// marker on the first line.
inline std::string_view without_bom(std::string_view content) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  return content.substr(0, bom.size()) == bom ? content.substr(bom.size()) : content;
}

/// A migration's malformed line, as RETORT_ERROR_REVISION "PATH:LINE: what".
[[noreturn]] inline void refuse_line(std::string_view path, std::size_t line, const std::string& what) {
  throw retort::failure(std::string(path) + ":" + std::to_string(line) + ": " + what, RETORT_ERROR_REVISION);
}

/// A migration missing something, as RETORT_ERROR_REVISION "PATH: what".
[[noreturn]] inline void refuse_file(std::string_view path, const std::string& what) {
  throw retort::failure(std::string(path) + ": " + what, RETORT_ERROR_REVISION);
}

}  // namespace sqldir
