// Targets as names of revisions, for commands that read the graph but never
// the database (show, revision --head, --depends-on, merge).
#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/target.hpp"

namespace host {

std::vector<Graph::Node> named_revisions(const Graph& graph, std::string_view text, std::string_view role) {
  // No rows: without a database `current` is base, and steps count from there.
  const ResolvedTarget resolved = resolve_target(graph, parse_target(text), {});
  if (resolved.at.empty() || !resolved.below.empty() || !resolved.without.empty())
    graph_error(std::string(role) + " '" + printable(text) + "' does not name a revision");
  return resolved.at;
}

}  // namespace host
