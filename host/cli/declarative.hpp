// Declarative SQL: `.sql` files that state a schema (CREATE TABLE ...), as
// `diff --from file:PATH` reads them. retort never parses them: the engine
// runs them on a scratch database and retort reads back what it made, so the
// engine itself normalises types and defaults.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "host/abi/connection.hpp"
#include "host/abi/dialect.hpp"
#include "host/schema/schema.hpp"

namespace host {

/// The files `path` names: a `.sql` file, or every `*.sql` file under a
/// folder (subfolders included) in path order. A path that does not exist,
/// a folder without one, or a revision file (it has a '-- retort:revision'
/// line: use its revision as the source instead) is a usage error.
std::vector<std::filesystem::path> declarative_files(const std::string& path);

/// Runs every statement of `files` in order on `db`, split by the dialect;
/// the first failure names its file, statement number and line (exit 1).
/// The rename hints written in `files` as `-- retort:renamed_from OLD`: on
/// a CREATE TABLE line the table's, on a later line of that statement the
/// column's whose name starts the line. A hint outside a CREATE TABLE, or
/// on a line that starts no column (nothing before it, or a constraint:
/// CONSTRAINT, PRIMARY KEY, UNIQUE, ...), is a usage error naming its file
/// and line.
std::vector<schema::RenameHint> declared_renames(const std::vector<std::filesystem::path>& files);

void apply_declarative(Connection& db, const Dialect& dialect, const std::vector<std::filesystem::path>& files,
                       const std::string& where);

}  // namespace host
