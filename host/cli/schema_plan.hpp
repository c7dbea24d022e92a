// What `diff` and `revision --autogenerate` do alike with a plan: refuse what
// cannot be planned or destroys data unless allowed, render each step for
// the configured dialect, apply it to a database, and say a difference in a line.
#pragma once

#include <string>
#include <vector>

#include "host/abi/connection.hpp"
#include "host/abi/dialect.hpp"
#include "host/schema/change_plan.hpp"
#include "host/schema/compare.hpp"

namespace host {

/// "added column orders.note: ...".
std::string difference_line(const schema::Difference& d);
/// Every difference, "; "-joined.
std::string difference_lines(const std::vector<schema::Difference>& differences);

/// Usage error (exit 2) naming every refused difference of `plan`, as `what`.
void refuse_unplanned(const schema::ChangePlan& plan, const std::string& what);
/// Usage error (exit 2) listing the destructive steps, unless allowed.
void refuse_destructive(const schema::ChangePlan& plan, const std::string& what, bool allowed);

struct RenderedStep {
  const schema::Step* step;
  std::vector<std::string> statements;
};
std::vector<RenderedStep> rendered(const Dialect& dialect, const schema::ChangePlan& plan);

/// The statements as a script: each ending in ";", a destructive step's
/// preceded by "-- destroys: ...".
std::string script_of(const std::vector<RenderedStep>& steps);

/// Applies `steps` to `db` statement by statement; the first failure names
/// its step and `where` (exit 1). Interruptions pass through.
void apply_steps(Connection& db, const std::vector<RenderedStep>& steps, const std::string& where);

}  // namespace host
