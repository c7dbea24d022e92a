// How a statement is quoted in an error message: one line, short.
#pragma once

#include <string>
#include <string_view>

namespace retort::sqlite {

/// `sql` on one line: runs of whitespace collapsed to one space, trimmed, and
/// cut to at most `limit` bytes (ending in "...") without splitting a UTF-8
/// character.
std::string shorten_statement(std::string_view sql, std::size_t limit = 120);

}  // namespace retort::sqlite
