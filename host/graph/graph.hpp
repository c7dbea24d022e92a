// The revision graph: every revision the providers contributed, validated and
// indexed once, then queried by the CLI and the planner. See README.md for
// what it owns and what it must not know.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "host/graph/adjacency.hpp"
#include "host/graph/id_index.hpp"
#include "host/graph/node_set.hpp"
#include "host/graph/revision.hpp"

namespace host {

/// Every error thrown here is `host::Error` with `ExitCode::graph` and a
/// one-line message naming the revisions involved.
///
/// Lists of ids are returned in topological order (parents and dependencies
/// before what needs them); ties are broken by revision id, never by the order
/// the providers listed revisions in.
///
/// Move-only: the id index refers into the graph's own revisions.
class Graph {
 public:
  /// A dense index 0..size()-1; nodes are numbered in ascending id order.
  using Node = std::uint32_t;

  /// Validates and indexes, in time linear in revisions plus edges (plus one
  /// sort by id). Throws on an invalid, reserved or duplicate id, an unknown
  /// or repeated down revision, an unknown dependency, a cycle, an invalid
  /// branch label, a label that is also a revision id, or one label declared
  /// on two revisions of which neither descends from the other.
  ///
  /// Repeatable revisions (Revision::repeatable) are taken out first and kept
  /// apart, in the order given: they are no node, so no query below (heads,
  /// bases, orders, prefixes, labels) ever sees one. Their ids are checked
  /// like any other and against every id; one with down revisions,
  /// dependencies or branch labels, and a revision naming one as a down
  /// revision or dependency, are refused.
  explicit Graph(std::vector<Revision> revisions);

  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  Graph(Graph&&) noexcept = default;
  Graph& operator=(Graph&&) noexcept = default;

  // ---- by id -------------------------------------------------------------

  std::size_t size() const { return revisions_.size(); }

  /// nullptr if no revision has exactly this id.
  const Revision* find(std::string_view full_id) const;

  /// Throws "unknown revision 'X'".
  const Revision& at(std::string_view full_id) const;

  /// An exact id, or a unique prefix of at least 4 characters, to the full
  /// id. Throws "unknown revision 'X'", "revision prefix 'X' is too short..."
  /// or "ambiguous revision prefix 'X' matches A, B, ...".
  std::string resolve_id(std::string_view id_or_prefix) const;

  /// Revisions no down revision names (depends_on does not make a child).
  std::vector<std::string> heads() const;
  /// Revisions without down revisions.
  std::vector<std::string> bases() const;
  /// Revisions named as down revision by more than one revision.
  std::vector<std::string> branch_points() const;
  /// The revisions naming `full_id` as a down revision, by id. Throws if unknown.
  std::vector<std::string> children(std::string_view full_id) const;
  /// Strict ancestors of one revision through down revisions and depends_on.
  std::vector<std::string> ancestors(std::string_view full_id) const;
  /// Ancestors-or-self of all `full_ids` (what is applied when these are the
  /// version rows). Throws "unknown revision 'X'" for an id not in the graph.
  std::vector<std::string> ancestors_of(const std::vector<std::string>& full_ids) const;

  /// All ids, parents and dependencies first: a depth-first walk from each
  /// head in id order, so each head's line is listed together.
  std::vector<std::string> topological_order() const;
  /// The reverse: newest first, as `retort history` lists them.
  std::vector<const Revision*> history_order() const;

  // ---- repeatable revisions -----------------------------------------------

  /// The repeatable revisions, in the order the providers listed them (the
  /// order they run in: a provider lists them in its own tool's order).
  std::span<const Revision> repeatables() const { return repeatables_; }
  /// nullptr if no repeatable revision has exactly this id.
  const Revision* find_repeatable(std::string_view full_id) const;

  // ---- branch labels -------------------------------------------------------
  // A label declared on revision R names the branch made of R and every
  // revision descending from R through down revisions. It may be declared
  // again further along that branch; its root is the first declaration.

  /// Every label, sorted.
  std::vector<std::string> branch_labels() const;
  /// The revision where the label's branch starts; nullptr for an unknown label.
  const Revision* find_branch_root(std::string_view label) const;
  /// The heads on the label's branch. Throws "unknown branch label 'L'".
  std::vector<std::string> branch_heads(std::string_view label) const;
  /// Throws on an unknown id or label.
  bool is_on_branch(std::string_view full_id, std::string_view label) const;

  // ---- by node: for the planner, which walks the graph many times ----------

  const Revision& revision(Node node) const { return revisions_[node]; }
  /// The node of a revision held by this graph (one that revision(), find(),
  /// at() or history_order() gave), without looking its id up.
  Node node_of(const Revision& held) const { return static_cast<Node>(&held - revisions_.data()); }
  std::optional<Node> find_node(std::string_view full_id) const;
  /// Throws "unknown revision 'X'".
  Node node_at(std::string_view full_id) const;
  /// As resolve_id.
  Node resolve_node(std::string_view id_or_prefix) const;

  /// Down revisions, in the order the revision declares them.
  std::span<const Node> parent_nodes(Node node) const { return parents_.of(node); }
  /// depends_on, declared order, without those already among the parents.
  std::span<const Node> dependency_nodes(Node node) const { return dependencies_.of(node); }
  /// Revisions naming this one as a down revision, by id.
  std::span<const Node> child_nodes(Node node) const { return children_.of(node); }
  /// Revisions naming this one in depends_on (and not as a down revision), by id.
  std::span<const Node> dependant_nodes(Node node) const { return dependants_.of(node); }

  std::span<const Node> head_nodes() const { return heads_; }
  std::span<const Node> base_nodes() const { return bases_; }
  std::span<const Node> topological_nodes() const { return topological_; }

  /// Through parents and dependencies.
  NodeSet ancestors_or_self(std::span<const Node> from) const;
  /// Through children and dependants.
  NodeSet descendants_or_self(std::span<const Node> from) const;

  std::optional<Node> branch_root_node(std::string_view label) const;
  /// The label's root and its descendants through children. Throws on an unknown label.
  NodeSet branch_members(std::string_view label) const;

 private:
  void set_repeatables_apart();
  void check_repeatables() const;
  void sort_by_id();
  void index_ids();
  void link_edges();
  void order_topologically();
  void classify_nodes();
  void index_branch_labels();

  NodeSet descendants_through_children(Node root) const;
  std::vector<std::string> ids_of(std::span<const Node> nodes) const;

  std::vector<Revision> revisions_;  ///< sorted by id; a node is an index here
  std::vector<Revision> repeatables_;  ///< as listed; no node
  IdIndex node_by_id_;
  Adjacency parents_;
  Adjacency dependencies_;
  Adjacency children_;
  Adjacency dependants_;
  std::vector<Node> topological_;
  std::vector<Node> heads_;
  std::vector<Node> bases_;
  std::vector<Node> branch_points_;
  std::unordered_map<std::string_view, Node> branch_roots_;
};

}  // namespace host
