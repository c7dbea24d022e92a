// The topological order, found by one iterative depth-first walk that also
// refuses cycles. Iterative because a 100,000-revision chain is 100,000
// frames deep.
#include <algorithm>

#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/graph/identifiers.hpp"

namespace host {
namespace {

using Node = Graph::Node;

struct Frame {
  Node node;
  std::size_t next_requirement;
};

// A cycle of a thousand revisions still has to fit one readable line.
constexpr std::size_t longest_cycle_named = 10;

[[noreturn]] void refuse_cycle(const Graph& graph, const std::vector<Frame>& path, Node closing) {
  auto start = std::find_if(path.begin(), path.end(), [&](const Frame& f) { return f.node == closing; });
  const std::size_t length = static_cast<std::size_t>(path.end() - start);
  std::string message = "revisions form a cycle through their down revisions and dependencies: ";
  std::size_t named = 0;
  for (auto it = start; it != path.end() && named < longest_cycle_named; ++it, ++named)
    message += describe_revision(graph.revision(it->node)) + " needs ";
  if (length > longest_cycle_named) message += "... (" + std::to_string(length) + " revisions) needs ";
  message += "'" + graph.revision(closing).id + "'";
  graph_error(message);
}

}  // namespace

void Graph::order_topologically() {
  const std::size_t count = revisions_.size();
  enum class Mark : unsigned char { unvisited, on_path, done };
  std::vector<Mark> mark(count, Mark::unvisited);
  std::vector<Frame> path;
  topological_.reserve(count);

  // Dependencies before down revisions: what another branch must provide is
  // listed (and applied) before this branch's own earlier revisions.
  auto requirement = [this](Node node, std::size_t i) {
    std::span<const Node> dependencies = dependencies_.of(node);
    return i < dependencies.size() ? dependencies[i] : parents_.of(node)[i - dependencies.size()];
  };
  auto requirement_count = [this](Node node) { return dependencies_.of(node).size() + parents_.of(node).size(); };

  auto walk_from = [&](Node start) {
    if (mark[start] != Mark::unvisited) return;
    mark[start] = Mark::on_path;
    path.push_back({start, 0});
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next_requirement == requirement_count(top.node)) {
        mark[top.node] = Mark::done;
        topological_.push_back(top.node);
        path.pop_back();
        continue;
      }
      const Node next = requirement(top.node, top.next_requirement++);
      if (mark[next] == Mark::on_path) refuse_cycle(*this, path, next);
      if (mark[next] == Mark::unvisited) {
        mark[next] = Mark::on_path;
        path.push_back({next, 0});
      }
    }
  };

  // Starting from each head keeps a head's line together in the order. Every
  // revision of an acyclic graph is below some head; the second loop only
  // reaches revisions on a cycle, which it then reports.
  for (Node n = 0; n < count; ++n)
    if (children_.of(n).empty()) walk_from(n);
  for (Node n = 0; n < count; ++n) walk_from(n);
}

}  // namespace host
