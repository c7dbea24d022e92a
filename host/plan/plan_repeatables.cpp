// Where repeatable revisions enter a plan: after every versioned step of an
// upgrade to the heads, moving no version row. Which of them are due (their
// checksum changed since their last run) the planner is told: it never
// reads history or runs a revision.
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"

namespace host {

bool upgrades_to_every_head(std::string_view target) {
  const TargetSpec spec = parse_target(target);
  return (spec.anchor == TargetSpec::Anchor::head || spec.anchor == TargetSpec::Anchor::heads) &&
         spec.branch_label.empty() && spec.steps == 0;
}

void append_repeatables(Plan& plan, const std::vector<const Revision*>& due) {
  plan.steps.reserve(plan.steps.size() + due.size());
  for (const Revision* repeatable : due) plan.steps.push_back(Step{repeatable, Direction::upgrade, {}, {}});
}

}  // namespace host
