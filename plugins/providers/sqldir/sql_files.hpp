// sqldir/sql_files.hpp: the file-system side of sqldir, kept apart from the
// parser so the parser stays a pure function. Failures name the path and the
// operating system's reason.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sqldir {

/// The largest revision file read: 16 MiB. A hand-written migration is far
/// smaller; anything this big is a dump or the wrong file, and reading it
/// would only delay the error.
inline constexpr std::size_t max_file_size = std::size_t{16} << 20;

/// The paths (folder joined with the file name) of the `*.sql` files directly
/// in `folder`, sorted by file name. As a shell's `*.sql` would, it skips
/// names starting with '.' (editor lock files); it also skips directories and
/// special files. A broken symbolic link is kept, so that reading it reports
/// the problem instead of a revision silently going missing.
/// Throws retort::failure, kind RETORT_ERROR_USAGE, when `folder` is empty,
/// missing, not a folder or unreadable.
std::vector<std::string> list_sql_files(const std::string& folder);

/// The whole content of `path`. Throws retort::failure: kind
/// RETORT_ERROR_USAGE when it cannot be read, RETORT_ERROR_REVISION when it is
/// larger than max_file_size.
std::string read_sql_file(const std::string& path);

}  // namespace sqldir
