// Splits a MariaDB script into statements the way the mysql client and the
// server do: ';' outside strings, quoted identifiers, comments and compound
// statement bodies, or another delimiter chosen by a `DELIMITER xx` line.
#pragma once

#include <string_view>
#include <vector>

namespace retort::mariadb {

/// The text between two delimiters, trimmed, without its delimiter.
struct script_piece {
  std::string_view text;
  /// False when the piece is empty or only comments. The server still counts
  /// a comment-only piece as a statement of a multi-statement query (an
  /// empty one is a syntax error), so execute() keeps them to map the
  /// server's result count back to a statement.
  bool significant;
};

struct script_layout {
  /// Every piece in order; a whitespace-only tail after the last delimiter
  /// is not a piece (the server ignores it too).
  std::vector<script_piece> pieces;
  /// A DELIMITER line was present: the server cannot take the script whole.
  bool has_delimiter_lines = false;
};

/// Scans `script`. An unterminated string, identifier or comment makes the
/// rest of the script one final piece, so the server, not the splitter,
/// reports the error. Throws retort::failure (usage) for a DELIMITER line
/// without a delimiter. The views point into `script`.
script_layout scan_script(std::string_view script);

/// The statements of `script`: the significant pieces, in order.
std::vector<std::string_view> split_statements(std::string_view script);

}  // namespace retort::mariadb
