#include "transaction_needs.hpp"

#include <cctype>
#include <string>

namespace sqldir {
namespace {

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_word_part(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

bool same_word(std::string_view word, std::string_view upper) {
  if (word.size() != upper.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(word[i])) != upper[i]) return false;
  return true;
}

// The index just past the quoted text that starts at `at` with `quote`; a
// doubled quote stands for itself. Unterminated: the end of the script.
std::size_t past_quoted(std::string_view s, std::size_t at, char quote, bool backslash_escapes) {
  for (std::size_t i = at + 1; i < s.size(); ++i) {
    if (backslash_escapes && s[i] == '\\') {
      ++i;
    } else if (s[i] == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) ++i;
      else return i + 1;
    }
  }
  return s.size();
}

// PostgreSQL's block comments nest.
std::size_t past_block_comment(std::string_view s, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i + 1 < s.size(); ++i) {
    if (s[i] == '/' && s[i + 1] == '*') {
      ++depth;
      ++i;
    } else if (s[i] == '*' && s[i + 1] == '/') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return s.size();
}

// `$tag$ ... $tag$` starting at `at`, if that is one; else npos.
std::size_t past_dollar_quoted(std::string_view s, std::size_t at) {
  std::size_t close = at + 1;
  while (close < s.size() && (is_word_part(s[close]) && s[close] != '$')) ++close;
  if (close >= s.size() || s[close] != '$') return std::string_view::npos;
  if (close > at + 1 && std::isdigit(static_cast<unsigned char>(s[at + 1]))) return std::string_view::npos;  // $1
  const std::string_view tag = s.substr(at, close - at + 1);
  const std::size_t end = s.find(tag, close + 1);
  return end == std::string_view::npos ? s.size() : end + tag.size();
}

}  // namespace

bool needs_no_transaction(std::string_view s) {
  std::string_view previous;   // the last word seen
  bool statement_start = true; // no word yet since the last ';'
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == '-' && next == '-') {
      const std::size_t end = s.find('\n', i);
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if (c == '/' && next == '*') {
      i = past_block_comment(s, i);
    } else if (c == '\'') {
      const bool escapes = i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !is_word_part(s[i - 2]));
      i = past_quoted(s, i, '\'', escapes);
    } else if (c == '"' || c == '`') {
      i = past_quoted(s, i, c, false);
      previous = {};
      statement_start = false;
    } else if (c == '$' && (i == 0 || !is_word_part(s[i - 1]))) {
      const std::size_t end = past_dollar_quoted(s, i);
      i = end == std::string_view::npos ? i + 1 : end;
    } else if (c == ';') {
      statement_start = true;
      previous = {};
      ++i;
    } else if (is_word_start(c)) {
      std::size_t end = i;
      while (end < s.size() && is_word_part(s[end])) ++end;
      const std::string_view word = s.substr(i, end - i);
      if (same_word(word, "CONCURRENTLY") && !same_word(previous, "VIEW")) return true;
      if (statement_start && same_word(word, "VACUUM")) return true;
      previous = word;
      statement_start = false;
      i = end;
    } else {
      if (!std::isspace(static_cast<unsigned char>(c))) statement_start = false;
      ++i;
    }
  }
  return false;
}

}  // namespace sqldir
