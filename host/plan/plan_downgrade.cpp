#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace host {
namespace {

// Downgrading only reverts; a target that needs something applied first is ahead.
void refuse_target_ahead(const Graph& graph, std::string_view target, const NodeSet& needed,
                         const VersionState& state) {
  for (Graph::Node n : graph.topological_nodes()) {
    if (!needed.contains(n) || state.is_applied(n)) continue;
    std::vector<std::string> rows;
    for (Graph::Node row : state.rows()) rows.push_back(graph.revision(row).id);
    graph_error("cannot downgrade to '" + printable(target) + "': it is ahead of the database, which is at " +
                (rows.empty() ? std::string("base") : quoted_list(rows)) + " (revision '" + graph.revision(n).id +
                "' is not applied)");
  }
}

}  // namespace

Plan plan_downgrade(const Graph& graph, const std::vector<std::string>& current_versions, std::string_view target) {
  const TargetSpec spec = parse_target(target);
  if (spec.is_relative_to_current() && spec.steps > 0)
    usage_error("downgrade target '" + printable(target) + "' moves up; use 'retort upgrade " + printable(target) +
                "'");
  const std::vector<Graph::Node> rows = version_nodes(graph, current_versions);
  VersionState state(graph, rows);
  state.refuse_redundant(rows);

  const ResolvedTarget resolved = resolve_target(graph, spec, state.rows());
  const NodeSet kept = applied_at_target(graph, resolved);
  refuse_target_ahead(graph, target, kept, state);
  const NodeSet reverted = reverted_at_target(graph, resolved, kept);

  Plan plan;
  std::span<const Graph::Node> order = graph.topological_nodes();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (reverted.contains(*it) && state.is_applied(*it)) plan.steps.push_back(state.revert(*it));
  for (Graph::Node n : state.rows()) plan.final_versions.push_back(graph.revision(n).id);
  return plan;
}

}  // namespace host
