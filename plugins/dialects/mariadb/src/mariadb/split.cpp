#include "mariadb/split.hpp"

#include "mariadb/block_tracker.hpp"
#include "mariadb/lexer.hpp"

#include <retort/sdk/common.hpp>

#include <cstddef>
#include <string>

namespace retort::mariadb {
namespace {

bool starts_with_icase(std::string_view text, std::size_t pos, std::string_view upper) {
  if (text.size() - pos < upper.size()) return false;
  for (std::size_t i = 0; i < upper.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

std::size_t line_number(std::string_view text, std::size_t pos) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

class scanner {
 public:
  explicit scanner(std::string_view script) : s_(script) {}

  script_layout run() {
    while (pos_ < s_.size()) step();
    end_piece(s_.size(), s_.size(), true);
    return std::move(layout_);
  }

 private:
  void step() {
    const char c = s_[pos_];
    if (is_space(c)) {
      ++pos_;
    } else if (!significant_ && at_line_start() && delimiter_line()) {
      // consumed
    } else if (starts_line_comment(s_, pos_)) {
      pos_ = end_of_line_comment(s_, pos_);
    } else if (starts_block_comment(s_, pos_)) {
      bool terminated = true;
      std::size_t end = end_of_block_comment(s_, pos_, &terminated);
      // An executable comment is code; an unterminated one must reach the
      // server so that it reports it.
      if (starts_executable_comment(s_, pos_) || !terminated) take(sql_token::opaque, end);
      pos_ = end;
    } else if (at_delimiter()) {
      end_piece(pos_, pos_ + delimiter_.size(), false);
    } else if (c == '\'' || c == '"' || c == '`') {
      take(sql_token::name, end_of_quoted(s_, pos_));
    } else if (is_word_char(c)) {
      std::size_t end = pos_ + 1;
      while (end < s_.size() && is_word_char(s_[end]) && !delimiter_at(end)) ++end;
      // @var, @@var and qualified.names are never keywords.
      bool qualified = pos_ > 0 && (s_[pos_ - 1] == '@' || s_[pos_ - 1] == '.');
      take(qualified ? sql_token::name : sql_token::word, end);
    } else {
      take(sql_token::punct, pos_ + 1);
    }
  }

  void take(sql_token::kind_t kind, std::size_t end) {
    significant_ = true;
    tracker_.feed(sql_token{kind, s_.substr(pos_, end - pos_)});
    pos_ = end;
  }

  bool delimiter_at(std::size_t pos) const {
    return delimiter_ != ";" && s_.compare(pos, delimiter_.size(), delimiter_) == 0;
  }

  // ';' inside a compound statement's body does not end it; a delimiter
  // chosen with DELIMITER always does, as in the mysql client.
  bool at_delimiter() const {
    if (s_.compare(pos_, delimiter_.size(), delimiter_) != 0) return false;
    return delimiter_ != ";" || !tracker_.inside_block();
  }

  bool at_line_start() const {
    std::size_t i = pos_;
    while (i > 0 && (s_[i - 1] == ' ' || s_[i - 1] == '\t')) --i;
    return i == 0 || s_[i - 1] == '\n';
  }

  // `DELIMITER xx` on a line of its own, between statements: the mysql
  // client's command, never sent to the server.
  bool delimiter_line() {
    constexpr std::string_view keyword = "DELIMITER";
    if (!starts_with_icase(s_, pos_, keyword)) return false;
    std::size_t i = pos_ + keyword.size();
    if (i < s_.size() && is_word_char(s_[i])) return false;  // DELIMITERS, delimiter_x
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    std::size_t begin = i;
    while (i < s_.size() && !is_space(s_[i])) ++i;
    if (i == begin)
      throw failure("DELIMITER on line " + std::to_string(line_number(s_, pos_)) +
                        " names no delimiter (write e.g. `DELIMITER $$`)",
                    RETORT_ERROR_USAGE);
    delimiter_ = std::string(s_.substr(begin, i - begin));
    pos_ = end_of_line_comment(s_, i);
    piece_begin_ = pos_;
    layout_.has_delimiter_lines = true;
    return true;
  }

  void end_piece(std::size_t end, std::size_t resume, bool final) {
    std::string_view text = trim(s_.substr(piece_begin_, end - piece_begin_));
    if (!(final && text.empty())) layout_.pieces.push_back(script_piece{text, significant_});
    pos_ = resume;
    piece_begin_ = resume;
    significant_ = false;
    tracker_.reset();
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t piece_begin_ = 0;
  bool significant_ = false;
  std::string delimiter_ = ";";
  block_tracker tracker_;
  script_layout layout_;
};

}  // namespace

script_layout scan_script(std::string_view script) { return scanner(script).run(); }

std::vector<std::string_view> split_statements(std::string_view script) {
  std::vector<std::string_view> statements;
  for (const script_piece& piece : scan_script(script).pieces)
    if (piece.significant) statements.push_back(piece.text);
  return statements;
}

}  // namespace retort::mariadb
