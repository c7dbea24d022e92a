// Internal to host/config: retort.ini read through Boost.Program_options,
// with the line numbers Program_options does not keep.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace host {

/// A key the file may hold, named "section.key" as Program_options names it.
/// "family.*.key" is a key of every section `[family.NAME]` the file has
/// (NAME: 1 to 64 of [A-Za-z0-9_.-]), entries named "family.NAME.key".
struct IniKey {
  std::string name;
  bool repeatable = false;
};

/// One `key = value` line, in file order.
struct IniEntry {
  std::string key;  ///< "section.key"
  std::string value;
  int line = 0;
};

/// Reads the INI file at `path`; `display_name` is how messages name it.
/// Throws a one-line usage error "FILE:LINE: ..." for a line that is not
/// `key = value`, `[section]`, a comment or blank; for an unknown section or
/// key; and for a key that is not repeatable given twice.
///
/// A comment starts with ';' or '#' at the start of a line or after
/// whitespace, so `lock_timeout = 60 ; seconds` works and a password holding
/// '#' or ';' survives.
std::vector<IniEntry> read_ini_file(const std::filesystem::path& path,
                                    const std::string& display_name,
                                    const std::vector<IniKey>& keys);

}  // namespace host
