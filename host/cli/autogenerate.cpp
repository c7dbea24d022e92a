// revision --autogenerate: the next revision, from the difference between
// head (or the live database, when it is at the heads) and the models,
// proven before it is written: head plus the new revision replayed into a
// scratch database must be the models, and its downgrade head again.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <set>

#include "host/cli/authoring/commands.hpp"
#include "host/cli/authoring/cpp_steps.hpp"
#include "host/cli/authoring/revision_destination.hpp"
#include "host/cli/authoring/revision_file.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/models.hpp"
#include "host/cli/online.hpp"
#include "host/cli/output.hpp"
#include "host/cli/schema_plan.hpp"
#include "host/cli/scratch.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/schema/renames.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

// What the new revision starts from: the heads replayed, or the live
// database, which must then be at the heads (as Alembic requires).
schema::Schema starting_schema(App& app, const std::string& source, const std::vector<std::string>& heads) {
  if (source == "database") {
    ReadOnlySession session(app);
    std::vector<std::string> versions = session.store().versions();
    std::sort(versions.begin(), versions.end());
    std::vector<std::string> wanted = heads;
    std::sort(wanted.begin(), wanted.end());
    if (versions != wanted)
      usage_error("revision --autogenerate --from database: the database is at " +
                  (versions.empty() ? std::string("base") : schema::joined(versions)) + ", not at the heads (" +
                  (wanted.empty() ? std::string("base") : schema::joined(wanted)) + "): upgrade it first");
    return read_schema_of(session.connection(), app.settings());
  }
  if (source != "head") usage_error("revision --autogenerate --from takes head or database, not '" + source + "'");
  if (heads.empty()) return {};
  ScratchDatabase scratch(app);
  scratch.upgrade({"heads"});
  return scratch.read();
}

// The revisions folder the new file goes into, copied with that file into
// a temporary folder outside it, and `settings` reading the copy instead:
// the proof reads the revision through the provider exactly as the real
// folder will be read, and the real folder is touched only once the proof
// has passed. Removed when the object goes (a kill -9 leaves it in the
// temporary folder, named retort_autogenerate_<pid>_<n>).
class ProofFolder {
 public:
  ProofFolder(const Settings& settings, const fs::path& folder, const std::string& file_name,
              const std::string& text)
      : path_(fs::temp_directory_path() / fresh_name()), settings_(settings) {
    try {
      fs::remove_all(path_);  // a folder of a dead process that had this pid
      fs::copy(folder, path_, fs::copy_options::recursive);
      write_new_file(path_ / file_name, text);
    } catch (const fs::filesystem_error& e) {
      remove();
      usage_error("revision --autogenerate: cannot copy " + folder.string() + " to " + path_.string() +
                  " to prove the revision there: " + e.code().message());
    } catch (...) {
      remove();
      throw;
    }
    bool read = false;
    for (auto& entry : settings_.revisions)
      if (sqldir_folder(entry) == folder) {
        entry = "sqldir:" + path_.string();
        read = true;
      }
    if (!read) {
      remove();
      usage_error("revision --autogenerate: no 'revisions' entry reads " + folder.string());
    }
  }
  ~ProofFolder() { remove(); }
  ProofFolder(const ProofFolder&) = delete;
  ProofFolder& operator=(const ProofFolder&) = delete;
  const Settings& settings() const { return settings_; }
  const fs::path& path() const { return path_; }

 private:
  void remove() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  static std::string fresh_name() {
    static int counter = 0;
    return "retort_autogenerate_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  }
  fs::path path_;
  Settings settings_;
};

// Head plus the new revision, replayed by a fresh App that reads the proof
// folder, must be the models; its downgrade must be where it started.
// `where` is the path the file will have, for the messages.
void prove_file(App& app, const Revision& revision, const ProofFolder& folder, const std::string& where,
                const schema::Schema& from, const schema::Schema& models) {
  App reread(app.invocation(), folder.settings());
  ScratchDatabase scratch(reread);
  // A failing statement names the copy's file: say which file that is.
  auto replayed = [&](const std::function<void()>& run) {
    try {
      run();
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted_int || e.code() == ExitCode::interrupted_term) throw;
      throw Error(e.code(), "revision --autogenerate: proving " + where + " (from a copy of its folder, " +
                                folder.path().string() + "): " + e.what() + "; nothing was written");
    }
  };
  replayed([&] { scratch.upgrade({revision.id}); });
  const auto up = schema::compare(scratch.read(), models);
  if (!up.empty())
    throw Error(ExitCode::database, "revision --autogenerate: " + where + ", replayed after head in " +
                                        scratch.description() + ", does not reach the models; still different: " +
                                        difference_lines(up) + "; nothing was written");
  replayed([&] {
    scratch.downgrade(revision.down_revisions.empty() ? "base" : schema::joined(revision.down_revisions));
  });
  const auto down = schema::compare(scratch.read(), from);
  if (!down.empty())
    throw Error(ExitCode::database, "revision --autogenerate: the downgrade of " + where +
                                        " does not come back to where it started; still different: " +
                                        difference_lines(down) + "; nothing was written");
}

// A C++ revision is built by the user, not here: what is proven is the plan
// it asks for, as this dialect renders it. FROM is made in a scratch
// database (the heads replayed, or the schema built), the upgrade must reach
// the models and the downgrade come back.
void prove_plan(App& app, const std::string& source, const std::vector<std::string>& heads,
                const schema::Schema& from, const schema::Schema& models, const std::vector<RenderedStep>& up,
                const std::vector<RenderedStep>& down) {
  ScratchDatabase scratch(app);
  if (source == "head") {
    if (!heads.empty()) scratch.upgrade({"heads"});
  } else {
    scratch.build(from, "revision --autogenerate: the database's schema (to prove the plan)");
    const auto off = schema::compare(from, scratch.read());
    if (!off.empty())
      throw Error(ExitCode::database, "revision --autogenerate: the database's schema cannot be made exactly in " +
                                          scratch.description() + ", so the plan cannot be proven: " +
                                          difference_lines(off) + "; nothing was written");
  }
  apply_steps(scratch.connection(), up, scratch.description());
  const auto remaining = schema::compare(scratch.read(), models);
  if (!remaining.empty())
    throw Error(ExitCode::database, "revision --autogenerate: the plan, applied in " + scratch.description() +
                                        ", does not reach the models; still different: " +
                                        difference_lines(remaining) + "; nothing was written");
  apply_steps(scratch.connection(), down, scratch.description() + " (the way back)");
  const auto back = schema::compare(scratch.read(), from);
  if (!back.empty())
    throw Error(ExitCode::database, "revision --autogenerate: the way back does not come back to where it started; "
                                    "still different: " + difference_lines(back) + "; nothing was written");
}

// The C++ form: one ops-builder call per step, portable across dialects;
// its text, once the plan it asks for is proven.
std::string proven_cpp_revision(App& app, const Revision& revision, const RevisionDestination& destination,
                                const std::string& source, const std::vector<std::string>& heads,
                                const schema::Schema& from, const schema::Desired& models,
                                const schema::ChangePlan& upgrade, const schema::ChangePlan& downgrade) {
  // The graph comes from the built plugin: a source written since the last
  // build is a revision head does not hold yet.
  if (auto unbuilt = unbuilt_revision_sources(destination.folder, app.graph()); !unbuilt.empty())
    usage_error(unbuilt.front().string() + " is not in the built plugin yet: build it first, then autogenerate");
  constexpr const char* indent = "          ";
  const std::string up_body = std::string(indent) + "// autogenerated by retort from " + source + " to the models\n" +
                              cpp_statements(upgrade.steps, indent);
  const std::string down_body = cpp_statements(downgrade.steps, indent);
  prove_plan(app, source, heads, from, models.schema, rendered(app.dialect(), upgrade),
             rendered(app.dialect(), downgrade));
  return cpp_revision_text(revision, up_body, down_body);
}

// The .sql form, rendered for the configured dialect; its text, once the
// file, read from a copy of its folder, is proven.
std::string proven_sql_revision(App& app, const Revision& revision, const RevisionDestination& destination,
                                const std::string& source, const schema::Schema& from,
                                const schema::Desired& models, const schema::ChangePlan& upgrade,
                                const schema::ChangePlan& downgrade) {
  const std::string header = "-- autogenerated by retort from " + source + " to the models (" +
                             std::string(app.dialect().name()) + ")\n";
  const std::string text = sql_revision_text(revision, header + script_of(rendered(app.dialect(), upgrade)),
                                             script_of(rendered(app.dialect(), downgrade)));
  const std::string name = revision_file_name(revision, RevisionLanguage::sql);
  const ProofFolder folder(app.settings(), destination.folder, name, text);
  prove_file(app, revision, folder, (destination.folder / name).string(), from, models.schema);
  return text;
}

}  // namespace

int cmd_revision_or_autogenerate(App& app) {
  return app.invocation().autogenerate ? cmd_autogenerate(app) : cmd_revision(app);
}

int cmd_autogenerate(App& app) {
  const Invocation& inv = app.invocation();
  const std::string source = inv.diff_from.value_or("head");
  const std::vector<std::string> heads = app.graph().heads();
  if (inv.head) usage_error("revision --autogenerate starts from the head: --head is not taken with it");
  if (heads.size() > 1)
    graph_error("several heads (" + schema::joined(heads) + "); join them first with 'retort merge'");

  const schema::Schema from = starting_schema(app, source, heads);
  const schema::Desired models = read_models(app);
  const schema::PlanRules rules{app.dialect().rebuilds_tables()};
  const schema::ChangePlan upgrade = schema::plan_changes(from, models.schema, rules, models.renames);
  const std::string what = "revision --autogenerate (" + source + " -> models)";
  refuse_unplanned(upgrade, what);
  if (upgrade.steps.empty()) {
    if (inv.json)
      print_json(Json{{"revision", nullptr}, {"path", nullptr}, {"nothing_to_do", true}});
    else
      std::cout << "nothing to autogenerate: the models and " << source << " agree; no revision written\n";
    return 0;
  }
  refuse_destructive(upgrade, what, inv.allow_destructive);
  const schema::ChangePlan downgrade =
      schema::plan_changes(models.schema, from, rules, schema::inverted(models.renames));
  refuse_unplanned(downgrade, what + ", the way back");

  // One shape for both languages: rendered in memory, proven, and only then
  // written and named on stdout, so a refused or interrupted proof leaves
  // no file and prints no path.
  Revision revision = new_revision(app);
  const RevisionDestination destination = revision_destination(app, revision);
  const bool cpp = destination.language == RevisionLanguage::cpp;
  const std::string text =
      cpp ? proven_cpp_revision(app, revision, destination, source, heads, from, models, upgrade, downgrade)
          : proven_sql_revision(app, revision, destination, source, from, models, upgrade, downgrade);
  write_revision_file(app, revision, destination, text);
  for (const auto& step : upgrade.steps) logger().info("autogenerated: " + schema::describe(step));
  if (cpp) logger().info(revision.origin + " is C++: build the revisions plugin, then upgrade");
  return 0;
}

}  // namespace host
