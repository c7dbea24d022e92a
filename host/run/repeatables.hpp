// Which repeatable revisions an upgrade to the heads runs again: those whose
// checksum now differs from the one their latest successful run recorded in
// retort_history, and those that never ran. The checksum is the one every
// revision has (host/abi's Collector, docs/checksums.md), so an edited file
// is what makes a repeatable due, nothing else.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/abi/collect.hpp"
#include "host/graph/graph.hpp"
#include "host/plan/plan.hpp"
#include "host/run/bookkeeping.hpp"

namespace host {

/// The checksum of each revision's latest `applied` upgrade row, by id. A
/// later failed or pending row does not replace it: only a successful run
/// says what the database holds.
std::map<std::string, std::string> last_applied_checksums(const std::vector<HistoryRow>& history);

/// One repeatable revision, what its last successful run recorded and what
/// it would run now.
struct RepeatableState {
  const Revision* revision;           ///< owned by the graph
  std::optional<std::string> recorded;  ///< none: it never ran successfully
  std::string checksum;               ///< of its upgrade now (an online run's)

  bool due() const { return !recorded || *recorded != checksum; }
};

/// Every repeatable of `graph`, in the order they run, with its state.
/// `collector` must be an online one (the checksum is always an online
/// run's); each repeatable's upgrade is collected once to checksum it.
std::vector<RepeatableState> repeatable_states(const Graph& graph, const Collector& collector,
                                               const std::vector<HistoryRow>& history);

/// The repeatables of `states` that are due, in order.
std::vector<const Revision*> due_repeatables(const std::vector<RepeatableState>& states);

/// What `retort upgrade TARGET` runs on a database at `current` with
/// `history`: plan_upgrade()'s steps, then, when TARGET is `head` or
/// `heads`, the repeatables that are due. Online runs, fleets' looks and
/// scratch replays all plan through here.
Plan plan_upgrade_run(const Graph& graph, const std::vector<std::string>& current, std::string_view target,
                      const Collector& collector, const std::vector<HistoryRow>& history);

/// Every repeatable of `graph`, in order: what an offline script whose range
/// ends at the heads runs, since it cannot know what ran (docs/decisions.md).
std::vector<const Revision*> all_repeatables(const Graph& graph);

}  // namespace host
