// sqldir/conventional_chain.hpp: turning the header-less migrations of a
// folder (golang-migrate, Flyway, Diesel, goose or dbmate; names in
// conventional_name.hpp) into revisions. Their names carry no parent, so the
// revisions form one linear chain in version order. Pure: it sees names and
// contents, not the file system.
#pragma once

#include "conventional_name.hpp"
#include "parse.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

/// One script of a header-less revision: a whole golang-migrate, Flyway or
/// Diesel file, or one section of a goose or dbmate file.
struct ConventionalFile {
  std::string path;  ///< as the folder argument spells it; used in messages
  ConventionalName name;
  std::string script;               ///< what it runs (conventional_script(), or a section)
  std::vector<std::string> pieces;  ///< how it is sent when not whole (ParsedRevision)
  /// What the layout's own marker says (goose's NO TRANSACTION, dbmate's
  /// transaction:false, Diesel's metadata.toml); nullopt for layouts that
  /// have none, whose scripts transaction_needs.hpp judges instead.
  std::optional<bool> transactional;
};

struct ChainedRevision {
  ParsedRevision parsed;
  std::string origin;  ///< the path of the upgrade file
};

/// Pairs each upgrade with the downgrade of the same version (if any) and
/// chains the revisions in ascending version order: the first is a root, each
/// later one's down_revision is the one before. A revision is transactional
/// unless its upgrade or downgrade says otherwise or, without a say of its
/// own, needs to be (transaction_needs.hpp, as Flyway decides).
/// Flyway's repeatables (Role::repeatable) follow the chain, each a revision
/// of its own with `repeatable` set and no parent, ordered by description
/// as Flyway runs them.
/// Throws retort::failure (RETORT_ERROR_REVISION) naming the files for two
/// files of one role and version, a downgrade without an upgrade, two
/// repeatables whose ids are one, and two layouts in one folder (a
/// repeatable among another tool's files included).
std::vector<ChainedRevision> chain_conventional(const std::vector<ConventionalFile>& files);

/// `content` without a UTF-8 BOM. Throws retort::failure
/// (RETORT_ERROR_REVISION) naming `path` and the line when it holds a NUL
/// byte: a migration is text.
std::string_view migration_text(std::string_view path, std::string_view content);

/// The script a whole header-less file holds: migration_text() without
/// leading and trailing blank lines.
std::string conventional_script(std::string_view path, std::string_view content);

}  // namespace sqldir
