#include "mariadb/lexer.hpp"

namespace retort::mariadb {

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_word_char(char c) noexcept {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
         u == '_' || u == '$' || u >= 0x80;
}

std::size_t end_of_quoted(std::string_view text, std::size_t pos, bool* terminated) {
  const char quote = text[pos];
  const bool backslash_escapes = quote != '`';
  std::size_t i = pos + 1;
  while (i < text.size()) {
    char c = text[i];
    if (backslash_escapes && c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        i += 2;
        continue;
      }
      if (terminated) *terminated = true;
      return i + 1;
    }
    ++i;
  }
  if (terminated) *terminated = false;
  return text.size();
}

std::size_t end_of_block_comment(std::string_view text, std::size_t pos, bool* terminated) {
  std::size_t close = text.find("*/", pos + 2);
  if (terminated) *terminated = close != std::string_view::npos;
  return close == std::string_view::npos ? text.size() : close + 2;
}

std::size_t end_of_line_comment(std::string_view text, std::size_t pos) {
  std::size_t newline = text.find('\n', pos);
  return newline == std::string_view::npos ? text.size() : newline;
}

bool starts_line_comment(std::string_view text, std::size_t pos) noexcept {
  if (text[pos] == '#') return true;
  if (text.compare(pos, 2, "--") != 0) return false;
  if (pos + 2 == text.size()) return true;
  return static_cast<unsigned char>(text[pos + 2]) <= ' ';
}

bool starts_block_comment(std::string_view text, std::size_t pos) noexcept {
  return text.compare(pos, 2, "/*") == 0;
}

bool starts_executable_comment(std::string_view text, std::size_t pos) noexcept {
  return text.compare(pos, 3, "/*!") == 0 || text.compare(pos, 4, "/*M!") == 0;
}

std::string_view trim(std::string_view text) noexcept {
  std::size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
  return text.substr(b, e - b);
}

}  // namespace retort::mariadb
