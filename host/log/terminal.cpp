#include "host/log/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "host/log/logger.hpp"

namespace host {

ConsoleTraits console_traits(bool is_terminal, const char* term, const char* no_color, int width) {
  ConsoleTraits traits;
  if (width > 0) traits.width = width;
  // Without a terminal, or on one that cannot move the cursor, every byte
  // must read as plain text later (CI logs, `2> file`).
  const bool dumb = term != nullptr && std::strcmp(term, "dumb") == 0;
  if (!is_terminal || dumb) return traits;
  traits.status_line = true;
  traits.colour = no_color == nullptr || *no_color == '\0';
  return traits;
}

ConsoleTraits detect_console(int fd) {
  const bool is_terminal = ::isatty(fd) == 1;
  int width = 0;
  winsize size{};
  if (is_terminal && ::ioctl(fd, TIOCGWINSZ, &size) == 0) width = size.ws_col;
  return console_traits(is_terminal, std::getenv("TERM"), std::getenv("NO_COLOR"), width);
}

std::string in_level_colour(std::string_view text, Level level) {
  const char* sgr = "";
  switch (level) {
    case Level::error:
      sgr = "\x1b[1;31m";  // bold red
      break;
    case Level::warn:
      sgr = "\x1b[33m";  // yellow
      break;
    case Level::info:
      sgr = "\x1b[32m";  // green
      break;
    case Level::debug:
      sgr = "\x1b[2m";  // dim
      break;
  }
  return std::string(sgr) + std::string(text) + "\x1b[0m";
}

std::string fit_to_width(std::string_view text, int columns) {
  if (columns < 4) columns = 4;
  const auto limit = static_cast<std::size_t>(columns);
  // Characters are counted as code points: close enough for the ids, words
  // and numbers a status line holds (wide CJK glyphs may still wrap).
  std::size_t characters = 0;
  std::size_t cut = text.size();  // byte offset where character limit-3 starts
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    if (characters == limit - 3) cut = i;
    ++characters;
  }
  if (characters <= limit) return std::string(text);
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace host
