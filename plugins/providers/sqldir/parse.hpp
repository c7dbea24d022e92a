// sqldir/parse.hpp: one revision file (SPEC §3 "sqldir file format") into
// its parts. A pure function of a file name and its bytes: no file system,
// no global state, so the tests and the fuzzer call it directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

/// A revision as its file declares it. Ids are checked for shape only;
/// whether parents exist is the host's graph's question.
struct ParsedRevision {
  std::string id;
  std::vector<std::string> down_revisions;  ///< none: a root; two or more: a merge
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;      ///< revision ids or branch labels
  std::string message;                      ///< empty when the file has none
  bool transactional = true;
  /// A Flyway repeatable (R__ file): no parents, no downgrade; the host runs
  /// it again whenever it changed (RETORT_REVISION_REPEATABLE). Never set by
  /// a header file.
  bool repeatable = false;
  std::string upgrade;                      ///< as written, blank lines around it trimmed
  std::string downgrade;                    ///< empty when there is no downgrade section
  /// How each script is sent: empty, whole, as one operation; otherwise as
  /// these pieces, one operation each, in order. Only goose files have them:
  /// a StatementBegin ... StatementEnd block is a piece of its own, so it
  /// reaches the host as one statement whatever it holds (goose.hpp).
  std::vector<std::string> upgrade_pieces;
  std::vector<std::string> downgrade_pieces;
};

/// Parses the content of one file. `file_name` is used only in messages.
/// A UTF-8 byte order mark and CRLF line endings are accepted; the scripts
/// keep their line endings as written.
/// Throws retort::failure, kind RETORT_ERROR_REVISION, with a one-line
/// message "FILE:LINE: what was expected" (or "FILE: ..." when the problem
/// is something missing) for the first problem found.
ParsedRevision parse_sql_revision(std::string_view file_name, std::string_view content);

/// True when any line of `content` is a `-- retort:` directive (as the parser
/// sees one, mistyped ones included). Such a file is in retort's format and
/// goes to parse_sql_revision(), which reports what is wrong with it; any
/// other file is read by its name (conventional_name.hpp).
bool has_retort_directive(std::string_view content);

}  // namespace sqldir
