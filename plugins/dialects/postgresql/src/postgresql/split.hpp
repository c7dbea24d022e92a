// A statement splitter that reads a script the way PostgreSQL's lexer does,
// so a semicolon inside a string, identifier, comment or function body does
// not end a statement. Needed because CREATE INDEX CONCURRENTLY and friends
// refuse to run inside a multi-statement string.
#pragma once

#include <string_view>
#include <vector>

namespace retort::postgresql {

/// The statements of `script`, in order, as views into it: without the
/// terminating semicolon, without leading comments, trimmed. Empty and
/// comment-only statements are dropped.
///
/// Honoured: '...' (with ''), E'...' (with backslash escapes and ''),
/// "..." identifiers (with ""), $$...$$ and $tag$...$tag$, -- comments,
/// nested /* ... */ comments, and BEGIN ATOMIC ... END bodies of SQL-standard
/// functions (with CASE ... END inside them).
///
/// An unterminated quote, body or comment makes the rest of the script one
/// final statement, kept even if it is only a comment, so the server reports
/// the mistake instead of the splitter hiding it.
///
/// Assumes standard_conforming_strings = on (the default since 9.1): a
/// backslash in '...' is an ordinary character. psql meta-commands
/// (\connect, ...) are not SQL and are not recognised.
std::vector<std::string_view> split_statements(std::string_view script);

}  // namespace retort::postgresql
