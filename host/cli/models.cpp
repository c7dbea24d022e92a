#include "host/cli/models.hpp"

#include <filesystem>

#include "host/abi/provider.hpp"
#include "host/cli/declarative.hpp"
#include "host/cli/scratch.hpp"
#include "host/errors/error.hpp"
#include "host/plugins/plugins.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

bool is_plugin_file(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && fs::path(path).extension() == ".so";
}

}  // namespace

schema::Desired read_models(App& app) {
  const auto& entries = app.settings().models;
  if (entries.empty())
    usage_error("no models configured: set 'models' in retort.ini (a models plugin, or a .sql file or folder), "
                "RETORT_MODELS, or pass --models");
  schema::Desired desired;
  // Every entry is checked before a scratch database is made.
  std::vector<std::pair<std::string, std::vector<fs::path>>> sql_entries;
  std::vector<std::pair<std::string, schema::Desired>> plugin_entries;
  for (const auto& entry : entries) {
    if (is_plugin_file(entry)) {
      // A new instance, not the revisions' own: a file may be both, and
      // its models are read without touching the revision graph.
      Provider& plugin = app.registry().provider_from_file(entry);
      plugin.open("");
      plugin_entries.emplace_back(entry, plugin.models());
    } else {
      sql_entries.emplace_back(entry, declarative_files(entry));
    }
  }
  ScratchDatabase scratch(app);
  for (auto& [path, described] : plugin_entries) {
    scratch.build(described.schema, "models " + path);
    desired.renames.insert(desired.renames.end(), described.renames.begin(), described.renames.end());
  }
  for (const auto& [path, files] : sql_entries) {
    scratch.apply_files(files);
    const auto hints = declared_renames(files);
    desired.renames.insert(desired.renames.end(), hints.begin(), hints.end());
  }
  desired.schema = scratch.read();
  return desired;
}

}  // namespace host
