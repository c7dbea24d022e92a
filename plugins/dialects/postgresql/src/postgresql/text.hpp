// Small text helpers shared by rendering, splitting and error reporting.
#pragma once

#include <string>
#include <string_view>

namespace retort::postgresql {

/// True for the bytes PostgreSQL's lexer treats as whitespace.
bool is_space(char c) noexcept;

/// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text) noexcept;

/// ASCII lower case; other bytes (UTF-8) are left alone.
std::string lower(std::string_view text);

/// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b) noexcept;

/// Every run of whitespace (newlines and tabs included) becomes one space, and
/// the ends are trimmed: the host prints errors on one line.
std::string one_line(std::string_view text);

/// `text` on one line, cut to at most `max_chars` bytes (ending in "...")
/// without splitting a UTF-8 sequence.
std::string shorten(std::string_view text, std::size_t max_chars = 120);

/// `text` with every occurrence of `secret` replaced by "***"; an empty
/// secret changes nothing.
std::string scrub(std::string text, std::string_view secret);

}  // namespace retort::postgresql
