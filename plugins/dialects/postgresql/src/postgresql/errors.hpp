// libpqxx exceptions turned into retort failures: one line, the SQLSTATE in
// its own field, the statement shortened, the password never included.
#pragma once

#include <string>
#include <string_view>

namespace retort::postgresql {

/// A server error message (as libpq formats it: "ERROR:  text\nDETAIL: ...
/// \nLINE 1: ...\n   ^") on one line: the primary text, then "; detail: ..."
/// and "; hint: ..." when present. The LINE/caret excerpt, QUERY and CONTEXT
/// are left out: the statement is reported separately and shortened.
std::string server_message(std::string_view what);

/// Call only inside a catch block: rethrows the exception being handled as a
/// retort::failure of kind RETORT_ERROR_DATABASE. pqxx::sql_error keeps its
/// SQLSTATE; broken_connection and other pqxx::failure carry none (NOTES.md).
/// `statement` (may be empty) is named, shortened. `secret` is scrubbed from
/// the messages libpq writes (lost connections); server errors are left
/// whole, since the server never sees the connection password. Other
/// exceptions (pqxx::usage_error, std::bad_alloc, ...) are rethrown unchanged
/// and end up as plugin failures.
[[noreturn]] void rethrow_as_failure(std::string_view statement, std::string_view secret);

/// The one-line message for a failed connection attempt.
std::string connect_failure_message(std::string_view what, std::string_view secret);

}  // namespace retort::postgresql
