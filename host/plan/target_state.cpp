#include "host/plan/target_state.hpp"

namespace host {

NodeSet applied_at_target(const Graph& graph, const ResolvedTarget& target) {
  std::vector<Graph::Node> needed = target.at;
  for (Graph::Node n : target.below) {
    for (Graph::Node p : graph.parent_nodes(n)) needed.push_back(p);
    for (Graph::Node d : graph.dependency_nodes(n)) needed.push_back(d);
  }
  return graph.ancestors_or_self(needed);
}

NodeSet reverted_at_target(const Graph& graph, const ResolvedTarget& target, const NodeSet& applied_at) {
  // Leaving a revision applied reverts what grew from it through down
  // revisions, and whatever depends on that; it does not revert revisions
  // that merely depend on the revision itself.
  std::vector<Graph::Node> first_reverted = target.below;
  first_reverted.insert(first_reverted.end(), target.without.begin(), target.without.end());
  for (Graph::Node n : target.at)
    for (Graph::Node child : graph.child_nodes(n)) first_reverted.push_back(child);
  NodeSet reverted = graph.descendants_or_self(first_reverted);
  for (Graph::Node n : graph.topological_nodes())
    if (applied_at.contains(n)) reverted.erase(n);
  return reverted;
}

}  // namespace host
