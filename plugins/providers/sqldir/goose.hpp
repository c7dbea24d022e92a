// sqldir/goose.hpp: goose's SQL migrations, read unchanged: a file
// {version}_{title}.sql (conventional_name.hpp) whose `-- +goose Up` and
// `-- +goose Down` lines start its two sections. Annotations are recognised
// as goose does: at the start of a line, in any letter case.
#pragma once

#include "conventional_chain.hpp"

#include <string_view>
#include <vector>

namespace sqldir {

/// True when a line of `content` is a goose annotation (`-- +goose ...`):
/// such a file is a goose migration, whatever else its name would say.
bool has_goose_annotation(std::string_view content);

/// The upgrade (the Up section) and, when the file has a Down section, the
/// downgrade of the goose migration at `path`, for chain_conventional().
/// A `-- +goose StatementBegin` ... `-- +goose StatementEnd` block is a
/// piece of its own (ParsedRevision), the text around blocks another;
/// `-- +goose NO TRANSACTION` anywhere makes the revision non-transactional.
/// Throws retort::failure (RETORT_ERROR_REVISION), one line naming `path`:
/// a name that is not {version}_{title}.sql, SQL before the Up line, a
/// missing, repeated or misplaced Up or Down, a block not closed, closed
/// twice or inside another, an annotation retort does not read (ENVSUB ON
/// among them), a NUL byte.
std::vector<ConventionalFile> goose_migration(std::string_view path, std::string_view content);

}  // namespace sqldir
