#include "sqlite/schema_sql.hpp"

#include "sqlite/text.hpp"

#include <cctype>

namespace retort::sqlite {
namespace {

// One token of SQLite's grammar: enough to walk a CREATE statement. Quoted
// names ("x", `x`, [x]) come back unquoted; a string literal keeps its quotes.
struct token {
  enum kind { word, name, literal, punct, end } what;
  std::string text;       ///< unquoted for names, upper-cased for words
  std::size_t begin = 0;  ///< offset in the statement, for slicing expressions
  std::size_t finish = 0;
};

class lexer {
 public:
  explicit lexer(std::string_view sql) : sql_(sql) { advance(); }
  const token& peek() const { return current_; }
  token next() {
    token t = current_;
    advance();
    return t;
  }
  bool is(std::string_view word) const { return current_.what == token::word && current_.text == word; }
  bool is_punct(char c) const { return current_.what == token::punct && current_.text.size() == 1 && current_.text[0] == c; }
  std::string_view slice(std::size_t from, std::size_t to) const { return sql_.substr(from, to - from); }

  /// Skips a balanced ( ... ) starting at the current "(" and returns the text inside.
  std::string_view parenthesised() {
    const std::size_t open = current_.finish;
    int depth = 0;
    std::size_t inner_end = open;
    do {
      if (is_punct('(')) ++depth;
      if (is_punct(')')) {
        --depth;
        inner_end = current_.begin;
      }
      advance();
    } while (depth > 0 && current_.what != token::end);
    return text::trim(slice(open, inner_end));
  }

 private:
  void advance() {
    std::size_t i = pos_;
    for (;;) {
      while (i < sql_.size() && text::is_space(sql_[i])) ++i;
      if (sql_.compare(i, 2, "--") == 0) {
        while (i < sql_.size() && sql_[i] != '\n') ++i;
      } else if (sql_.compare(i, 2, "/*") == 0) {
        const auto close = sql_.find("*/", i + 2);
        i = close == std::string_view::npos ? sql_.size() : close + 2;
      } else {
        break;
      }
    }
    current_ = token{token::end, "", i, i};
    if (i >= sql_.size()) {
      pos_ = i;
      return;
    }
    const char c = sql_[i];
    const auto quoted = [&](char close, token::kind kind) {
      std::string text;
      std::size_t j = i + 1;
      for (; j < sql_.size(); ++j) {
        if (sql_[j] == close) {
          if (close != ']' && j + 1 < sql_.size() && sql_[j + 1] == close) {
            text += close;
            ++j;
            continue;
          }
          break;
        }
        text += sql_[j];
      }
      const std::size_t end = j < sql_.size() ? j + 1 : j;
      current_ = token{kind, kind == token::literal ? std::string(sql_.substr(i, end - i)) : text, i, end};
      pos_ = end;
    };
    if (c == '"') return quoted('"', token::name);
    if (c == '`') return quoted('`', token::name);
    if (c == '[') return quoted(']', token::name);
    if (c == '\'') return quoted('\'', token::literal);
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < sql_.size() && (std::isalnum(static_cast<unsigned char>(sql_[j])) || sql_[j] == '_' || sql_[j] == '$' ||
                                 static_cast<unsigned char>(sql_[j]) >= 0x80))
        ++j;
      std::string text(sql_.substr(i, j - i));
      for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      current_ = token{token::word, text, i, j};
      raw_word_ = std::string(sql_.substr(i, j - i));
      pos_ = j;
      return;
    }
    current_ = token{token::punct, std::string(1, c), i, i + 1};
    pos_ = i + 1;
  }

 public:
  /// The current word as written (names that are bare words keep their case).
  std::string as_name() const { return current_.what == token::word ? raw_word_ : current_.text; }

 private:
  std::string_view sql_;
  std::size_t pos_ = 0;
  token current_;
  std::string raw_word_;
};

std::vector<std::string> name_list(lexer& lx) {
  std::vector<std::string> names;
  if (!lx.is_punct('(')) return names;
  lx.next();
  while (lx.peek().what != token::end && !lx.is_punct(')')) {
    if (lx.is_punct(',')) {
      lx.next();
      continue;
    }
    names.push_back(lx.as_name());
    lx.next();
    // COLLATE x / ASC / DESC after a name in a UNIQUE list
    while (lx.peek().what == token::word) lx.next();
  }
  if (lx.is_punct(')')) lx.next();
  return names;
}

bool starts_table_constraint(const lexer& lx) {
  return lx.is("CONSTRAINT") || lx.is("PRIMARY") || lx.is("UNIQUE") || lx.is("CHECK") || lx.is("FOREIGN");
}

// Skips to the ',' or ')' that ends the current definition, at depth 0.
void skip_definition(lexer& lx) {
  while (lx.peek().what != token::end && !lx.is_punct(',') && !lx.is_punct(')')) {
    if (lx.is_punct('(')) {
      lx.parenthesised();
      continue;
    }
    lx.next();
  }
}

void read_table_constraint(lexer& lx, written_table& table) {
  std::string name;
  if (lx.is("CONSTRAINT")) {
    lx.next();
    name = lx.as_name();
    lx.next();
  }
  if (lx.is("FOREIGN")) {
    lx.next();  // FOREIGN
    lx.next();  // KEY
    written_constraint c{written_constraint::foreign_key, name, name_list(lx), {}, {}};
    if (lx.is("REFERENCES")) {
      lx.next();
      c.references_table = lx.as_name();
    }
    table.constraints.push_back(std::move(c));
  } else if (lx.is("UNIQUE")) {
    lx.next();
    table.constraints.push_back({written_constraint::unique, name, name_list(lx), {}, {}});
  } else if (lx.is("CHECK")) {
    lx.next();
    table.constraints.push_back({written_constraint::check, name, {}, {}, std::string(lx.parenthesised())});
  }
  skip_definition(lx);
}

void read_column(lexer& lx, written_table& table) {
  const std::string column = lx.as_name();
  lx.next();
  std::string name;
  while (lx.peek().what != token::end && !lx.is_punct(',') && !lx.is_punct(')')) {
    if (lx.is("CONSTRAINT")) {
      lx.next();
      name = lx.as_name();
      lx.next();
    } else if (lx.is("AUTOINCREMENT")) {
      table.autoincrement = true;
      lx.next();
    } else if (lx.is("CHECK")) {
      lx.next();
      table.constraints.push_back({written_constraint::check, name, {column}, {}, std::string(lx.parenthesised())});
      name.clear();
    } else if (lx.is("UNIQUE")) {
      lx.next();
      table.constraints.push_back({written_constraint::unique, name, {column}, {}, {}});
      name.clear();
    } else if (lx.is("REFERENCES")) {
      lx.next();
      table.constraints.push_back({written_constraint::foreign_key, name, {column}, lx.as_name(), {}});
      lx.next();
      name.clear();
    } else if (lx.is("AS")) {
      lx.next();
      if (lx.is_punct('(')) table.generated.emplace_back(column, std::string(lx.parenthesised()));
    } else if (lx.is("COLLATE")) {
      lx.next();
      table.collations.emplace_back(column, lx.as_name());
      lx.next();
    } else if (lx.is_punct('(')) {
      lx.parenthesised();  // a type's arguments, a DEFAULT (expression)
    } else {
      lx.next();
    }
  }
}

}  // namespace

written_table read_create_table(std::string_view sql) {
  written_table table;
  lexer lx(sql);
  while (lx.peek().what != token::end && !lx.is_punct('(')) lx.next();
  if (lx.peek().what == token::end) return table;
  lx.next();
  while (lx.peek().what != token::end && !lx.is_punct(')')) {
    if (lx.is_punct(',')) {
      lx.next();
      continue;
    }
    if (starts_table_constraint(lx)) {
      read_table_constraint(lx, table);
    } else {
      read_column(lx, table);
    }
  }
  // Table options: WITHOUT ROWID and STRICT, in any order, comma-separated.
  if (lx.is_punct(')')) lx.next();
  while (lx.peek().what != token::end) {
    if (lx.is("WITHOUT")) {
      lx.next();
      if (lx.is("ROWID")) table.without_rowid = true;
    } else if (lx.is("STRICT")) {
      table.strict = true;
    }
    lx.next();
  }
  return table;
}

written_index read_create_index(std::string_view sql) {
  written_index index;
  lexer lx(sql);
  while (lx.peek().what != token::end && !lx.is("ON")) lx.next();
  while (lx.peek().what != token::end && !lx.is_punct('(')) lx.next();
  if (lx.peek().what == token::end) return index;
  lx.next();
  std::size_t start = lx.peek().begin;
  while (lx.peek().what != token::end) {
    if (lx.is_punct('(')) {
      lx.parenthesised();
      continue;
    }
    if (lx.is_punct(',') || lx.is_punct(')')) {
      const bool last = lx.is_punct(')');
      index.entries.emplace_back(text::trim(lx.slice(start, lx.peek().begin)));
      lx.next();
      start = lx.peek().begin;
      if (last) break;
      continue;
    }
    lx.next();
  }
  if (lx.is("WHERE")) {
    const std::size_t from = lx.peek().finish;
    while (lx.peek().what != token::end) lx.next();
    index.where = std::string(text::trim(lx.slice(from, lx.peek().begin)));
    while (!index.where.empty() && index.where.back() == ';') index.where.pop_back();
  }
  return index;
}

std::string read_view_select(std::string_view sql) {
  lexer lx(sql);
  while (lx.peek().what != token::end && !lx.is("AS")) lx.next();
  if (lx.peek().what == token::end) return {};
  const std::size_t from = lx.peek().finish;
  return std::string(text::trim(sql.substr(from)));
}

}  // namespace retort::sqlite
