// The version table as a plan moves it. A revision is applied when it or a
// descendant is a row; the rows are exactly the applied revisions no other
// applied revision needs. Counting, for each applied revision, the applied
// revisions that need it keeps every step O(its edges) instead of a walk.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "host/graph/graph.hpp"
#include "host/plan/plan.hpp"

namespace host {

/// The rows as nodes, duplicates dropped. Throws "the database is at
/// revision 'X', which no provider knows" (naming every unknown row).
std::vector<Graph::Node> version_nodes(const Graph& graph, const std::vector<std::string>& rows);

/// The rows of a downward-closed applied set, in topological order.
std::vector<Graph::Node> rows_of(const Graph& graph, const NodeSet& applied);

class VersionState {
 public:
  VersionState(const Graph& graph, std::span<const Graph::Node> rows);

  bool is_applied(Graph::Node node) const { return applied_.contains(node); }
  const NodeSet& applied() const { return applied_; }
  /// In topological order; rows that were ancestors of other rows are gone.
  std::vector<Graph::Node> rows() const;

  /// Throws if one of `rows` is an ancestor of another: such a table names
  /// the same applied state twice and no step could keep it consistent.
  void refuse_redundant(std::span<const Graph::Node> rows) const;

  /// Precondition: everything `node` needs is applied, `node` is not.
  Step apply(Graph::Node node);
  /// Precondition: `node` is applied and nothing applied needs it.
  Step revert(Graph::Node node);

 private:
  const Graph& graph_;
  NodeSet applied_;
  std::vector<std::uint32_t> applied_dependants_;  ///< per node: applied revisions needing it
};

}  // namespace host
