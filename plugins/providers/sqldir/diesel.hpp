// sqldir/diesel.hpp: Diesel's migrations, read unchanged: a folder per
// migration, named {version}_{name} (diesel_name(), conventional_name.hpp),
// holding up.sql, down.sql and optionally metadata.toml, whose
// `run_in_transaction = false` makes the revision non-transactional. Pure:
// the folder provider reads the files and passes their contents.
#pragma once

#include "conventional_chain.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

/// One Diesel migration folder as read from disk.
struct DieselFolder {
  std::string path;       ///< the folder, as the folder argument spells it, without a trailing '/'
  ConventionalName name;  ///< diesel_name(path)
  std::optional<std::string> up, down, metadata;  ///< up.sql, down.sql, metadata.toml; nullopt: absent
};

/// Its upgrade (up.sql) and, when down.sql exists, its downgrade, for
/// chain_conventional(). Throws retort::failure (RETORT_ERROR_REVISION),
/// one line naming the file: a folder without up.sql, a metadata.toml whose
/// run_in_transaction is not true or false or is set twice, a NUL byte.
std::vector<ConventionalFile> diesel_migration(const DieselFolder& folder);

/// What `metadata` (a metadata.toml at `path`) says of run_in_transaction,
/// true when it does not set it. Only that top-level key is read; other
/// keys and tables, which Diesel does not have, are left alone.
bool diesel_runs_in_transaction(std::string_view path, std::string_view metadata);

}  // namespace sqldir
