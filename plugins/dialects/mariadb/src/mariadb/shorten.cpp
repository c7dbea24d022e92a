#include "mariadb/shorten.hpp"

#include "mariadb/lexer.hpp"

namespace retort::mariadb {
namespace {

std::string_view without_leading_comments(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (is_space(s[pos])) {
      ++pos;
    } else if (starts_line_comment(s, pos)) {
      pos = end_of_line_comment(s, pos);
    } else if (starts_block_comment(s, pos) && !starts_executable_comment(s, pos)) {
      pos = end_of_block_comment(s, pos);
    } else {
      break;
    }
  }
  return s.substr(pos);
}

bool continues_utf8(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string shorten_statement(std::string_view statement, std::size_t limit) {
  std::string flat;
  bool space = false;
  for (char c : trim(without_leading_comments(statement))) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (flat.size() <= limit) return flat;
  constexpr std::string_view mark = "...";
  std::size_t cut = limit > mark.size() ? limit - mark.size() : 0;
  while (cut > 0 && continues_utf8(flat[cut])) --cut;
  flat.resize(cut);
  return flat + std::string(mark);
}

}  // namespace retort::mariadb
