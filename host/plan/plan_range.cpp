// The plan of an offline run `FROM:TO`, which starts where FROM would leave
// the database instead of at its version rows.
#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace host {
namespace {

// Online, an upgrade target below the database is only "nothing to do": the
// database moved on. Offline the user wrote both ends, so an empty upgrade
// whose TO leaves less applied than FROM is a range written backwards, and
// an empty script would hide it (Alembic refuses it too).
void refuse_upgrade_going_down(const Graph& graph, const std::vector<std::string>& start, std::string_view from,
                               std::string_view to) {
  const std::vector<Graph::Node> rows = version_nodes(graph, start);
  const NodeSet at_from = graph.ancestors_or_self(rows);
  const NodeSet at_to = applied_at_target(graph, resolve_target(graph, parse_target(to), rows));
  // An empty plan means everything TO needs is applied at FROM: TO is FROM or below it.
  if (at_to.size() == at_from.size()) return;
  const std::string range = printable(from) + ":" + printable(to);
  graph_error("upgrade range '" + range + "' is reversed: '" + printable(to) + "' is below '" + printable(from) +
              "' (use 'retort downgrade " + range + " --sql' to go down)");
}

}  // namespace

Plan plan_range(const Graph& graph, Direction direction, std::string_view from, std::string_view to) {
  const std::vector<std::string> start = stamp_versions(graph, {}, from);
  if (direction == Direction::downgrade) return plan_downgrade(graph, start, to);
  Plan plan = plan_upgrade(graph, start, to);
  if (plan.steps.empty() && graph.size() > 0) refuse_upgrade_going_down(graph, start, from, to);
  return plan;
}

}  // namespace host
