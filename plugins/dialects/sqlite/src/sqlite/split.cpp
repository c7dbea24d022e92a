#include <sqlite/split.hpp>

#include "sqlite/text.hpp"

#include <retort/sdk/common.hpp>

#include <string>

namespace retort::sqlite {
namespace {

bool is_word_char(char c) {
  // Bytes >= 0x80 are identifier characters in SQLite (UTF-8 names).
  return text::is_alpha(c) || text::is_digit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Where a statement ends is decided by the state machine of SQLite's own
// sqlite3_complete() (complete.c), so the splitter and SQLite agree on every
// script, including CREATE TRIGGER bodies that end only at "; END ;".
enum class token { semi, other, explain, create, temp, trigger, end };
enum class state { start, normal, explain, create, trigger, body_semi, body_end };

state next_state(state s, token t) {
  using S = state;
  static const state table[7][7] = {
      //                semi          other       explain    create     temp       trigger     end
      /* start     */ {S::start,     S::normal,  S::explain, S::create, S::normal, S::normal,  S::normal},
      /* normal    */ {S::start,     S::normal,  S::normal,  S::normal, S::normal, S::normal,  S::normal},
      /* explain   */ {S::start,     S::explain, S::normal,  S::create, S::normal, S::normal,  S::normal},
      /* create    */ {S::start,     S::normal,  S::normal,  S::normal, S::create, S::trigger, S::normal},
      /* trigger   */ {S::body_semi, S::trigger, S::trigger, S::trigger, S::trigger, S::trigger, S::trigger},
      /* body_semi */ {S::body_semi, S::trigger, S::trigger, S::trigger, S::trigger, S::trigger, S::body_end},
      /* body_end  */ {S::start,     S::trigger, S::trigger, S::trigger, S::trigger, S::trigger, S::trigger},
  };
  return table[static_cast<int>(s)][static_cast<int>(t)];
}

token classify(std::string_view word) {
  if (text::iequals(word, "EXPLAIN")) return token::explain;
  if (text::iequals(word, "CREATE")) return token::create;
  if (text::iequals(word, "TEMP") || text::iequals(word, "TEMPORARY")) return token::temp;
  if (text::iequals(word, "TRIGGER")) return token::trigger;
  if (text::iequals(word, "END")) return token::end;
  return token::other;
}

class splitter {
 public:
  explicit splitter(std::string_view script) : s_(script) {}

  std::vector<std::string_view> run() {
    while (i_ < s_.size()) step();
    finish_statement();
    return statements_;
  }

 private:
  void step() {
    char c = s_[i_];
    if (text::is_space(c)) {
      ++i_;
    } else if (c == '-' && peek(1) == '-') {
      std::size_t newline = s_.find('\n', i_);
      i_ = newline == std::string_view::npos ? s_.size() : newline + 1;
    } else if (c == '/' && peek(1) == '*') {
      std::size_t close = s_.find("*/", i_ + 2);
      i_ = close == std::string_view::npos ? s_.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      quoted(c);
    } else if (c == ';') {
      semicolon();
    } else if (is_word_char(c)) {
      std::size_t start = i_;
      while (i_ < s_.size() && is_word_char(s_[i_])) ++i_;
      word(start);
    } else {
      significant(i_, i_ + 1, token::other);
      ++i_;
    }
  }

  char peek(std::size_t ahead) const {
    return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0';
  }

  // '...', "...", `...` escape their quote by doubling it, which scanning
  // treats as closing and reopening; [...] has no escape.
  void quoted(char open) {
    char close = open == '[' ? ']' : open;
    std::size_t start = i_;
    std::size_t pos = i_ + 1;
    for (;;) {
      pos = s_.find(close, pos);
      if (pos == std::string_view::npos) unterminated(start, open);
      if (close != ']' && pos + 1 < s_.size() && s_[pos + 1] == close) {
        pos += 2;
        continue;
      }
      break;
    }
    i_ = pos + 1;
    significant(start, i_, token::other);
  }

  void word(std::size_t start) { significant(start, i_, classify(s_.substr(start, i_ - start))); }

  void semicolon() {
    state_ = next_state(state_, token::semi);
    if (state_ != state::start) {
      significant(i_, i_ + 1, token::semi);  // inside a trigger body: part of the statement
      ++i_;
      return;
    }
    ++i_;
    finish_statement();
  }

  // Every token but whitespace and comments.
  void significant(std::size_t begin, std::size_t end, token t) {
    if (first_ == std::string_view::npos) first_ = begin;
    end_ = end;
    if (t != token::semi) state_ = next_state(state_, t);
  }

  void finish_statement() {
    if (first_ != std::string_view::npos) statements_.push_back(s_.substr(first_, end_ - first_));
    first_ = std::string_view::npos;
    state_ = state::start;
  }

  [[noreturn]] void unterminated(std::size_t start, char open) const {
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k < start; ++k) {
      if (s_[k] == '\n') ++line, column = 1;
      else ++column;
    }
    std::string what = open == '\'' ? "string literal" : "quoted identifier";
    std::string_view excerpt = s_.substr(start, 40);
    std::size_t newline = excerpt.find('\n');
    if (newline != std::string_view::npos) excerpt = excerpt.substr(0, newline);
    throw failure("unterminated " + what + " at line " + std::to_string(line) + ", column " +
                      std::to_string(column) + ": " + std::string(excerpt),
                  RETORT_ERROR_USAGE);
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t first_ = std::string_view::npos;  // first token of the current statement
  std::size_t end_ = 0;                          // end of its last token
  state state_ = state::start;
  std::vector<std::string_view> statements_;
};

}  // namespace

std::vector<std::string_view> split_statements(std::string_view script) {
  return splitter(script).run();
}

}  // namespace retort::sqlite
