// retort diff: the SQL that turns one schema into another, proven on a
// scratch database before it is shown (docs/schema.md).
#include <iostream>

#include "host/abi/connection.hpp"
#include "host/abi/dialect.hpp"
#include "host/abi/step_render.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/declarative.hpp"
#include "host/cli/models.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/output.hpp"
#include "host/cli/schema_plan.hpp"
#include "host/cli/scratch.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/schema/change_plan.hpp"
#include "host/schema/compare.hpp"
#include "host/schema/renames.hpp"

namespace host {
namespace {

// A source of a schema: database, empty, the models, declarative SQL files
// applied to a scratch database, or a target of the graph whose revisions
// are replayed into one. Only the models carry rename hints.
schema::Desired read_source(App& app, const std::string& source) {
  if (source == "empty") return {};
  if (source == "database") return {read_schema_of(*app.connect(), app.settings()), {}};
  if (source == "models") return read_models(app);
  if (source.rfind("file:", 0) == 0) {
    std::string path = source.substr(5);
    if (path.rfind("//", 0) == 0) path.erase(0, 2);  // Atlas's file://PATH
    const auto files = declarative_files(path);
    ScratchDatabase scratch(app);
    scratch.apply_files(files);
    return {scratch.read(), {}};
  }
  ScratchDatabase scratch(app);
  scratch.upgrade({source});
  return {scratch.read(), {}};
}

// Every plan is applied to a scratch database holding FROM, read back and
// compared with TO; what remains is an error, never a plan shown as right.
void prove(App& app, const schema::Schema& from, const schema::Schema& to, const std::vector<RenderedStep>& steps) {
  ScratchDatabase scratch(app);
  scratch.build(from, "diff: the FROM schema (to prove the plan)");
  const auto off = schema::compare(from, scratch.read());
  if (!off.empty())
    throw Error(ExitCode::database, "diff: the FROM schema cannot be rebuilt exactly in " + scratch.description() +
                                        ", so the plan cannot be proven: " + difference_line(off.front()) +
                                        (off.size() > 1 ? " (and " + std::to_string(off.size() - 1) + " more)" : ""));
  apply_steps(scratch.connection(), steps, scratch.description());
  const auto remaining = schema::compare(scratch.read(), to);
  if (remaining.empty()) return;
  throw Error(ExitCode::database, "diff: the plan, applied to " + scratch.description() +
                                      ", does not reach the target; still different: " + difference_lines(remaining));
}

}  // namespace

int cmd_diff(App& app) {
  const std::string from_source = app.invocation().diff_from.value_or("database");
  const std::string to_source = app.invocation().diff_to.value_or("head");
  const schema::Desired from_desired = read_source(app, from_source);
  const schema::Desired to_desired = read_source(app, to_source);
  const schema::Schema& from = from_desired.schema;
  const schema::Schema& to = to_desired.schema;
  // The models' hints rename toward them, and back from them.
  std::vector<schema::RenameHint> renames = to_desired.renames;
  for (const auto& h : schema::inverted(from_desired.renames)) renames.push_back(h);
  const auto differences = schema::compare(from, to);
  const auto skipped = schema::not_compared(from, to);
  const schema::ChangePlan plan = schema::plan_changes(from, to, {app.dialect().rebuilds_tables()}, renames);
  const std::string what = "diff " + from_source + " -> " + to_source;
  refuse_unplanned(plan, what);
  refuse_destructive(plan, what, app.invocation().allow_destructive);
  const auto steps = rendered(app.dialect(), plan);
  if (!steps.empty()) prove(app, from, to, steps);

  if (app.invocation().json) {
    Json diffs = Json::array(), out_steps = Json::array();
    for (const auto& d : differences)
      diffs.push_back(Json{{"change", schema::change_name(d.change)}, {"kind", d.kind}, {"object", d.object},
                           {"detail", d.detail.empty() ? Json(nullptr) : Json(d.detail)}});
    for (const auto& r : steps)
      out_steps.push_back(Json{{"step", schema::describe(*r.step)},
                               {"destroys", r.step->destroys.empty() ? Json(nullptr) : Json(r.step->destroys)},
                               {"sql", r.statements}});
    print_json(Json{{"from", from_source}, {"to", to_source}, {"equal", differences.empty()},
                    {"differences", diffs}, {"steps", out_steps}, {"not_compared", skipped}});
  } else {
    std::cout << "-- retort diff --from " << from_source << " --to " << to_source << " (" << app.dialect().name()
              << ")\n";
    if (steps.empty()) std::cout << "-- no differences\n";
    std::cout << script_of(steps);
    if (!skipped.empty()) {
      std::cout << "-- not compared (retort does not read them):";
      for (const auto& o : skipped) std::cout << " " << o << (&o == &skipped.back() ? "" : ",");
      std::cout << "\n";
    }
  }
  return differences.empty() ? 0 : static_cast<int>(ExitCode::check);
}

}  // namespace host
