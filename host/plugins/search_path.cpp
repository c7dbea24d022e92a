#include "host/plugins/search_path.hpp"

#include <algorithm>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace host {

fs::path default_plugin_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return (exe.parent_path() / ".." / RETORT_PLUGIN_SUBDIR).lexically_normal();
}

namespace {

std::vector<fs::path> shared_objects_in(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  // A plugin-path entry that is missing or unreadable is not an error: the
  // default entries are there whether or not anything is installed.
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& file = it->path();
    std::error_code status_ec;
    if (file.extension() == ".so" && fs::is_regular_file(file, status_ec)) files.push_back(file);
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

}  // namespace

std::vector<PluginFile> scan_plugins(const std::vector<fs::path>& folders) {
  std::vector<PluginFile> found;
  std::set<fs::path> seen;
  for (const fs::path& folder : folders) {
    if (folder.empty()) continue;
    std::error_code ec;
    fs::path identity = fs::weakly_canonical(folder, ec);
    if (!seen.insert(ec ? folder : identity).second) continue;
    for (const fs::path& file : shared_objects_in(folder))
      found.push_back(PluginFile{folder, inspect_plugin_file(file)});
  }
  return found;
}

}  // namespace host
