#include "host/plan/version_state.hpp"

#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"

namespace host {
namespace {

using Node = Graph::Node;

template <typename Visit>
void for_each_requirement(const Graph& graph, Node node, Visit visit) {
  for (Node p : graph.parent_nodes(node)) visit(p);
  for (Node d : graph.dependency_nodes(node)) visit(d);
}

}  // namespace

std::vector<Node> version_nodes(const Graph& graph, const std::vector<std::string>& rows) {
  std::vector<Node> nodes;
  std::vector<std::string> unknown;
  NodeSet seen(graph.size());
  for (const std::string& row : rows) {
    if (std::optional<Node> node = graph.find_node(row)) {
      if (seen.insert(*node)) nodes.push_back(*node);
    } else {
      unknown.push_back(printable(row));
    }
  }
  if (unknown.size() == 1) graph_error("the database is at revision '" + unknown.front() + "', which no provider knows");
  if (!unknown.empty())
    graph_error("the database is at revisions " + quoted_list(unknown) + ", which no provider knows");
  return nodes;
}

std::vector<Node> rows_of(const Graph& graph, const NodeSet& applied) {
  std::vector<Node> rows;
  auto needed_by_applied = [&](Node n) {
    for (Node c : graph.child_nodes(n))
      if (applied.contains(c)) return true;
    for (Node d : graph.dependant_nodes(n))
      if (applied.contains(d)) return true;
    return false;
  };
  for (Node n : graph.topological_nodes())
    if (applied.contains(n) && !needed_by_applied(n)) rows.push_back(n);
  return rows;
}

VersionState::VersionState(const Graph& graph, std::span<const Node> rows)
    : graph_(graph), applied_(graph.ancestors_or_self(rows)), applied_dependants_(graph.size(), 0) {
  for (Node n : graph.topological_nodes())
    if (applied_.contains(n)) for_each_requirement(graph, n, [&](Node r) { ++applied_dependants_[r]; });
}

std::vector<Node> VersionState::rows() const {
  std::vector<Node> rows;
  for (Node n : graph_.topological_nodes())
    if (applied_.contains(n) && applied_dependants_[n] == 0) rows.push_back(n);
  return rows;
}

void VersionState::refuse_redundant(std::span<const Node> rows) const {
  for (Node row : rows) {
    if (applied_dependants_[row] == 0) continue;
    NodeSet descendants = graph_.descendants_or_self(std::span<const Node>(&row, 1));
    for (Node other : rows)
      if (other != row && descendants.contains(other))
        graph_error("the version table lists both '" + graph_.revision(row).id + "' and its descendant '" +
                    graph_.revision(other).id + "'; repair it with 'retort stamp'");
  }
}

Step VersionState::apply(Node node) {
  Step step{&graph_.revision(node), Direction::upgrade, {}, {}};
  // What this revision needs is applied; those needed by nothing else applied were rows until now.
  for_each_requirement(graph_, node, [&](Node r) {
    if (applied_dependants_[r]++ == 0) step.versions_removed.push_back(graph_.revision(r).id);
  });
  applied_.insert(node);
  step.versions_added.push_back(graph_.revision(node).id);
  return step;
}

Step VersionState::revert(Node node) {
  Step step{&graph_.revision(node), Direction::downgrade, {graph_.revision(node).id}, {}};
  applied_.erase(node);
  for_each_requirement(graph_, node, [&](Node r) {
    if (--applied_dependants_[r] == 0) step.versions_added.push_back(graph_.revision(r).id);
  });
  return step;
}

}  // namespace host
