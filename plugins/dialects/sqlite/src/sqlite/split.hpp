// Splitting a script into the statements SQLite will run, for offline
// scripts and for anyone who needs to count or show statements.
#pragma once

#include <string_view>
#include <vector>

namespace retort::sqlite {

/// The statements of `script`, as views into it, in order.
///
/// A statement ends at a ';' outside '...' strings ('' escapes), "..." `...`
/// and [...] identifiers, -- and /* */ comments, and outside the body of a
/// CREATE [TEMP] TRIGGER, which ends only at "; END ;". Which ';' ends a
/// statement is decided by the state machine of sqlite3_complete(), so SQLite
/// agrees with every cut. Each statement spans from its first token to its
/// last (the ';' excluded), so comments between statements are dropped and
/// comments inside one are kept; empty and comment-only pieces yield nothing.
/// The last statement needs no ';' (an unfinished trigger is the remainder,
/// as one statement). An unterminated /* comment runs to the end, as in
/// SQLite; an unterminated string or quoted identifier throws
/// failure(RETORT_ERROR_USAGE) naming its line and column, since SQLite could
/// not run it either and a script should fail before any of it is sent.
std::vector<std::string_view> split_statements(std::string_view script);

}  // namespace retort::sqlite
