// Resolving a parsed target against the graph and the version rows. Steps
// walk one line of down revisions: up through the only child, down through
// the only down revision, restricted to the label's branch when one is given.
#include <algorithm>
#include <optional>

#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/target.hpp"

namespace host {
namespace {

using Node = Graph::Node;
using Anchor = TargetSpec::Anchor;

// A place on a line: just after a revision (it is applied), just before one
// (it is not, what it needs is), or before everything.
struct Position {
  enum class Kind { at, below, base };
  Kind kind;
  Node node = 0;
};

class Resolver {
 public:
  Resolver(const Graph& graph, const TargetSpec& target, std::span<const Node> rows)
      : graph_(graph), target_(target), rows_(rows) {
    if (target.branch_label.empty()) return;
    label_root_ = graph.branch_root_node(target.branch_label);
    if (!label_root_) fail("unknown branch label '" + target.branch_label + "'");
    members_.emplace(graph.branch_members(target.branch_label));
  }

  ResolvedTarget resolve() const {
    if (target_.anchor == Anchor::heads) return ResolvedTarget{on_branch(graph_.head_nodes()), {}, {}};
    if (target_.steps == 0 && target_.anchor == Anchor::current) {
      std::vector<Node> tips = applied_tips();
      return tips.empty() ? nothing_applied() : ResolvedTarget{tips, {}, {}};
    }
    if (target_.steps == 0 && target_.anchor == Anchor::base) return nothing_applied();
    Position position = start();
    for (long i = 0; i < target_.steps; ++i) position = step_up(position);
    for (long i = 0; i > target_.steps; --i) position = step_down(position);
    switch (position.kind) {
      case Position::Kind::at: return ResolvedTarget{{position.node}, {}, {}};
      case Position::Kind::below: return ResolvedTarget{{}, {position.node}, {}};
      case Position::Kind::base: break;
    }
    return nothing_applied();
  }

 private:
  Position start() const {
    switch (target_.anchor) {
      case Anchor::head: return Position{Position::Kind::at, only_head()};
      case Anchor::revision: return Position{Position::Kind::at, named_revision()};
      case Anchor::current: return current_position();
      case Anchor::base:
      case Anchor::heads: break;
    }
    return bottom();
  }

  // Plain `base` reverts everything; `LABEL@base` the label's branch, and
  // neither needs anything applied (unlike "just before the label's root").
  ResolvedTarget nothing_applied() const {
    if (label_root_) return ResolvedTarget{{}, {}, {*label_root_}};
    std::span<const Node> bases = graph_.base_nodes();
    return ResolvedTarget{{}, {}, std::vector<Node>(bases.begin(), bases.end())};
  }

  Position bottom() const {
    if (label_root_) return Position{Position::Kind::below, *label_root_};
    return Position{Position::Kind::base};
  }

  Node only_head() const {
    std::vector<Node> heads = on_branch(graph_.head_nodes());
    if (heads.empty()) fail("there are no revisions");
    if (heads.size() == 1) return heads.front();
    if (label_root_)
      graph_error("branch '" + target_.branch_label + "' has several heads (" + ids(heads) +
                  "); name one or run 'retort merge'");
    graph_error("several heads (" + ids(heads) +
                "); name one, use 'heads' (as in 'retort upgrade heads'), or join them with 'retort merge heads'");
  }

  Node named_revision() const {
    const Node node = graph_.resolve_node(target_.revision);
    if (members_ && !members_->contains(node))
      fail("revision '" + graph_.revision(node).id + "' is not on branch '" + target_.branch_label + "'");
    return node;
  }

  Position current_position() const {
    std::vector<Node> tips = applied_tips();
    if (tips.empty()) return bottom();
    if (tips.size() > 1)
      fail("it counts from the current revision, but the database is at several (" + ids(tips) +
           "); use LABEL@+N, LABEL@-N, REV+N or REV-N");
    return Position{Position::Kind::at, tips.front()};
  }

  // Where the database is: the rows, or on a label's branch the newest
  // applied revisions of that branch. Those need not be rows: a row stands
  // for everything it needs, so a dependant on another branch (Alembic's
  // rule) absorbs the row of the branch's tip, which is applied all the same.
  std::vector<Node> applied_tips() const {
    if (!members_) return std::vector<Node>(rows_.begin(), rows_.end());
    const NodeSet applied = graph_.ancestors_or_self(rows_);
    auto applied_on_branch = [&](Node n) { return applied.contains(n) && members_->contains(n); };
    std::vector<Node> tips;
    for (Node n : graph_.topological_nodes()) {
      if (!applied_on_branch(n)) continue;
      std::span<const Node> children = graph_.child_nodes(n);
      if (std::none_of(children.begin(), children.end(), applied_on_branch)) tips.push_back(n);
    }
    return tips;
  }

  Position step_up(Position from) const {
    switch (from.kind) {
      case Position::Kind::base: {
        std::span<const Node> bases = graph_.base_nodes();
        if (bases.empty()) fail("there are no revisions");
        if (bases.size() > 1)
          fail("it steps up from base, but there are several bases (" + ids(bases) + "); name one");
        return Position{Position::Kind::at, bases.front()};
      }
      case Position::Kind::below: return Position{Position::Kind::at, from.node};
      case Position::Kind::at: break;
    }
    std::vector<Node> children = on_branch(graph_.child_nodes(from.node));
    if (children.empty()) fail("it goes past head '" + graph_.revision(from.node).id + "'");
    if (children.size() > 1)
      fail("'" + graph_.revision(from.node).id + "' has several children (" + ids(children) + "); name one");
    return Position{Position::Kind::at, children.front()};
  }

  Position step_down(Position from) const {
    switch (from.kind) {
      case Position::Kind::base: fail("it goes below base");
      case Position::Kind::at: return Position{Position::Kind::below, from.node};
      case Position::Kind::below: break;
    }
    std::vector<Node> parents = on_branch(graph_.parent_nodes(from.node));
    if (parents.empty())
      fail(label_root_ ? "it goes below the base of branch '" + target_.branch_label + "'" : "it goes below base");
    if (parents.size() > 1)
      fail("'" + graph_.revision(from.node).id + "' is a merge of " + ids(parents) + "; name one");
    return Position{Position::Kind::below, parents.front()};
  }

  std::vector<Node> on_branch(std::span<const Node> nodes) const {
    std::vector<Node> kept;
    for (Node n : nodes)
      if (!members_ || members_->contains(n)) kept.push_back(n);
    return kept;
  }

  std::string ids(std::span<const Node> nodes) const {
    std::string out;
    for (Node n : nodes) out += (out.empty() ? "" : ", ") + graph_.revision(n).id;
    return out;
  }

  [[noreturn]] void fail(const std::string& why) const {
    graph_error("target '" + printable(target_.text) + "': " + why);
  }

  const Graph& graph_;
  const TargetSpec& target_;
  std::span<const Node> rows_;
  std::optional<Node> label_root_;
  std::optional<NodeSet> members_;
};

}  // namespace

ResolvedTarget resolve_target(const Graph& graph, const TargetSpec& target, std::span<const Graph::Node> current_rows) {
  return Resolver(graph, target, current_rows).resolve();
}

}  // namespace host
