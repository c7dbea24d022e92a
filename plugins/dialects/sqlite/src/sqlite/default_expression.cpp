#include "sqlite/default_expression.hpp"

#include "sqlite/text.hpp"

namespace retort::sqlite {
namespace {

bool is_keyword_literal(std::string_view s) {
  for (const char* word : {"NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP"})
    if (text::iequals(s, word)) return true;
  return false;
}

bool is_hex_digit(char c) {
  return text::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// [+-] then 123, 1.5, .5, 1e10, 1.5E-3 or 0x1F.
bool is_signed_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (s.size() - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    for (i += 2; i < s.size(); ++i)
      if (!is_hex_digit(s[i])) return false;
    return true;
  }
  std::size_t digits = 0;
  while (i < s.size() && text::is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && text::is_digit(s[i]); ++i) ++digits;
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < s.size() && text::is_digit(s[i])) ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == s.size();
}

// One '...' literal, '' being an escaped quote; X'..' blobs too.
bool is_quoted_literal(std::string_view s) {
  if (!s.empty() && (s[0] == 'x' || s[0] == 'X')) s.remove_prefix(1);
  if (s.size() < 2 || s.front() != '\'') return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\'') continue;
    if (i + 1 < s.size() && s[i + 1] == '\'') {
      ++i;
      continue;
    }
    return i == s.size() - 1;
  }
  return false;
}

// "(...)" whose first parenthesis closes at the very end; quoted text is skipped.
bool is_parenthesized(std::string_view s) {
  if (s.empty() || s.front() != '(') return false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::size_t end = s.find(close, i + 1);
      if (end == std::string_view::npos) return false;
      i = end;  // a doubled quote simply reopens at the next iteration
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i == s.size() - 1;
    }
  }
  return false;
}

}  // namespace

std::string default_expression(std::string_view expression) {
  std::string_view e = text::trim(expression);
  if (is_keyword_literal(e) || is_signed_number(e) || is_quoted_literal(e) || is_parenthesized(e))
    return std::string(e);
  return "(" + std::string(e) + ")";
}

}  // namespace retort::sqlite
