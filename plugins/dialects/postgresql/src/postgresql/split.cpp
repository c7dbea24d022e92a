#include "postgresql/split.hpp"

#include "postgresql/text.hpp"

#include <string>

namespace retort::postgresql {
namespace {

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// PostgreSQL allows '$' inside identifiers (not first), which is why "a$b$"
// is a name and not the start of a dollar-quoted body.
bool is_identifier_char(char c) { return is_identifier_start(c) || is_digit(c) || c == '$'; }

class splitter {
 public:
  explicit splitter(std::string_view script) : s_(script) {}

  std::vector<std::string_view> run() {
    while (pos_ < s_.size()) {
      if (!step()) {
        // Unterminated: the rest is one statement, whatever it holds.
        emit(s_.size(), true);
        return std::move(out_);
      }
    }
    emit(s_.size(), false);
    return std::move(out_);
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;           // where the current statement's text begins
  bool has_content_ = false;        // anything but whitespace and comments seen
  std::size_t atomic_depth_ = 0;    // BEGIN ATOMIC / CASE nesting
  std::string previous_word_;       // lower case; empty after any other token
  std::vector<std::string_view> out_;

  char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  // Marks the token at pos_ as content; the statement text starts at the
  // first one, so leading comments are left out.
  void content() {
    if (!has_content_) start_ = pos_;
    has_content_ = true;
  }

  void emit(std::size_t end, bool forced) {
    if (has_content_ || forced) {
      std::string_view text = trim(s_.substr(start_, end - start_));
      if (!text.empty()) out_.push_back(text);
    }
    start_ = end + 1;
    has_content_ = false;
    atomic_depth_ = 0;
    previous_word_.clear();
  }

  // Consumes one token; false if it runs off the end unterminated.
  bool step() {
    const char c = s_[pos_];
    if (is_space(c)) {
      ++pos_;
      return true;
    }
    if (c == '-' && at(pos_ + 1) == '-') {
      while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      return true;
    }
    if (c == '/' && at(pos_ + 1) == '*') {
      if (!has_content_) start_ = pos_;  // a forced emit keeps the comment
      return skip_block_comment();
    }
    if (c == ';') {
      if (atomic_depth_ == 0) {
        emit(pos_, false);
      } else {
        previous_word_.clear();
      }
      ++pos_;
      return true;
    }
    content();
    if (c == '\'') return word_break(skip_quoted('\'', false));
    if (c == '"') return word_break(skip_quoted('"', false));
    if (c == '$') return word_break(skip_dollar());
    if (is_identifier_start(c)) return word();
    if (is_digit(c)) {
      // A number, possibly with letters (1e5, 0x1F): never a keyword.
      while (pos_ < s_.size() && (is_identifier_char(s_[pos_]) || s_[pos_] == '.')) ++pos_;
      previous_word_.clear();
      return true;
    }
    ++pos_;
    previous_word_.clear();
    return true;
  }

  bool word_break(bool ok) {
    previous_word_.clear();
    return ok;
  }

  bool word() {
    const std::size_t begin = pos_;
    while (pos_ < s_.size() && is_identifier_char(s_[pos_])) ++pos_;
    const std::string_view w = s_.substr(begin, pos_ - begin);
    if ((w == "E" || w == "e") && at(pos_) == '\'') return word_break(skip_quoted('\'', true));
    std::string lw = lower(w);
    if (lw == "atomic" && previous_word_ == "begin") {
      ++atomic_depth_;
    } else if (atomic_depth_ > 0 && lw == "case") {
      ++atomic_depth_;
    } else if (atomic_depth_ > 0 && lw == "end") {
      --atomic_depth_;
    }
    previous_word_ = std::move(lw);
    return true;
  }

  // pos_ is at the opening quote. A doubled quote is part of the text; with
  // `backslash`, so is any character after a backslash (E'...' strings).
  bool skip_quoted(char quote, bool backslash) {
    ++pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (backslash && c == '\\') {
        pos_ += 2;
      } else if (c == quote) {
        if (at(pos_ + 1) == quote) {
          pos_ += 2;
        } else {
          ++pos_;
          return true;
        }
      } else {
        ++pos_;
      }
    }
    pos_ = s_.size();
    return false;
  }

  // pos_ is at '$': either a $tag$ body, or a positional parameter ($1).
  bool skip_dollar() {
    std::size_t i = pos_ + 1;
    if (is_identifier_start(at(i))) {
      while (i < s_.size() && is_identifier_char(s_[i]) && s_[i] != '$') ++i;
    }
    if (at(i) != '$') {
      ++pos_;  // "$1": the digits follow as a number
      return true;
    }
    const std::string_view delimiter = s_.substr(pos_, i + 1 - pos_);
    const std::size_t close = s_.find(delimiter, i + 1);
    if (close == std::string_view::npos) {
      pos_ = s_.size();
      return false;
    }
    pos_ = close + delimiter.size();
    return true;
  }

  // pos_ is at "/*"; PostgreSQL block comments nest.
  bool skip_block_comment() {
    std::size_t depth = 0;
    while (pos_ < s_.size()) {
      if (s_[pos_] == '/' && at(pos_ + 1) == '*') {
        ++depth;
        pos_ += 2;
      } else if (s_[pos_] == '*' && at(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return true;
      } else {
        ++pos_;
      }
    }
    return false;
  }
};

}  // namespace

std::vector<std::string_view> split_statements(std::string_view script) { return splitter(script).run(); }

}  // namespace retort::postgresql
