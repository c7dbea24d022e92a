#include "host/run/repeatables.hpp"

namespace host {

std::map<std::string, std::string> last_applied_checksums(const std::vector<HistoryRow>& history) {
  std::map<std::string, std::string> recorded;
  for (const HistoryRow& row : history)  // oldest first: the last one seen wins
    if (row.direction == "upgrade" && row.state == "applied") recorded[row.revision] = row.checksum;
  return recorded;
}

std::vector<RepeatableState> repeatable_states(const Graph& graph, const Collector& collector,
                                               const std::vector<HistoryRow>& history) {
  std::vector<RepeatableState> states;
  if (graph.repeatables().empty()) return states;
  const std::map<std::string, std::string> recorded = last_applied_checksums(history);
  states.reserve(graph.repeatables().size());
  for (const Revision& repeatable : graph.repeatables()) {
    RepeatableState state{&repeatable, std::nullopt, collector.collect(repeatable, Direction::upgrade, false).checksum};
    if (auto it = recorded.find(repeatable.id); it != recorded.end()) state.recorded = it->second;
    states.push_back(std::move(state));
  }
  return states;
}

std::vector<const Revision*> due_repeatables(const std::vector<RepeatableState>& states) {
  std::vector<const Revision*> due;
  for (const RepeatableState& state : states)
    if (state.due()) due.push_back(state.revision);
  return due;
}

Plan plan_upgrade_run(const Graph& graph, const std::vector<std::string>& current, std::string_view target,
                      const Collector& collector, const std::vector<HistoryRow>& history) {
  Plan plan = plan_upgrade(graph, current, target);
  if (!graph.repeatables().empty() && upgrades_to_every_head(target))
    append_repeatables(plan, due_repeatables(repeatable_states(graph, collector, history)));
  return plan;
}

std::vector<const Revision*> all_repeatables(const Graph& graph) {
  std::vector<const Revision*> all;
  for (const Revision& repeatable : graph.repeatables()) all.push_back(&repeatable);
  return all;
}

}  // namespace host
