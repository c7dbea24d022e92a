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

  const NodeSet lower = at_or_above(graph, resolve_target(graph, from, rows));
  const NodeSet upper = applied_at_target(graph, resolve_target(graph, to, rows));
  std::vector<const Revision*> newest_first;
  std::span<const Graph::Node> order = graph.topological_nodes();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (lower.contains(*it) && upper.contains(*it)) newest_first.push_back(&graph.revision(*it));
  return newest_first;
}

}  // namespace host

