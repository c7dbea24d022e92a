#include "host/cli/schema_plan.hpp"

#include "host/abi/step_render.hpp"
#include "host/cli/interrupts.hpp"
#include "host/errors/error.hpp"

namespace host {

std::string difference_line(const schema::Difference& d) {
  return schema::change_name(d.change) + " " + d.kind + " " + d.object + (d.detail.empty() ? "" : ": " + d.detail);
}

std::string difference_lines(const std::vector<schema::Difference>& differences) {
  std::string lines;
  for (const auto& d : differences) lines += (lines.empty() ? "" : "; ") + difference_line(d);
  return lines;
}

void refuse_unplanned(const schema::ChangePlan& plan, const std::string& what) {
  if (plan.refused.empty()) return;
  std::string all;
  for (const auto& r : plan.refused) all += (all.empty() ? "" : "; ") + r;
  usage_error(what + ": cannot plan: " + all);
}

void refuse_destructive(const schema::ChangePlan& plan, const std::string& what, bool allowed) {
  std::string all;
  for (const auto& s : plan.steps)
    if (!s.destroys.empty()) all += (all.empty() ? "" : "; ") + schema::describe(s) + " (destroys " + s.destroys + ")";
  if (!all.empty() && !allowed)
    usage_error(what + ": the plan destroys data, pass --allow-destructive to accept it: " + all);
}

std::vector<RenderedStep> rendered(const Dialect& dialect, const schema::ChangePlan& plan) {
  std::vector<RenderedStep> out;
  for (const auto& s : plan.steps) out.push_back({&s, render_step(dialect, s)});
  return out;
}

std::string script_of(const std::vector<RenderedStep>& steps) {
  std::string out;
  for (const auto& r : steps) {
    if (!r.step->destroys.empty()) out += "-- destroys: " + r.step->destroys + "\n";
    for (const auto& statement : r.statements) out += statement + ";\n";
  }
  return out;
}

void apply_steps(Connection& db, const std::vector<RenderedStep>& steps, const std::string& where) {
  for (const auto& r : steps)
    for (const auto& statement : r.statements) {
      interrupts::check();
      try {
        db.execute(statement);
      } catch (const Error& e) {
        if (e.code() == ExitCode::interrupted_int || e.code() == ExitCode::interrupted_term) throw;
        throw Error(ExitCode::database, "the plan failed on " + where + " at '" + schema::describe(*r.step) + "': " + e.what());
      }
    }
}

}  // namespace host
