#include "host/cli/authoring/revision_destination.hpp"

#include <algorithm>
#include <fstream>

#include "host/errors/error.hpp"

namespace host {
namespace fs = std::filesystem;
std::optional<fs::path> sqldir_folder(const std::string& entry) {
  const std::string named = "sqldir:";
  if (entry.rfind(named, 0) == 0) return fs::path(entry.substr(named.size())).lexically_normal();
  auto colon = entry.find(':');
  bool other_provider = colon != std::string::npos && colon > 0 && entry.find('/') > colon;
  if (!other_provider && fs::is_directory(entry)) return fs::path(entry).lexically_normal();
  return std::nullopt;
}

namespace {

std::string config_name(const Settings& settings) {
  return settings.config_file.empty() ? std::string("retort.ini") : settings.config_file;
}

RevisionDestination sql_destination(const Settings& settings, const std::vector<fs::path>& folders,
                                    const Revision* parent) {
  if (folders.empty())
    usage_error("no sqldir folder to write to: no 'revisions' entry in " + config_name(settings) + " is a folder");
  if (parent)
    for (const auto& folder : folders)
      if (fs::path(parent->origin).lexically_normal().parent_path() == folder)
        return {RevisionLanguage::sql, folder};
  return {RevisionLanguage::sql, folders.front()};
}

RevisionDestination cpp_destination(const Settings& settings) {
  if (settings.cpp_revisions.empty())
    usage_error("no folder for C++ revisions: set 'cpp_revisions = FOLDER' in [retort] of " + config_name(settings));
  if (!fs::is_directory(settings.cpp_revisions))
    usage_error("cpp_revisions '" + settings.cpp_revisions + "' (from " + config_name(settings) +
                ") is not a folder");
  return {RevisionLanguage::cpp, fs::path(settings.cpp_revisions)};
}

}  // namespace

RevisionDestination choose_destination(const Settings& settings, const std::optional<std::string>& template_name,
                                       const Revision* parent) {
  std::vector<fs::path> folders;
  for (const auto& entry : settings.revisions)
    if (auto folder = sqldir_folder(entry)) folders.push_back(*folder);
  if (template_name && *template_name != "sqldir" && *template_name != "cpp")
    usage_error("--template must be sqldir or cpp, not '" + *template_name + "'");
  if (template_name == "cpp") return cpp_destination(settings);
  if (template_name == "sqldir" || !folders.empty() || settings.cpp_revisions.empty())
    return sql_destination(settings, folders, parent);
  return cpp_destination(settings);
}

std::vector<fs::path> unbuilt_revision_sources(const fs::path& folder, const Graph& graph) {
  const std::string marker = "// retort:revision ";
  std::vector<fs::path> unbuilt;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator(folder, ignored)) {
    if (entry.path().extension() != ".cpp" || !entry.is_regular_file(ignored)) continue;
    std::ifstream in(entry.path());
    std::string first;
    std::getline(in, first);
    if (first.rfind(marker, 0) != 0) continue;
    std::string id = first.substr(marker.size());
    while (!id.empty() && (id.back() == '\r' || id.back() == ' ')) id.pop_back();
    if (!graph.find(id)) unbuilt.push_back(entry.path());
  }
  std::sort(unbuilt.begin(), unbuilt.end());
  return unbuilt;
}

std::vector<std::string> missing_plugin_files(const Settings& settings) {
  std::vector<std::string> missing;
  for (const auto& entry : settings.revisions)
    if (fs::path(entry).extension() == ".so" && !fs::exists(entry)) missing.push_back(entry);
  return missing;
}

}  // namespace host
