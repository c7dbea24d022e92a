// Knows when a `;` belongs to the body of a compound statement (CREATE
// PROCEDURE/FUNCTION/TRIGGER/EVENT, ALTER EVENT, BEGIN NOT ATOMIC) rather
// than ending the statement. It sees one statement's tokens, comments and
// whitespace already removed, and keeps the nesting of BEGIN … END,
// IF … END IF, CASE … END [CASE], LOOP/WHILE/REPEAT/FOR … END ….
//
// A heuristic, not a parser: IF, REPEAT and FOR open a block only where a
// statement can start (after `;`, BEGIN, THEN, ELSE, DO, LOOP, REPEAT, a
// label's `:`, FOR EACH ROW, a routine characteristic or the parameter
// list's `)`), which tells the IF statement from the IF() function and
// `DROP TABLE IF EXISTS`. Scripts it cannot follow can always be written
// with the mysql client's DELIMITER lines, which the splitter honours.
#pragma once

#include <string_view>
#include <vector>

namespace retort::mariadb {

struct sql_token {
  enum kind_t {
    word,    ///< an unquoted word that may be a keyword
    name,    ///< a quoted identifier or string, or a word after '@' or '.'
    punct,   ///< one character of punctuation
    opaque   ///< an executable /*! … */ comment
  };
  kind_t kind;
  std::string_view text;
};

class block_tracker {
 public:
  void feed(const sql_token& token);
  /// True when a `;` here is inside a compound statement's body.
  bool inside_block() const noexcept { return !blocks_.empty(); }
  /// Forgets the statement; call at each statement boundary.
  void reset();

 private:
  enum class mode { undecided, plain, compound };
  enum class block { statement, case_expression };

  void classify();
  void feed_body(const sql_token& token);
  bool at_statement_start() const;

  mode mode_ = mode::undecided;
  std::vector<sql_token> head_;  // the statement's first tokens, until classified
  std::vector<block> blocks_;
  sql_token previous_{sql_token::punct, ";"};
  bool after_end_ = false;
};

}  // namespace retort::mariadb
