// Every target form, resolved against a graph and the version rows.
#include <gmock/gmock.h>

#include "fixtures.hpp"
#include "host/plan/target.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

// "at c2", "below c3", "at ta at tb" or "without x1 without y1".
std::string resolved(const Graph& g, std::string_view target, const Ids& rows = {}) {
  std::vector<Graph::Node> nodes;
  for (const auto& r : rows) nodes.push_back(g.node_at(r));
  ResolvedTarget t = resolve_target(g, parse_target(target), nodes);
  std::string out;
  for (Graph::Node n : t.at) out += (out.empty() ? "at " : " at ") + g.revision(n).id;
  for (Graph::Node n : t.below) out += (out.empty() ? "below " : " below ") + g.revision(n).id;
  for (Graph::Node n : t.without) out += (out.empty() ? "without " : " without ") + g.revision(n).id;
  return out;
}

TEST(TargetResolve, HeadIsTheOnlyHead) { EXPECT_EQ(resolved(chain(), "head"), "at c4"); }

TEST(TargetResolve, HeadWithSeveralHeadsIsAGraphErrorNamingThem) {
  EXPECT_EQ(graph_error_from([] { resolved(graph_of(three_branches()), "head"); }),
            "several heads (ta, tb, tc); name one, use 'heads' (as in 'retort upgrade heads'), or join them with 'retort merge heads'");
}

TEST(TargetResolve, HeadsIsEveryHead) { EXPECT_EQ(resolved(graph_of(three_branches()), "heads"), "at ta at tb at tc"); }

TEST(TargetResolve, BaseIsNothingApplied) {
  EXPECT_EQ(resolved(chain(), "base"), "without c1");
  EXPECT_EQ(resolved(two_roots(), "base"), "without x1 without y1");
}

TEST(TargetResolve, CurrentIsTheRowsOrBaseWhenThereAreNone) {
  EXPECT_EQ(resolved(two_roots(), "current", {"x2", "y1"}), "at x2 at y1");
  EXPECT_EQ(resolved(two_roots(), "current"), "without x1 without y1");
  EXPECT_EQ(resolved(labelled(), "shop@current", {"k2"}), "without s1");
}

TEST(TargetResolve, FullIdAndPrefix) {
  Graph g = graph_of({Rev("1a2b3c4d5e6f"), Rev("99887766").down({"1a2b3c4d5e6f"})});
  EXPECT_EQ(resolved(g, "1a2b3c4d5e6f"), "at 1a2b3c4d5e6f");
  EXPECT_EQ(resolved(g, "9988"), "at 99887766");
}

TEST(TargetResolve, UnknownRevisionIsAGraphError) {
  EXPECT_EQ(graph_error_from([] { resolved(chain(), "zzzz"); }), "unknown revision 'zzzz'");
}

TEST(TargetResolve, RelativeUpAndDownCountFromTheOneRow) {
  EXPECT_EQ(resolved(chain(), "+2", {"c1"}), "at c3");
  EXPECT_EQ(resolved(chain(), "+1"), "at c1");
  EXPECT_EQ(resolved(chain(), "-1", {"c3"}), "below c3");
  EXPECT_EQ(resolved(chain(), "-3", {"c3"}), "below c1");
  EXPECT_EQ(resolved(chain(), "current-1", {"c3"}), "below c3");
}

TEST(TargetResolve, RelativeWithSeveralRowsIsAGraphError) {
  EXPECT_THAT(graph_error_from([] { resolved(two_roots(), "+1", {"x1", "y1"}); }),
              HasSubstr("target '+1': it counts from the current revision, but the database is at several (x1, y1)"));
}

TEST(TargetResolve, StepsPastHeadOrBelowBaseAreGraphErrors) {
  EXPECT_EQ(graph_error_from([] { resolved(chain(), "+2", {"c3"}); }), "target '+2': it goes past head 'c4'");
  EXPECT_EQ(graph_error_from([] { resolved(chain(), "-4", {"c3"}); }), "target '-4': it goes below base");
  EXPECT_EQ(graph_error_from([] { resolved(chain(), "-1"); }), "target '-1': it goes below base");
}

TEST(TargetResolve, RevisionPlusAndMinusN) {
  EXPECT_EQ(resolved(chain(), "c2+1"), "at c3");
  EXPECT_EQ(resolved(chain(), "c2+2"), "at c4");
  EXPECT_EQ(resolved(chain(), "c3-1"), "below c3");
  EXPECT_EQ(resolved(chain(), "c3-2"), "below c2");
  EXPECT_EQ(resolved(chain(), "head-1"), "below c4");
  EXPECT_EQ(resolved(chain(), "base+2"), "at c2");
}

TEST(TargetResolve, StepUpFromABranchPointIsAmbiguous) {
  EXPECT_EQ(graph_error_from([] { resolved(diamond(), "d0+1"); }),
            "target 'd0+1': 'd0' has several children (da1, db1); name one");
}

TEST(TargetResolve, OneStepDownFromAMergeIsJustBeforeItTwoAreAmbiguous) {
  EXPECT_EQ(resolved(diamond(), "dm-1"), "below dm");
  EXPECT_EQ(graph_error_from([] { resolved(diamond(), "dm-2"); }), "target 'dm-2': 'dm' is a merge of da2, db1; name one");
}

TEST(TargetResolve, StepUpFromBaseNeedsOneBase) {
  EXPECT_THAT(graph_error_from([] { resolved(two_roots(), "base+1"); }), HasSubstr("several bases (x1, y1)"));
}

TEST(TargetResolve, LabelHeadAndBase) {
  EXPECT_EQ(resolved(labelled(), "shop@head"), "at s2");
  EXPECT_EQ(resolved(labelled(), "shop@base"), "without s1");
  EXPECT_EQ(resolved(labelled(), "shop@heads"), "at s2");
  EXPECT_EQ(graph_error_from([] { resolved(labelled(), "core@head"); }),
            "branch 'core' has several heads (k2, s2); name one or run 'retort merge'");
}

TEST(TargetResolve, LabelStepsCountFromTheRowOnThatBranch) {
  EXPECT_EQ(resolved(labelled(), "shop@+1", {"k2"}), "at s1");
  EXPECT_EQ(resolved(labelled(), "shop@+2", {"k2"}), "at s2");
  EXPECT_EQ(resolved(labelled(), "shop@-1", {"k2", "s2"}), "below s2");
  EXPECT_EQ(resolved(labelled(), "shop@-2", {"k2", "s2"}), "below s1");
  EXPECT_EQ(graph_error_from([] { resolved(labelled(), "shop@-3", {"k2", "s2"}); }),
            "target 'shop@-3': it goes below the base of branch 'shop'");
  EXPECT_EQ(resolved(labelled(), "core@+1", {"k0"}), "at k1");
  EXPECT_THAT(graph_error_from([] { resolved(labelled(), "core@+2", {"k0"}); }),
              HasSubstr("'k1' has several children (k2, s1)"));
}

TEST(TargetResolve, LabelledRevisionMustBeOnTheBranch) {
  EXPECT_EQ(resolved(labelled(), "shop@s2"), "at s2");
  EXPECT_EQ(graph_error_from([] { resolved(labelled(), "shop@k2"); }),
            "target 'shop@k2': revision 'k2' is not on branch 'shop'");
}

TEST(TargetResolve, UnknownLabelIsAGraphError) {
  EXPECT_EQ(graph_error_from([] { resolved(labelled(), "nope@head"); }),
            "target 'nope@head': unknown branch label 'nope'");
}

TEST(TargetResolve, HeadOfAnEmptyGraphIsAGraphError) {
  EXPECT_EQ(graph_error_from([] { resolved(graph_of({}), "head"); }), "target 'head': there are no revisions");
}

}  // namespace
}  // namespace host::testing
