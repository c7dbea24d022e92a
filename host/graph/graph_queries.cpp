// Questions about a built graph: lookups by id and prefix, the classified
// node lists, and ancestor and descendant closures.
#include <algorithm>

#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/graph/identifiers.hpp"

namespace host {
namespace {

constexpr std::size_t shortest_prefix = 4;
// An ambiguous prefix lists this many candidates before "...".
constexpr std::size_t candidates_named = 5;

// Iterative closure over the edge lists `next` yields for each node.
template <typename NextNodes>
NodeSet closure(std::size_t node_count, std::span<const Graph::Node> from, NextNodes next) {
  NodeSet reached(node_count);
  std::vector<Graph::Node> pending;
  for (Graph::Node n : from)
    if (reached.insert(n)) pending.push_back(n);
  while (!pending.empty()) {
    const Graph::Node n = pending.back();
    pending.pop_back();
    next(n, [&](Graph::Node m) {
      if (reached.insert(m)) pending.push_back(m);
    });
  }
  return reached;
}

}  // namespace

std::optional<Graph::Node> Graph::find_node(std::string_view full_id) const {
  return node_by_id_.find(full_id);
}

Graph::Node Graph::node_at(std::string_view full_id) const {
  std::optional<Node> node = find_node(full_id);
  if (!node) graph_error("unknown revision '" + printable(full_id) + "'");
  return *node;
}

const Revision* Graph::find(std::string_view full_id) const {
  std::optional<Node> node = find_node(full_id);
  return node ? &revisions_[*node] : nullptr;
}

const Revision& Graph::at(std::string_view full_id) const { return revisions_[node_at(full_id)]; }

Graph::Node Graph::resolve_node(std::string_view id_or_prefix) const {
  if (std::optional<Node> exact = find_node(id_or_prefix)) return *exact;
  // Nodes are sorted by id, so the revisions a prefix matches are adjacent.
  auto first = std::lower_bound(revisions_.begin(), revisions_.end(), id_or_prefix,
                                [](const Revision& r, std::string_view prefix) { return r.id < prefix; });
  auto last = first;
  while (last != revisions_.end() && last->id.starts_with(id_or_prefix)) ++last;
  const auto matches = static_cast<std::size_t>(last - first);
  const std::string shown = printable(id_or_prefix);
  if (matches == 0 || id_or_prefix.empty()) graph_error("unknown revision '" + shown + "'");
  if (id_or_prefix.size() < shortest_prefix)
    graph_error("revision prefix '" + shown + "' is too short: give at least 4 characters of the id");
  if (matches > 1) {
    std::string listed;
    for (auto it = first; it != last && it - first < static_cast<std::ptrdiff_t>(candidates_named); ++it)
      listed += (listed.empty() ? "" : ", ") + it->id;
    if (matches > candidates_named) listed += ", ... (" + std::to_string(matches) + " in all)";
    graph_error("ambiguous revision prefix '" + shown + "' matches " + listed);
  }
  return static_cast<Node>(first - revisions_.begin());
}

std::string Graph::resolve_id(std::string_view id_or_prefix) const {
  return revisions_[resolve_node(id_or_prefix)].id;
}

std::vector<std::string> Graph::ids_of(std::span<const Node> nodes) const {
  std::vector<std::string> ids;
  ids.reserve(nodes.size());
  for (Node n : nodes) ids.push_back(revisions_[n].id);
  return ids;
}

std::vector<std::string> Graph::heads() const { return ids_of(heads_); }
std::vector<std::string> Graph::bases() const { return ids_of(bases_); }
std::vector<std::string> Graph::branch_points() const { return ids_of(branch_points_); }
std::vector<std::string> Graph::children(std::string_view full_id) const {
  return ids_of(children_.of(node_at(full_id)));
}
std::vector<std::string> Graph::topological_order() const { return ids_of(topological_); }

std::vector<const Revision*> Graph::history_order() const {
  std::vector<const Revision*> newest_first;
  newest_first.reserve(topological_.size());
  for (auto it = topological_.rbegin(); it != topological_.rend(); ++it) newest_first.push_back(&revisions_[*it]);
  return newest_first;
}

NodeSet Graph::ancestors_or_self(std::span<const Node> from) const {
  return closure(revisions_.size(), from, [this](Node n, auto reach) {
    for (Node m : parents_.of(n)) reach(m);
    for (Node m : dependencies_.of(n)) reach(m);
  });
}

NodeSet Graph::descendants_or_self(std::span<const Node> from) const {
  return closure(revisions_.size(), from, [this](Node n, auto reach) {
    for (Node m : children_.of(n)) reach(m);
    for (Node m : dependants_.of(n)) reach(m);
  });
}

NodeSet Graph::descendants_through_children(Node root) const {
  return closure(revisions_.size(), std::span<const Node>(&root, 1), [this](Node n, auto reach) {
    for (Node m : children_.of(n)) reach(m);
  });
}

std::vector<std::string> Graph::ancestors(std::string_view full_id) const {
  const Node node = node_at(full_id);
  NodeSet reached = ancestors_or_self(std::span<const Node>(&node, 1));
  reached.erase(node);
  std::vector<std::string> ids;
  for (Node n : topological_)
    if (reached.contains(n)) ids.push_back(revisions_[n].id);
  return ids;
}

std::vector<std::string> Graph::ancestors_of(const std::vector<std::string>& full_ids) const {
  std::vector<Node> from;
  from.reserve(full_ids.size());
  for (const std::string& id : full_ids) from.push_back(node_at(id));
  NodeSet reached = ancestors_or_self(from);
  std::vector<std::string> ids;
  ids.reserve(reached.size());
  for (Node n : topological_)
    if (reached.contains(n)) ids.push_back(revisions_[n].id);
  return ids;
}

}  // namespace host
