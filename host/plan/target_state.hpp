// The two sets every plan is made of: what is applied once the database is at
// a target, and what must be reverted on the way there.
#pragma once

#include "host/graph/graph.hpp"
#include "host/plan/target.hpp"

namespace host {

/// Applied at the target: the `at` revisions, what `below` revisions need,
/// and all their ancestors (nothing for `without`). Downward closed.
NodeSet applied_at_target(const Graph& graph, const ResolvedTarget& target);

/// Not applied at the target, given `applied_at_target`: descendants (through
/// children and dependants) of the children of `at` revisions and of the
/// `below` and `without` revisions themselves. Upward closed.
NodeSet reverted_at_target(const Graph& graph, const ResolvedTarget& target, const NodeSet& applied_at);

}  // namespace host
