#include <retort_sqlite/statement_text.hpp>

#include "text.hpp"

namespace retort::sqlite {

std::string shorten_statement(std::string_view sql, std::size_t limit) {
  std::string line;
  for (char c : text::trim(sql)) {
    if (!text::is_space(c)) line += c;
    else if (line.back() != ' ') line += ' ';
  }
  if (line.size() <= limit) return line;
  const std::string_view ellipsis = "...";
  std::size_t cut = limit > ellipsis.size() ? limit - ellipsis.size() : 0;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to a character start.
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  line.resize(cut);
  return line + std::string(ellipsis);
}

}  // namespace retort::sqlite
