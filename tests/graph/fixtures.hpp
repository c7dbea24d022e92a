// Small graphs the tests share, and helpers that make plans and errors
// readable in assertions.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/plan/plan.hpp"

namespace host::testing {

/// Rev("b").down({"a"}).depends("x").labels("shop").from("b.sql")
struct Rev {
  Revision revision;
  explicit Rev(std::string id) { revision.id = std::move(id); revision.origin = revision.id + ".sql"; }
  Rev& down(std::vector<std::string> ids) { revision.down_revisions = std::move(ids); return *this; }
  Rev& depends(std::vector<std::string> ids) { revision.depends_on = std::move(ids); return *this; }
  Rev& labels(std::vector<std::string> names) { revision.branch_labels = std::move(names); return *this; }
  Rev& from(std::string origin) { revision.origin = std::move(origin); return *this; }
  Rev& repeatable() { revision.repeatable = true; return *this; }
  operator Revision() const { return revision; }  // NOLINT: reads as a list of revisions
};

inline Graph graph_of(std::vector<Revision> revisions) { return Graph(std::move(revisions)); }

/// c1 <- c2 <- c3 <- c4
inline Graph chain() {
  return graph_of({Rev("c1"), Rev("c2").down({"c1"}), Rev("c3").down({"c2"}), Rev("c4").down({"c3"})});
}

/// d0 branches into da1 <- da2 and db1; dm merges da2 and db1; dn follows.
inline Graph diamond() {
  return graph_of({Rev("d0"), Rev("da1").down({"d0"}), Rev("da2").down({"da1"}), Rev("db1").down({"d0"}),
                   Rev("dm").down({"da2", "db1"}), Rev("dn").down({"dm"})});
}

/// t0 branches three ways into ta, tb, tc.
inline std::vector<Revision> three_branches() {
  return {Rev("t0"), Rev("ta").down({"t0"}), Rev("tb").down({"t0"}), Rev("tc").down({"t0"})};
}

/// ... and tm merges all three at once.
inline Graph three_merged() {
  std::vector<Revision> revisions = three_branches();
  revisions.push_back(Rev("tm").down({"ta", "tb", "tc"}));
  return graph_of(revisions);
}

/// x1 <- x2 and y1 <- y2, unrelated.
inline Graph two_roots() {
  return graph_of({Rev("x1"), Rev("x2").down({"x1"}), Rev("y1"), Rev("y2").down({"y1"})});
}

/// x1 <- x2 and y1 <- y2, and x2 depends on y2.
inline Graph dependency_across_branches() {
  return graph_of({Rev("x1"), Rev("x2").down({"x1"}).depends({"y2"}), Rev("y1"), Rev("y2").down({"y1"})});
}

/// k0 (label core) <- k1 <- k2, and k1 <- s1 (label shop) <- s2.
inline Graph labelled() {
  return graph_of({Rev("k0").labels({"core"}), Rev("k1").down({"k0"}), Rev("k2").down({"k1"}),
                   Rev("s1").down({"k1"}).labels({"shop"}), Rev("s2").down({"s1"})});
}

/// c1 <- c2 (label other); a0 <- a1 <- a2, a2 depending on c2; a0 <- b1
/// (label feat). At rows {a2, b1}, c2 has no row: a2's row stands for it,
/// as Alembic absorbs a dependency's row into its dependant's.
inline std::vector<Revision> absorbed_branch_revisions() {
  return {Rev("c1").labels({"other"}), Rev("c2").down({"c1"}),
          Rev("a0"), Rev("a1").down({"a0"}), Rev("a2").down({"a1"}).depends({"c2"}),
          Rev("b1").down({"a0"}).labels({"feat"})};
}
inline Graph absorbed_branch() { return graph_of(absorbed_branch_revisions()); }

/// Each step as "up c2: -c1 +c2" / "down c2: -c2 +c1".
inline std::vector<std::string> steps_of(const Plan& plan) {
  std::vector<std::string> out;
  for (const Step& step : plan.steps) {
    std::string s = (step.direction == Direction::upgrade ? "up " : "down ") + step.revision->id + ":";
    for (const auto& v : step.versions_removed) s += " -" + std::string(v);
    for (const auto& v : step.versions_added) s += " +" + std::string(v);
    out.push_back(s);
  }
  return out;
}

inline std::vector<std::string> ids_of(const std::vector<const Revision*>& revisions) {
  std::vector<std::string> ids;
  for (const Revision* r : revisions) ids.push_back(r->id);
  return ids;
}

/// Runs `action`, expects a host::Error with `code`, returns its message.
template <typename Action>
std::string error_from(ExitCode code, Action action) {
  try {
    action();
  } catch (const Error& e) {
    EXPECT_EQ(static_cast<int>(e.code()), static_cast<int>(code)) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "message spans lines: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected a host::Error";
  return {};
}

template <typename Action>
std::string graph_error_from(Action action) {
  return error_from(ExitCode::graph, action);
}

template <typename Action>
std::string usage_error_from(Action action) {
  return error_from(ExitCode::usage, action);
}

using Ids = std::vector<std::string>;

}  // namespace host::testing
