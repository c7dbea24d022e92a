// A set of graph nodes as one flag per node: the planner and the graph build
// many "applied", "ancestor of" and "to revert" sets over the same nodes, and
// a flag array keeps each membership test and insertion O(1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace host {

class NodeSet {
 public:
  using Node = std::uint32_t;

  explicit NodeSet(std::size_t node_count) : member_(node_count, 0) {}

  bool contains(Node node) const { return member_[node] != 0; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  /// True if the node was not yet a member.
  bool insert(Node node) {
    if (member_[node]) return false;
    member_[node] = 1;
    ++count_;
    return true;
  }

  void erase(Node node) {
    if (!member_[node]) return;
    member_[node] = 0;
    --count_;
  }

 private:
  std::vector<char> member_;
  std::size_t count_ = 0;
};

}  // namespace host
