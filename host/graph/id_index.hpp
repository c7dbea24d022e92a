// Finds a node by its revision id. One flat table of slots instead of a
// node-based hash map: at 100,000 revisions the map's 100,000 allocations and
// its pointer chasing were a fifth of building the graph (bench/). A slot
// keeps part of the id's hash beside the node, so a probe that meets another
// id rarely has to read that id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace host {

class IdIndex {
 public:
  using Node = std::uint32_t;

  IdIndex() = default;

  /// `id_of(n)` gives node n's id, for n < count; every id must be distinct
  /// and outlive the index.
  template <typename IdOf>
  IdIndex(std::size_t count, IdOf id_of) {
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    ids_.reserve(count);
    for (std::size_t n = 0; n < count; ++n) {
      const std::string_view id = id_of(static_cast<Node>(n));
      ids_.push_back(id);
      const std::uint64_t hash = hash_of(id);
      std::size_t at = hash & (capacity - 1);
      while (slots_[at] != 0) at = (at + 1) & (capacity - 1);
      slots_[at] = slot(hash, static_cast<Node>(n));
    }
  }

  std::optional<Node> find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = hash_of(id);
    const std::uint32_t tag = tag_of(hash);
    for (std::size_t at = hash & mask; slots_[at] != 0; at = (at + 1) & mask) {
      const std::uint64_t s = slots_[at];
      if (static_cast<std::uint32_t>(s >> 32) != tag) continue;
      const Node node = static_cast<Node>(s & 0xffffffffu) - 1;
      if (ids_[node] == id) return node;
    }
    return std::nullopt;
  }

 private:
  static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
  // The high half of the hash: the low half already chose the slot.
  static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }
  // Node + 1 in the low half, so an empty slot (0) is never a node.
  static std::uint64_t slot(std::uint64_t hash, Node node) {
    return std::uint64_t{tag_of(hash)} << 32 | (std::uint64_t{node} + 1);
  }

  std::vector<std::uint64_t> slots_;
  std::vector<std::string_view> ids_;
};

}  // namespace host
