#include "host/cli/models.hpp"

#include <filesystem>

#include "host/abi/dialect.hpp"
#include "host/abi/provider.hpp"
#include "host/abi/step_render.hpp"
#include "host/cli/declarative.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/scratch.hpp"
#include "host/errors/error.hpp"
#include "host/plugins/plugins.hpp"
#include "host/schema/change_plan.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

bool is_plugin_file(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && fs::path(path).extension() == ".so";
}

// A models plugin's description, created in the scratch database through
// the same planner and renderer as any plan.
void build_described(App& app, ScratchDatabase& scratch, const std::string& path, const schema::Schema& described) {
  const schema::ChangePlan plan = schema::plan_changes({}, described, {app.dialect().rebuilds_tables()});
  if (!plan.refused.empty()) usage_error("models " + path + ": " + plan.refused.front());
  for (const auto& step : plan.steps)
    for (const auto& statement : render_step(app.dialect(), step)) {
      interrupts::check();
      try {
        scratch.connection().execute(statement);
      } catch (const Error& e) {
        if (e.code() == ExitCode::interrupted_int || e.code() == ExitCode::interrupted_term) throw;
        throw Error(ExitCode::database, "models " + path + ": '" + schema::describe(step) + "' failed on " +
                                            scratch.description() + ": " + e.what());
      }
    }
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
      usage_error("models " + entry + ": models plugins are read from the next commit on (ABI 1.2 models)");
    } else {
      sql_entries.emplace_back(entry, declarative_files(entry));
    }
  }
  ScratchDatabase scratch(app);
  for (auto& [path, described] : plugin_entries) {
    build_described(app, scratch, path, described.schema);
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
