#include "host/abi/script_transaction.hpp"

#include <cstddef>
#include <initializer_list>

namespace host {
namespace {

// The words of one statement, upper-cased, comments skipped. `bare` is false
// once anything but words, white space, comments and ';' shows up: a
// statement with a literal, a number or punctuation is never transaction
// control as this file means it.
struct Words {
  std::vector<std::string> words;
  bool bare = true;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Reads at most `limit` words. '#' counts as a comment (MariaDB's); in the
// other dialects it cannot start a transaction statement either way.
Words words_of(std::string_view text, std::size_t limit) {
  Words out;
  std::size_t i = 0;
  while (i < text.size() && out.words.size() < limit) {
    const char c = text[i];
    if (is_space(c) || c == ';') {
      ++i;
    } else if (text.compare(i, 2, "--") == 0 || c == '#') {
      i = text.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string_view::npos) break;
      i += 2;
    } else if (is_word_char(c)) {
      std::string word;
      for (; i < text.size() && is_word_char(text[i]); ++i) word += upper(text[i]);
      out.words.push_back(std::move(word));
    } else {
      out.bare = false;
      break;
    }
  }
  return out;
}

enum class Control { none, start, commit, other };

bool one_of(const std::string& word, std::initializer_list<std::string_view> choices) {
  for (std::string_view choice : choices)
    if (word == choice) return true;
  return false;
}

Control control_of(std::string_view statement) {
  // Eight words are more than any form below needs; a longer statement is
  // still classified by its first ones.
  const Words read = words_of(statement, 8);
  const std::vector<std::string>& w = read.words;
  if (!read.bare || w.empty()) return Control::none;
  const std::size_t n = w.size();
  if (w[0] == "BEGIN") {
    // SQLite's lock modes; WORK and TRANSACTION are noise words everywhere.
    if (n == 1 || (n == 2 && one_of(w[1], {"TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"})) ||
        (n == 3 && one_of(w[1], {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}) && w[2] == "TRANSACTION"))
      return Control::start;
    // BEGIN NOT ATOMIC is MariaDB's compound statement, not a transaction.
    return one_of(w[1], {"TRANSACTION", "WORK", "ISOLATION", "READ"}) ? Control::other : Control::none;
  }
  if (w[0] == "START" && n >= 2 && w[1] == "TRANSACTION") return n == 2 ? Control::start : Control::other;
  if (w[0] == "COMMIT" || w[0] == "END") {
    if (n == 1 || (n == 2 && one_of(w[1], {"TRANSACTION", "WORK"}))) return Control::commit;
    return w[0] == "COMMIT" ? Control::other : Control::none;
  }
  if (w[0] == "ROLLBACK" || w[0] == "ABORT") {
    // ROLLBACK TO SAVEPOINT stays inside the transaction, so it is harmless.
    for (const auto& word : w)
      if (word == "TO") return Control::none;
    return Control::other;
  }
  return Control::none;
}

}  // namespace

bool may_open_own_transaction(std::string_view script) {
  const Words first = words_of(script, 1);
  return first.bare && !first.words.empty() && (first.words[0] == "BEGIN" || first.words[0] == "START");
}

bool strip_own_transaction(std::vector<std::string>& statements) {
  if (statements.size() < 2) return false;
  if (control_of(statements.front()) != Control::start || control_of(statements.back()) != Control::commit)
    return false;
  for (std::size_t i = 1; i + 1 < statements.size(); ++i)
    if (control_of(statements[i]) != Control::none) return false;
  statements.pop_back();
  statements.erase(statements.begin());
  return true;
}

}  // namespace host
