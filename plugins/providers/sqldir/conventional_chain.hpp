// sqldir/conventional_chain.hpp: turning the header-less files of a folder
// (golang-migrate or Flyway names, see conventional_name.hpp) into revisions.
// Their names carry no parent, so the revisions form one linear chain in
// version order. Pure: it sees names and contents, not the file system.
#pragma once

#include "conventional_name.hpp"
#include "parse.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

/// One header-less file whose name conventional_name() understood.
struct ConventionalFile {
  std::string path;  ///< as the folder argument spells it; used in messages
  ConventionalName name;
  std::string content;  ///< the file's bytes
};

struct ChainedRevision {
  ParsedRevision parsed;
  std::string origin;  ///< the path of the upgrade file
};

/// Pairs each upgrade file with the downgrade file of the same version (if
/// any) and chains the revisions in ascending version order: the first is a
/// root, each later one's down_revision is the one before. Scripts are the
/// files' contents minus a UTF-8 BOM and leading and trailing blank lines.
/// A revision is non-transactional when either script needs it
/// (transaction_needs.hpp), as Flyway decides for such files.
/// Throws retort::failure (RETORT_ERROR_REVISION) naming the files for two
/// files of one role and version, a downgrade file without an upgrade file,
/// both layouts in one folder, and a NUL byte in a file.
std::vector<ChainedRevision> chain_conventional(const std::vector<ConventionalFile>& files);

/// The script a header-less file holds: `content` without a UTF-8 BOM and
/// without leading and trailing blank lines. Throws retort::failure
/// (RETORT_ERROR_REVISION) naming `path` when it holds a NUL byte.
std::string conventional_script(std::string_view path, std::string_view content);

}  // namespace sqldir
