#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace host {

// Redundant rows are not refused here: stamping is how such a table is repaired.
std::vector<std::string> stamp_versions(const Graph& graph, const std::vector<std::string>& current_versions,
                                        std::string_view target) {
  const TargetSpec spec = parse_target(target);
  const std::vector<Graph::Node> rows = version_nodes(graph, current_versions);
  const VersionState state(graph, rows);
  const ResolvedTarget resolved = resolve_target(graph, spec, state.rows());
  const NodeSet kept = applied_at_target(graph, resolved);
  const NodeSet reverted = reverted_at_target(graph, resolved, kept);

  NodeSet after(graph.size());
  for (Graph::Node n : graph.topological_nodes())
    if (kept.contains(n) || (state.is_applied(n) && !reverted.contains(n))) after.insert(n);
  std::vector<std::string> versions;
  for (Graph::Node n : rows_of(graph, after)) versions.push_back(graph.revision(n).id);
  return versions;
}

}  // namespace host
