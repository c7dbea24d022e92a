// sqldir/dbmate.hpp: dbmate's migrations, read unchanged: a file
// {version}_{title}.sql (conventional_name.hpp) whose `-- migrate:up` and
// `-- migrate:down` lines start its two sections, each marker optionally
// followed by options (`transaction:false`).
#pragma once

#include "conventional_chain.hpp"

#include <string_view>
#include <vector>

namespace sqldir {

/// True when a line of `content` is a dbmate marker (`-- migrate:up` or
/// `-- migrate:down`): such a file is a dbmate migration, whatever else its
/// name would say.
bool has_dbmate_marker(std::string_view content);

/// The upgrade (the up section) and, when the file has a down section, the
/// downgrade of the dbmate migration at `path`, for chain_conventional().
/// `transaction:false` on either marker makes the revision non-transactional.
/// Throws retort::failure (RETORT_ERROR_REVISION), one line naming `path`:
/// a name that is not {version}_{title}.sql, SQL before the up marker, a
/// missing, repeated or misplaced marker, an option other than
/// transaction:true or transaction:false, a NUL byte.
std::vector<ConventionalFile> dbmate_migration(std::string_view path, std::string_view content);

}  // namespace sqldir
