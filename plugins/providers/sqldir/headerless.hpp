// sqldir/headerless.hpp: which layout a `*.sql` file without a `-- retort:`
// directive follows, decided in one place. Content first: goose's and
// dbmate's files are named alike, and like golang-migrate's, so only their
// markers tell them apart; then the name (golang-migrate, Flyway). Diesel's
// migrations are folders, not files, and are read by diesel.hpp.
#pragma once

#include "conventional_chain.hpp"

#include <string_view>
#include <vector>

namespace sqldir {

/// The scripts the header-less file at `path` holds, for chain_conventional().
/// Throws retort::failure (RETORT_ERROR_REVISION), one line naming `path`,
/// for a file with both goose's and dbmate's markers, for a file with
/// neither whose name is not golang-migrate's or Flyway's, and for what
/// goose_migration(), dbmate_migration() and conventional_name() refuse.
std::vector<ConventionalFile> read_headerless(std::string_view path, std::string_view content);

}  // namespace sqldir
