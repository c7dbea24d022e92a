// Branch labels: checked when the graph is built, then looked up by name.
// A label names the branch that starts at the revision declaring it; declaring
// it again further along that branch is harmless, declaring it on a revision
// off that branch would give one name to two branches.
#include <algorithm>

#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/graph/identifiers.hpp"

namespace host {
namespace {

[[noreturn]] void unknown_label(std::string_view label) {
  graph_error("unknown branch label '" + printable(label) + "'");
}

}  // namespace

void Graph::index_branch_labels() {
  // Visited in topological order, so each label's first declaration is its root.
  std::unordered_map<std::string_view, std::vector<Node>> declarations;
  for (Node n : topological_) {
    const Revision& revision = revisions_[n];
    for (const std::string& label : revision.branch_labels) {
      if (!is_branch_label_text(label))
        graph_error("invalid branch label '" + printable(label) + "' on revision " + describe_revision(revision) +
                    ": a label is 1 to 64 letters, digits, '_' or '-'");
      if (find_node(label))
        graph_error("branch label '" + label + "' on revision " + describe_revision(revision) +
                    " is also a revision id");
      std::vector<Node>& declared_on = declarations[label];
      if (declared_on.empty() || declared_on.back() != n) declared_on.push_back(n);
    }
  }

  std::vector<std::string_view> labels;
  for (const auto& entry : declarations) labels.push_back(entry.first);
  std::sort(labels.begin(), labels.end());
  for (std::string_view label : labels) {
    const std::vector<Node>& declared_on = declarations[label];
    const Node root = declared_on.front();
    if (declared_on.size() > 1) {
      NodeSet branch = descendants_through_children(root);
      for (Node other : declared_on)
        if (!branch.contains(other))
          graph_error("branch label '" + std::string(label) + "' is declared on " + describe_revision(revisions_[root]) +
                      " and on " + describe_revision(revisions_[other]) + ", which are not on one branch");
    }
    branch_roots_.emplace(label, root);
  }
}

std::vector<std::string> Graph::branch_labels() const {
  std::vector<std::string> labels;
  for (const auto& entry : branch_roots_) labels.emplace_back(entry.first);
  std::sort(labels.begin(), labels.end());
  return labels;
}

std::optional<Graph::Node> Graph::branch_root_node(std::string_view label) const {
  auto it = branch_roots_.find(label);
  if (it == branch_roots_.end()) return std::nullopt;
  return it->second;
}

const Revision* Graph::find_branch_root(std::string_view label) const {
  std::optional<Node> root = branch_root_node(label);
  return root ? &revisions_[*root] : nullptr;
}

NodeSet Graph::branch_members(std::string_view label) const {
  std::optional<Node> root = branch_root_node(label);
  if (!root) unknown_label(label);
  return descendants_through_children(*root);
}

std::vector<std::string> Graph::branch_heads(std::string_view label) const {
  NodeSet members = branch_members(label);
  std::vector<std::string> ids;
  for (Node head : heads_)
    if (members.contains(head)) ids.push_back(revisions_[head].id);
  return ids;
}

bool Graph::is_on_branch(std::string_view full_id, std::string_view label) const {
  const Node node = node_at(full_id);
  return branch_members(label).contains(node);
}

}  // namespace host
