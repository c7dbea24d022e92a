// sqldir/script.hpp: what is done to a script between its markers, which is
// as little as possible: it is sent to the database as written.
#pragma once

#include <string_view>

namespace sqldir {

/// `section` from the start of its first non-blank line to the end of its
/// last non-blank line, that line's ending ("\n" or "\r\n") excluded. Every
/// byte in between is kept, so what runs is what the file says.
std::string_view trim_blank_lines(std::string_view section);

/// False when `script` holds only whitespace, `--` comments and closed
/// `/* */` comments: sending it would do nothing, and some engines reject an
/// empty query. Errs towards true (an unclosed comment counts as SQL) so the
/// database, not this guess, judges anything unusual.
bool has_sql(std::string_view script);

}  // namespace sqldir
