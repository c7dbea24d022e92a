// Building the graph: ids checked and indexed, names of down revisions and
// dependencies turned into edges, nodes classified. Ordering and branch
// labels have their own files.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/graph/identifiers.hpp"

namespace host {
namespace {

std::string origin_or_unknown(const Revision& revision) {
  constexpr std::size_t longest_origin = 1024;
  return revision.origin.empty() ? "(unknown origin)" : printable(revision.origin, longest_origin);
}

void check_id_spelling(const Revision& revision) {
  if (!is_revision_id_text(revision.id))
    graph_error("invalid revision id " + describe_revision(revision) +
                ": an id is 1 to 64 letters, digits or underscores");
  if (is_reserved_target_word(revision.id))
    graph_error("revision id " + describe_revision(revision) +
                " is reserved: head, heads, base and current name targets");
}

}  // namespace

namespace {

// The first eight bytes of an id as a number that orders as the bytes do
// (std::string compares bytes as unsigned char), shorter ids padded with 0.
std::uint64_t order_prefix(std::string_view id) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i)
    key = key << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
  return key;
}

}  // namespace

// Ties broken by position, so a duplicate's two origins are named in the
// order they came. Sorted through a permutation and then moved once along
// its cycles: a merge sort of whole Revisions moved each one log N times and
// needed a buffer of N/2 of them (a quarter of `retort heads` at 10,000).
// The permutation is sorted on small keys holding each id's first bytes, so
// most comparisons never touch the Revisions, which at 10,000 and more are
// far apart in memory (bench/).
void Graph::sort_by_id() {
  const std::size_t count = revisions_.size();
  struct Key {
    std::uint64_t prefix;
    Node at;
  };
  std::vector<Key> keys(count);
  for (std::size_t i = 0; i < count; ++i) keys[i] = {order_prefix(revisions_[i].id), static_cast<Node>(i)};
  std::sort(keys.begin(), keys.end(), [this](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    const int order = revisions_[a.at].id.compare(revisions_[b.at].id);
    return order != 0 ? order < 0 : a.at < b.at;
  });
  std::vector<Node> from(count);  // from[i]: where the revision that belongs at i is now
  for (std::size_t i = 0; i < count; ++i) from[i] = keys[i].at;
  for (std::size_t start = 0; start < count; ++start) {
    if (from[start] == start) continue;
    Revision held = std::move(revisions_[start]);
    std::size_t at = start;
    while (from[at] != start) {
      const std::size_t next = from[at];
      revisions_[at] = std::move(revisions_[next]);
      from[at] = static_cast<Node>(at);
      at = next;
    }
    revisions_[at] = std::move(held);
    from[at] = static_cast<Node>(at);
  }
}

Graph::Graph(std::vector<Revision> revisions) : revisions_(std::move(revisions)) {
  if (revisions_.size() >= std::numeric_limits<Node>::max())
    graph_error("too many revisions: " + std::to_string(revisions_.size()));
  set_repeatables_apart();
  index_ids();
  check_repeatables();
  link_edges();
  order_topologically();
  classify_nodes();
  index_branch_labels();
}

// Moved out before anything is indexed, so every query of the graph is one
// of versioned revisions only; what is left keeps its order.
void Graph::set_repeatables_apart() {
  const auto first = std::stable_partition(revisions_.begin(), revisions_.end(),
                                           [](const Revision& r) { return !r.repeatable; });
  if (first == revisions_.end()) return;
  repeatables_.assign(std::make_move_iterator(first), std::make_move_iterator(revisions_.end()));
  revisions_.erase(first, revisions_.end());
}

void Graph::check_repeatables() const {
  std::unordered_map<std::string_view, const Revision*> seen;
  for (const Revision& repeatable : repeatables_) {
    check_id_spelling(repeatable);
    if (const Revision* versioned = find(repeatable.id))
      graph_error("duplicate revision id '" + repeatable.id + "' in " + origin_or_unknown(*versioned) + " and " +
                  origin_or_unknown(repeatable));
    const auto [it, fresh] = seen.emplace(repeatable.id, &repeatable);
    if (!fresh)
      graph_error("duplicate revision id '" + repeatable.id + "' in " + origin_or_unknown(*it->second) + " and " +
                  origin_or_unknown(repeatable));
    if (!repeatable.down_revisions.empty() || !repeatable.depends_on.empty() || !repeatable.branch_labels.empty())
      graph_error("repeatable revision " + describe_revision(repeatable) +
                  " has down revisions, dependencies or branch labels; a repeatable has no place in the graph");
  }
  if (seen.empty()) return;
  for (const Revision& revision : revisions_) {
    for (const auto* names : {&revision.down_revisions, &revision.depends_on})
      for (const std::string& name : *names)
        if (seen.count(name))
          graph_error("revision " + describe_revision(revision) + " names repeatable revision '" + name +
                      "' as a parent or dependency; a repeatable has no place in the graph");
  }
}

const Revision* Graph::find_repeatable(std::string_view full_id) const {
  for (const Revision& repeatable : repeatables_)
    if (repeatable.id == full_id) return &repeatable;
  return nullptr;
}

void Graph::index_ids() {
  sort_by_id();
  for (const Revision& revision : revisions_) check_id_spelling(revision);
  for (std::size_t i = 1; i < revisions_.size(); ++i)
    if (revisions_[i - 1].id == revisions_[i].id)
      graph_error("duplicate revision id '" + revisions_[i].id + "' in " + origin_or_unknown(revisions_[i - 1]) +
                  " and " + origin_or_unknown(revisions_[i]));
  node_by_id_ = IdIndex(revisions_.size(), [this](Node n) -> std::string_view { return revisions_[n].id; });
}

void Graph::link_edges() {
  const std::size_t count = revisions_.size();
  std::vector<Adjacency::Edge> parent_edges;
  std::vector<Adjacency::Edge> dependency_edges;
  // linked_from[p] == n once n has an edge to p, so repeats cost O(1) to spot.
  constexpr Node nobody = std::numeric_limits<Node>::max();
  std::vector<Node> linked_from(count, nobody);

  for (Node n = 0; n < count; ++n) {
    const Revision& revision = revisions_[n];
    for (const std::string& name : revision.down_revisions) {
      std::optional<Node> parent = find_node(name);
      if (!parent)
        graph_error("revision " + describe_revision(revision) + " names unknown down revision '" + printable(name) +
                    "'");
      if (linked_from[*parent] == n)
        graph_error("revision " + describe_revision(revision) + " names down revision '" + name + "' twice");
      linked_from[*parent] = n;
      parent_edges.emplace_back(n, *parent);
    }
    for (const std::string& name : revision.depends_on) {
      std::optional<Node> dependency = find_node(name);
      if (!dependency)
        graph_error("revision " + describe_revision(revision) + " depends on unknown revision '" + printable(name) +
                    "'");
      // Naming a down revision again, or a dependency twice, adds no ordering.
      if (linked_from[*dependency] == n) continue;
      linked_from[*dependency] = n;
      dependency_edges.emplace_back(n, *dependency);
    }
  }

  // Edges were made in ascending node order and Adjacency keeps that order
  // within each list, so reversing them lists children and dependants by id.
  auto reversed = [](std::vector<Adjacency::Edge> edges) {
    for (auto& e : edges) std::swap(e.first, e.second);
    return edges;
  };
  parents_ = Adjacency(count, parent_edges);
  dependencies_ = Adjacency(count, dependency_edges);
  children_ = Adjacency(count, reversed(parent_edges));
  dependants_ = Adjacency(count, reversed(dependency_edges));
}

void Graph::classify_nodes() {
  for (Node n : topological_) {
    if (parents_.of(n).empty()) bases_.push_back(n);
    if (children_.of(n).empty()) heads_.push_back(n);
    if (children_.of(n).size() > 1) branch_points_.push_back(n);
  }
}

}  // namespace host
