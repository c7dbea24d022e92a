// The lexical facts of MariaDB SQL the splitter and the message shortener
// share: where strings, quoted identifiers and comments end.
#pragma once

#include <cstddef>
#include <string_view>

namespace retort::mariadb {

bool is_space(char c) noexcept;
/// Characters of an unquoted identifier or keyword; bytes of multi-byte
/// UTF-8 sequences count, as MariaDB accepts them unquoted.
bool is_word_char(char c) noexcept;

/// Where a token that starts at `pos` ends (one past its last character).
/// Each returns `text.size()` when the token is unterminated, and sets
/// `*terminated` (when given) to say which it was.
///
/// '…' and "…": a doubled quote or a backslash escapes the next character
/// (MariaDB's default sql_mode; NO_BACKSLASH_ESCAPES is not assumed).
/// `…`: a doubled backtick stands for one; backslashes are plain.
std::size_t end_of_quoted(std::string_view text, std::size_t pos, bool* terminated = nullptr);
/// /* … */, including the executable forms /*! … */ and /*M! … */.
std::size_t end_of_block_comment(std::string_view text, std::size_t pos,
                                 bool* terminated = nullptr);
/// # … and -- … up to (not including) the end of the line.
std::size_t end_of_line_comment(std::string_view text, std::size_t pos);

/// `#`, or `--` followed by whitespace, a control character or the end:
/// MariaDB reads `--1` as minus minus one, not as a comment.
bool starts_line_comment(std::string_view text, std::size_t pos) noexcept;
bool starts_block_comment(std::string_view text, std::size_t pos) noexcept;
/// /*! … */ and /*M! … */: the server runs their content.
bool starts_executable_comment(std::string_view text, std::size_t pos) noexcept;

/// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text) noexcept;

}  // namespace retort::mariadb
