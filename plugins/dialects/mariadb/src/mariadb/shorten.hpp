// Statements quoted in error messages: one line, bounded length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace retort::mariadb {

/// `statement` without its leading comments, with every run of whitespace
/// made one space, cut to at most `limit` bytes (never inside a UTF-8
/// character) and marked "..." when cut.
std::string shorten_statement(std::string_view statement, std::size_t limit = 120);

}  // namespace retort::mariadb
