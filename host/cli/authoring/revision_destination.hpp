// Where `retort revision` and `retort merge` write: a sqldir folder among
// the configured `revisions`, or the `cpp_revisions` source folder. Decided
// from the settings alone (docs/decisions.md, "Authoring").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "host/cli/authoring/revision_file.hpp"
#include "host/config/settings.hpp"
#include "host/graph/graph.hpp"

namespace host {

struct RevisionDestination {
  RevisionLanguage language;
  std::filesystem::path folder;
};

/// The folder of a `revisions` entry read by sqldir: a plain folder (as
/// App::load_providers decides) or "sqldir:FOLDER", lexically normal;
/// nullopt for an entry another provider reads.
std::optional<std::filesystem::path> sqldir_folder(const std::string& entry);

/// `template_name` is --template ("sqldir", "cpp" or absent). Without it, a
/// configured sqldir folder wins over `cpp_revisions`. Among several sqldir
/// folders, the one holding `parent` (a revision's origin) is chosen, else
/// the first. Usage error when there is nowhere to write.
RevisionDestination choose_destination(const Settings& settings, const std::optional<std::string>& template_name,
                                       const Revision* parent);

/// The .cpp files in a cpp_revisions folder whose `// retort:revision ID`
/// first line names a revision the graph (the built plugin) does not have:
/// sources written but not built yet.
std::vector<std::filesystem::path> unbuilt_revision_sources(const std::filesystem::path& folder, const Graph& graph);

/// Configured revisions entries naming a plugin file that does not exist
/// (a C++ project not built yet).
std::vector<std::string> missing_plugin_files(const Settings& settings);

}  // namespace host
