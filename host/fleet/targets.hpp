// Which databases a fleet runs on: a targets file, or the configuration's
// [target.NAME] sections chosen by label.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "host/fleet/outcome.hpp"

namespace host::fleet {

/// 1 to 64 of [A-Za-z0-9_.-].
bool is_target_name(std::string_view name);

/// One `NAME URL` a line; blank lines and lines starting with '#' are
/// skipped, and a '#' after whitespace starts a comment. Usage error
/// "FILE:LINE: ..." (URLs masked) for a line that is not two fields, a bad
/// or repeated name, and for a text that lists no target at all.
std::vector<Target> parse_targets(std::string_view text, const std::string& display_name);

/// parse_targets() of the file; a file that cannot be read is a usage error.
std::vector<Target> read_targets_file(const std::filesystem::path& path);

/// `--targets SPEC`: "label:L" chooses, in order, the configured targets
/// whose labels hold L (a usage error listing the labels there are when
/// none does); anything else names a targets file.
std::vector<Target> select_targets(const std::string& spec, const std::vector<Target>& configured,
                                   const std::string& config_name);

}  // namespace host::fleet
