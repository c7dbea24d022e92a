#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace host {

Plan plan_upgrade(const Graph& graph, const std::vector<std::string>& current_versions, std::string_view target) {
  const TargetSpec spec = parse_target(target);
  // A folder of repeatable revisions only (Flyway's R__ files) has no head,
  // and its heads are reached by doing nothing; the repeatables come after.
  if (graph.size() == 0 && !graph.repeatables().empty() && upgrades_to_every_head(target)) return {};
  if (spec.is_relative_to_current() && spec.steps < 0)
    usage_error("upgrade target '" + printable(target) + "' moves down; use 'retort downgrade " + printable(target) +
                "'");
  const std::vector<Graph::Node> rows = version_nodes(graph, current_versions);
  VersionState state(graph, rows);
  state.refuse_redundant(rows);

  const NodeSet wanted = applied_at_target(graph, resolve_target(graph, spec, state.rows()));
  Plan plan;
  plan.steps.reserve(wanted.size());
  for (Graph::Node n : graph.topological_nodes())
    if (wanted.contains(n) && !state.is_applied(n)) plan.steps.push_back(state.apply(n));
  for (Graph::Node n : state.rows()) plan.final_versions.push_back(graph.revision(n).id);
  return plan;
}

}  // namespace host
