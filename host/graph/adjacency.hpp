// One kind of edge (parents, children, ...) for every node, stored as one
// array of targets plus an offset per node: 100,000 revisions would otherwise
// mean 400,000 small vectors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace host {

class Adjacency {
 public:
  using Node = std::uint32_t;
  using Edge = std::pair<Node, Node>;  ///< from, to

  Adjacency() = default;

  /// Each node's list keeps the order its edges have in `edges`.
  Adjacency(std::size_t node_count, const std::vector<Edge>& edges) : begin_(node_count + 1, 0) {
    for (const Edge& e : edges) ++begin_[e.first + 1];
    for (std::size_t n = 0; n < node_count; ++n) begin_[n + 1] += begin_[n];
    targets_.resize(edges.size());
    std::vector<std::uint32_t> next(begin_.begin(), begin_.end() - 1);
    for (const Edge& e : edges) targets_[next[e.first]++] = e.second;
  }

  std::span<const Node> of(Node node) const {
    return {targets_.data() + begin_[node], targets_.data() + begin_[node + 1]};
  }

 private:
  std::vector<std::uint32_t> begin_;
  std::vector<Node> targets_;
};

}  // namespace host
