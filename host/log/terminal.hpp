// What the console can show a person: colour and a rewritable status line
// are for terminals only, never for pipes, files or CI logs, and colour never
// when NO_COLOR is set (https://no-color.org). This is the one place that
// asks; the logger and the progress line only read the answer.
#pragma once

#include <string>
#include <string_view>

namespace host {

enum class Level;  // logger.hpp

/// Decided once, when the logger is made.
struct ConsoleTraits {
  bool colour = false;       ///< level words in colour (SGR sequences)
  bool status_line = false;  ///< a last line rewritten in place (\r, erase line)
  int width = 80;            ///< columns; status lines are cut to fit
};

/// The decision from the facts, so it can be tested without a terminal:
/// `is_terminal` is isatty(); `term` and `no_color` are $TERM and $NO_COLOR
/// (nullptr when unset); `width` is the terminal's columns (0: unknown).
/// A status line needs a terminal that is not TERM=dumb; colour needs that
/// too, and NO_COLOR unset or empty.
ConsoleTraits console_traits(bool is_terminal, const char* term, const char* no_color, int width);

/// console_traits for file descriptor `fd` and this process's environment.
ConsoleTraits detect_console(int fd);

/// `text` in the colour of `level`, followed by a reset.
std::string in_level_colour(std::string_view text, Level level);

/// The sequence that returns to the start of the line and erases it.
inline constexpr std::string_view erase_line = "\r\x1b[K";

/// `text` cut to at most `columns` characters (UTF-8 aware, so a cut never
/// splits a character), with "..." at the end when it was cut.
std::string fit_to_width(std::string_view text, int columns);

}  // namespace host
