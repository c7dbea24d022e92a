// revision --autogenerate: the next revision, written from the difference
// between head (or the live database, when it is at the heads) and the
// models, and proven before it stays: head plus the new revision replayed
// into a scratch database must be the models, and its downgrade head again.
#include <algorithm>
#include <filesystem>
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

// Removes the written file unless the proof keeps it.
class WrittenFile {
 public:
  explicit WrittenFile(std::string path) : path_(std::move(path)) {}
  ~WrittenFile() {
    if (kept_) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  void keep() { kept_ = true; }

 private:
  std::string path_;
  bool kept_ = false;
};

// Head plus the new revision, replayed by a fresh App that reads the folder
// again, must be the models; its downgrade must be where it started.
void prove(App& app, const Revision& revision, const schema::Schema& from, const schema::Schema& models) {
  App reread(app.invocation(), app.settings());
  ScratchDatabase scratch(reread);
  scratch.upgrade({revision.id});
  const auto up = schema::compare(scratch.read(), models);
  if (!up.empty())
    throw Error(ExitCode::database, "revision --autogenerate: " + revision.origin + ", replayed after head in " +
                                        scratch.description() + ", does not reach the models; still different: " +
                                        difference_lines(up) + "; nothing was written");
  scratch.downgrade(revision.down_revisions.empty() ? "base" : schema::joined(revision.down_revisions));
  const auto down = schema::compare(scratch.read(), from);
  if (!down.empty())
    throw Error(ExitCode::database, "revision --autogenerate: the downgrade of " + revision.origin +
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

// The C++ form: one ops-builder call per step, portable across dialects.
int write_cpp_revision(App& app, Revision& revision, const RevisionDestination& destination,
                       const std::string& source, const std::vector<std::string>& heads, const schema::Schema& from,
                       const schema::Desired& models, const schema::ChangePlan& upgrade,
                       const schema::ChangePlan& downgrade) {
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
  write_revision_file(app, revision, destination, cpp_revision_text(revision, up_body, down_body));
  for (const auto& step : upgrade.steps) logger().info("autogenerated: " + schema::describe(step));
  logger().info(revision.origin + " is C++: build the revisions plugin, then upgrade");
  return 0;
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

  Revision revision = new_revision(app);
  const RevisionDestination destination = revision_destination(app, revision);
  if (destination.language == RevisionLanguage::cpp)
    return write_cpp_revision(app, revision, destination, source, heads, from, models, upgrade, downgrade);
  const std::string header = "-- autogenerated by retort from " + source + " to the models (" +
                             std::string(app.dialect().name()) + ")\n";
  const auto up_steps = rendered(app.dialect(), upgrade);
  const auto down_steps = rendered(app.dialect(), downgrade);
  write_revision_file(app, revision, destination,
                      sql_revision_text(revision, header + script_of(up_steps), script_of(down_steps)));
  WrittenFile written(revision.origin);
  prove(app, revision, from, models.schema);
  written.keep();
  for (const auto& r : up_steps) logger().info("autogenerated: " + schema::describe(*r.step));
  return 0;
}

}  // namespace host
