#include "mariadb/block_tracker.hpp"

#include <cstddef>
#include <initializer_list>

namespace retort::mariadb {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

bool is_keyword(const sql_token& t, std::string_view upper) {
  return t.kind == sql_token::word && iequals(t.text, upper);
}

bool is_any_keyword(const sql_token& t, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (is_keyword(t, w)) return true;
  return false;
}

bool is_punct(const sql_token& t, char c) {
  return t.kind == sql_token::punct && t.text.size() == 1 && t.text[0] == c;
}

// How a statement opens, decided from its first tokens.
enum class verdict { need_more, plain, compound };

struct head_verdict {
  verdict v;
  std::size_t body_from = 0;  // the first token of the body, for compound
};

// CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE]
//   {PROCEDURE | FUNCTION | TRIGGER | EVENT} [IF NOT EXISTS] …,
// ALTER [DEFINER = user] EVENT …, and MariaDB's BEGIN NOT ATOMIC … END.
head_verdict classify_head(const std::vector<sql_token>& head) {
  const std::size_t n = head.size();
  if (n == 0) return {verdict::need_more};
  if (is_keyword(head[0], "BEGIN")) {
    if (n < 2) return {verdict::need_more};
    return is_keyword(head[1], "NOT") ? head_verdict{verdict::compound, 0}
                                      : head_verdict{verdict::plain};
  }
  if (!is_any_keyword(head[0], {"CREATE", "ALTER"})) return {verdict::plain};
  std::size_t i = 1;
  while (true) {
    if (i >= n) return {verdict::need_more};
    const sql_token& t = head[i];
    if (is_keyword(t, "OR") || is_keyword(t, "REPLACE") || is_keyword(t, "AGGREGATE")) {
      ++i;
    } else if (is_keyword(t, "DEFINER")) {
      // DEFINER = user | 'user'@'host' | user@host | CURRENT_USER[()]
      i += 3;  // DEFINER, '=', the user
      if (i >= n) return {verdict::need_more};
      if (is_punct(head[i], '@')) {
        i += 2;
      } else if (is_punct(head[i], '(')) {
        i += 2;
      }
    } else if (is_any_keyword(t, {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT"})) {
      ++i;
      if (i >= n) return {verdict::need_more};
      if (is_keyword(head[i], "IF")) i += 3;  // IF NOT EXISTS
      return {verdict::compound, i};
    } else {
      return {verdict::plain};
    }
  }
}

}  // namespace

void block_tracker::reset() {
  mode_ = mode::undecided;
  head_.clear();
  blocks_.clear();
  previous_ = sql_token{sql_token::punct, ";"};
  after_end_ = false;
}

void block_tracker::feed(const sql_token& token) {
  switch (mode_) {
    case mode::plain:
      return;
    case mode::compound:
      feed_body(token);
      return;
    case mode::undecided:
      head_.push_back(token);
      classify();
      return;
  }
}

void block_tracker::classify() {
  head_verdict h = classify_head(head_);
  if (h.v == verdict::need_more) return;
  if (h.v == verdict::plain) {
    mode_ = mode::plain;
    head_.clear();
    return;
  }
  mode_ = mode::compound;
  std::vector<sql_token> head;
  head.swap(head_);
  // The head's last tokens may already belong to the body (BEGIN NOT
  // ATOMIC starts with its BEGIN); the rest of the head is the body's past.
  if (h.body_from > 0 && h.body_from <= head.size()) previous_ = head[h.body_from - 1];
  for (std::size_t i = h.body_from; i < head.size(); ++i) feed_body(head[i]);
}

bool block_tracker::at_statement_start() const {
  if (is_punct(previous_, ';') || is_punct(previous_, ':') || is_punct(previous_, ')'))
    return true;
  if (is_any_keyword(previous_, {"THEN", "ELSE"}))
    return blocks_.empty() || blocks_.back() != block::case_expression;
  return is_any_keyword(previous_, {"BEGIN", "DO", "LOOP", "REPEAT", "ROW", "DETERMINISTIC",
                                    "SQL", "DATA", "DEFINER", "INVOKER"});
}

void block_tracker::feed_body(const sql_token& token) {
  const bool after_end = after_end_;
  after_end_ = false;
  if (token.kind == sql_token::word && !after_end) {
    if (is_keyword(token, "END")) {
      if (!blocks_.empty()) blocks_.pop_back();
      after_end_ = true;  // END IF, END LOOP …: the next word closes, not opens
    } else if (is_any_keyword(token, {"BEGIN", "LOOP", "WHILE"})) {
      blocks_.push_back(block::statement);
    } else if (is_keyword(token, "CASE")) {
      blocks_.push_back(at_statement_start() ? block::statement : block::case_expression);
    } else if (is_any_keyword(token, {"IF", "REPEAT", "FOR"}) && at_statement_start()) {
      blocks_.push_back(block::statement);
    }
  }
  previous_ = token;
}

}  // namespace retort::mariadb
