#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace host {
namespace {

// A lower bound keeps what is at or above it: an `at` revision itself
// (Alembic's ranges include both ends), the revision a `below` stands
// before, the first revision a `without` leaves out.
NodeSet at_or_above(const Graph& graph, const ResolvedTarget& lower) {
  std::vector<Graph::Node> from = lower.at;
  from.insert(from.end(), lower.below.begin(), lower.below.end());
  from.insert(from.end(), lower.without.begin(), lower.without.end());
  return graph.descendants_or_self(from);
}

// "'c3'", "'3f1c'", or "'current' (c4)", "'c3-1' (just below c3)" when the
// text does not name the revision itself.
std::string end_named(const Graph& graph, const TargetSpec& end, const ResolvedTarget& resolved) {
  std::string named = "'" + printable(end.text) + "'";
  if (end.anchor == TargetSpec::Anchor::revision && end.steps == 0) return named;
  std::string ids;
  for (Graph::Node n : resolved.at) ids += (ids.empty() ? "" : ", ") + graph.revision(n).id;
  for (Graph::Node n : resolved.below) ids += (ids.empty() ? "just below " : ", just below ") + graph.revision(n).id;
  return ids.empty() ? named : named + " (" + ids + ")";
}

// An empty range from a revision means FROM is not at or below TO: written
// backwards, or on another branch. Alembic refuses it ("not an ancestor");
// printing nothing would read as "no revisions there". From base (or a
// label's base) an empty range is honest: TO names nothing applied.
void refuse_reversed(const Graph& graph, std::string_view range, const TargetSpec& from,
                     const ResolvedTarget& from_resolved, const TargetSpec& to) {
  if (from_resolved.at.empty() && from_resolved.below.empty()) return;
  graph_error("history range '" + printable(range) + "' is reversed or disjoint: " +
              end_named(graph, from, from_resolved) + " is neither '" + printable(to.text) +
              "' nor one of its ancestors");
}

}  // namespace

std::vector<const Revision*> history_range(const Graph& graph, std::string_view range,
                                           const std::vector<std::string>& current_versions) {
  const auto colon = range.find(':');
  if (colon == std::string_view::npos || range.find(':', colon + 1) != std::string_view::npos)
    usage_error("invalid history range '" + printable(range) + "': use FROM:TO, FROM: or :TO");
  const std::string_view from_text = range.substr(0, colon);
  const std::string_view to_text = range.substr(colon + 1);
  const TargetSpec from = parse_target(from_text.empty() ? "base" : from_text);
  const TargetSpec to = parse_target(to_text.empty() ? "heads" : to_text);

  // Only a range that mentions the database needs its rows to be known.
  std::vector<Graph::Node> rows;
  if (from.anchor == TargetSpec::Anchor::current || to.anchor == TargetSpec::Anchor::current)
    rows = version_nodes(graph, current_versions);

  const ResolvedTarget from_resolved = resolve_target(graph, from, rows);
  const NodeSet lower = at_or_above(graph, from_resolved);
  const NodeSet upper = applied_at_target(graph, resolve_target(graph, to, rows));
  std::vector<const Revision*> newest_first;
  std::span<const Graph::Node> order = graph.topological_nodes();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (lower.contains(*it) && upper.contains(*it)) newest_first.push_back(&graph.revision(*it));
  if (newest_first.empty()) refuse_reversed(graph, range, from, from_resolved, to);
  return newest_first;
}

}  // namespace host

