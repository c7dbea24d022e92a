#include "mariadb/shorten.hpp"

#include "mariadb/lexer.hpp"

#include <retort/sdk/text.hpp>

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

}  // namespace

std::string shorten_statement(std::string_view statement, std::size_t limit) {
  return text::shorten(without_leading_comments(statement), limit);
}

}  // namespace retort::mariadb
