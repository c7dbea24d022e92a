// What `retort revision` and `retort merge` write: a fresh id, the file's
// name, and its text in the sqldir format (SPEC §3) or as a C++ source
// against the SDK. Pure functions of a Revision, except fresh ids (random)
// and write_new_file (the file system).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "host/graph/graph.hpp"
#include "host/graph/revision.hpp"

namespace host {

enum class RevisionLanguage { sql, cpp };

/// 12 random lowercase hex digits (std::random_device) naming no revision of `graph`.
std::string fresh_revision_id(const Graph& graph);

/// The lowercase ASCII words of `message` joined by '_', cut at a word
/// boundary to at most 40 characters ("Add users, v2!" -> "add_users_v2").
std::string message_slug(std::string_view message);

/// "<id>_<slug>.sql" (or ".cpp"); "<id>.sql" when the slug is empty.
std::string revision_file_name(const Revision& revision, RevisionLanguage language);

/// The file's text: header directives and empty upgrade and downgrade
/// scripts, or a C++ source registering the revision with empty bodies.
/// Only id, down_revisions, branch_labels, depends_on and message are used;
/// the message must be one line (see one_line).
std::string revision_file_text(const Revision& revision, RevisionLanguage language);

/// A C++ revision source with its bodies written: revision_file_text's
/// shape (first line `// retort:revision ID`, the registration and its
/// builder chain) with `upgrade_body` and `downgrade_body` (statements, each
/// line indented and ending in a newline: cpp_statements) inside the
/// lambdas. A body with no statement (empty, or comments only) also gets
/// `static_cast<void>(op);`, so `op` is never an unused parameter.
std::string cpp_revision_text(const Revision& revision, const std::string& upgrade_body,
                              const std::string& downgrade_body);

/// A .sql revision file with its scripts written: the header, then
/// `upgrade` and `downgrade` (each ending in a newline) in their sections.
std::string sql_revision_text(const Revision& revision, const std::string& upgrade, const std::string& downgrade);

/// `text` with every run of control characters (newlines included) turned
/// into one space and the ends trimmed: a message fits one header line.
std::string one_line(std::string_view text);

/// Creates `path` holding `text`; never replaces an existing file (usage
/// error naming it). The folder must exist.
void write_new_file(const std::filesystem::path& path, const std::string& text);

}  // namespace host
