// What to run, in which order, and what each step does to the version table.
// The planner reads the graph and the version rows; it never touches a
// database (the runner executes a Plan), so a plan is the same online and
// offline. Target grammar: target.hpp and README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "host/graph/graph.hpp"
#include "host/graph/revision.hpp"

namespace host {

enum class Direction { upgrade, downgrade };

/// One revision applied or reverted. The version table holds one row per
/// applied head (Alembic's alembic_version); a step's rows change in the same
/// transaction as its script, so an interrupted run leaves true rows.
/// Version rows a step moves, as views of ids the Graph owns (it outlives
/// its plans). A step moves one or two rows, more only at a merge, so they
/// live inside the Step: a plan of 100,000 steps made 200,000 small vectors
/// before, half of planning's time (bench/).
using VersionIds = boost::container::small_vector<std::string_view, 2>;

struct Step {
  const Revision* revision;  ///< owned by the Graph the plan was made from
  Direction direction;
  VersionIds versions_removed;  ///< rows this step deletes
  VersionIds versions_added;    ///< rows this step inserts
};

struct Plan {
  std::vector<Step> steps;
  std::vector<std::string> final_versions;  ///< the rows after the last step, in topological order
};

// `current_versions` are the database's version rows, in any order. Each
// function below throws a graph error when a row is unknown to the graph
// ("the database is at revision 'X', which no provider knows"); the plans
// also refuse rows of which one is an ancestor of another (only `stamp` can
// repair such a table). Targets resolve relative to these rows.

/// Applies, parents and dependencies first, every revision the target needs
/// that is not applied yet. A target already applied gives an empty plan.
/// Throws a usage error for a downward relative target (`-N`, `LABEL@-N`).
Plan plan_upgrade(const Graph& graph, const std::vector<std::string>& current_versions, std::string_view target);

/// Reverts, newest first, every applied revision that descends from where
/// the target leaves the database (through down revisions and dependants),
/// leaving other branches and the target's own dependencies alone. Throws a
/// graph error if the target is ahead of the database, a usage error for an
/// upward relative target (`+N`, `LABEL@+N`).
Plan plan_downgrade(const Graph& graph, const std::vector<std::string>& current_versions, std::string_view target);

/// The version rows after `retort stamp TARGET`: as if the database had been
/// upgraded and downgraded to the target without running anything. Rows on
/// unrelated branches stay; `base` gives no rows. Pass no current rows for
/// `--purge`, or to turn an offline range's FROM into rows.
std::vector<std::string> stamp_versions(const Graph& graph, const std::vector<std::string>& current_versions,
                                        std::string_view target);

/// An offline run's `FROM:TO`: the plan from the rows `stamp_versions` gives
/// FROM (with no current rows) to TO. A downgrade whose TO is ahead of FROM
/// is refused as plan_downgrade refuses it; an upgrade whose TO is below FROM
/// is a graph error naming both ends, where online it would be an empty plan.
Plan plan_range(const Graph& graph, Direction direction, std::string_view from, std::string_view to);

/// Whether an upgrade to `target` takes the database to every head of the
/// graph, the only upgrades after which repeatable revisions run: `head` and
/// `heads`, without a branch label or steps (docs/decisions.md). Throws a
/// usage error for text outside the target grammar.
bool upgrades_to_every_head(std::string_view target);

/// Appends one upgrade step for each of `due`, in the order given, after the
/// plan's other steps. A repeatable's step moves no version row, so
/// `final_versions` stays as it is.
void append_repeatables(Plan& plan, const std::vector<const Revision*>& due);

/// `retort history -r FROM:TO`, newest first: revisions at or above FROM and
/// at or below TO. Either side may be empty (FROM defaults to base, TO to
/// heads) and is any target; `current` and relative targets use the rows.
/// A relative FROM counts steps, so `-3:current` is the three newest applied
/// revisions. Throws a usage error when RANGE has no ':', and a graph error
/// naming both ends when a range from a revision is empty (FROM is neither TO
/// nor one of its ancestors: written backwards, or across branches).
std::vector<const Revision*> history_range(const Graph& graph, std::string_view range,
                                           const std::vector<std::string>& current_versions);

}  // namespace host
