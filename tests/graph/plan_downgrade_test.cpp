// Golden downgrade plans: newest first, only what grew from the target, and
// the version rows each step leaves.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

TEST(PlanDowngrade, LinearChainRevertsNewestFirstMovingOneRow) {
  Graph g = chain();
  Plan plan = plan_downgrade(g, {"c4"}, "c2");
  EXPECT_EQ(steps_of(plan), Ids({"down c4: -c4 +c3", "down c3: -c3 +c2"}));
  EXPECT_EQ(plan.final_versions, Ids({"c2"}));
  EXPECT_EQ(plan.steps[0].direction, Direction::downgrade);
}

TEST(PlanDowngrade, ToBaseRevertsEverythingAndLeavesNoRow) {
  Graph g = chain();
  Plan plan = plan_downgrade(g, {"c3"}, "base");
  EXPECT_EQ(steps_of(plan), Ids({"down c3: -c3 +c2", "down c2: -c2 +c1", "down c1: -c1"}));
  EXPECT_TRUE(plan.final_versions.empty());
}

TEST(PlanDowngrade, ToTheCurrentRevisionIsAnEmptyPlan) {
  EXPECT_TRUE(plan_downgrade(chain(), {"c3"}, "c3").steps.empty());
  EXPECT_TRUE(plan_downgrade(chain(), {"c3"}, "current").steps.empty());
  EXPECT_TRUE(plan_downgrade(chain(), {}, "base").steps.empty());
}

TEST(PlanDowngrade, TargetAheadOfTheDatabaseIsAGraphError) {
  EXPECT_EQ(graph_error_from([] { plan_downgrade(chain(), {"c2"}, "c4"); }),
            "cannot downgrade to 'c4': it is ahead of the database, which is at 'c2' (revision 'c3' is not applied)");
  EXPECT_THAT(graph_error_from([] { plan_downgrade(chain(), {}, "c1"); }), HasSubstr("which is at base"));
  EXPECT_THAT(graph_error_from([] { plan_downgrade(two_roots(), {"x2"}, "y1"); }),
              HasSubstr("cannot downgrade to 'y1'"));
}

TEST(PlanDowngrade, RelativeStepsRevertThatManyRevisions) {
  EXPECT_EQ(steps_of(plan_downgrade(chain(), {"c4"}, "-2")), Ids({"down c4: -c4 +c3", "down c3: -c3 +c2"}));
  EXPECT_EQ(plan_downgrade(chain(), {"c4"}, "-4").final_versions, Ids{});
  EXPECT_EQ(graph_error_from([] { plan_downgrade(chain(), {"c4"}, "-5"); }), "target '-5': it goes below base");
  EXPECT_EQ(steps_of(plan_downgrade(chain(), {"c4"}, "c3-1")), Ids({"down c4: -c4 +c3", "down c3: -c3 +c2"}));
}

TEST(PlanDowngrade, BareUpwardStepIsAUsageError) {
  EXPECT_EQ(usage_error_from([] { plan_downgrade(chain(), {"c2"}, "+1"); }),
            "downgrade target '+1' moves up; use 'retort upgrade +1'");
}

TEST(PlanDowngrade, OneBranchOfAMergeUnmergesAndKeepsTheOtherBranch) {
  Graph g = diamond();
  Plan plan = plan_downgrade(g, {"dn"}, "da1");
  EXPECT_EQ(steps_of(plan), Ids({"down dn: -dn +dm", "down dm: -dm +da2 +db1", "down da2: -da2 +da1"}));
  EXPECT_EQ(plan.final_versions, Ids({"da1", "db1"}));
}

TEST(PlanDowngrade, MinusOneFromAMergeRevertsTheMergeOnly) {
  Graph g = diamond();
  Plan plan = plan_downgrade(g, {"dm"}, "-1");
  EXPECT_EQ(steps_of(plan), Ids({"down dm: -dm +da2 +db1"}));
  EXPECT_EQ(plan.final_versions, Ids({"da2", "db1"}));
  EXPECT_THAT(graph_error_from([] { plan_downgrade(diamond(), {"dm"}, "-2"); }),
              HasSubstr("'dm' is a merge of da2, db1; name one"));
}

TEST(PlanDowngrade, ThreeWayMergeBackToItsRootRestoresRowsOneByOne) {
  Graph g = three_merged();
  Plan plan = plan_downgrade(g, {"tm"}, "t0");
  EXPECT_EQ(steps_of(plan), Ids({"down tm: -tm +ta +tb +tc", "down tc: -tc", "down tb: -tb", "down ta: -ta +t0"}));
  EXPECT_EQ(plan.final_versions, Ids({"t0"}));
}

TEST(PlanDowngrade, OneRootsBranchLeavesTheOtherRootsBranchAlone) {
  Graph g = two_roots();
  Plan plan = plan_downgrade(g, {"x2", "y2"}, "x1");
  EXPECT_EQ(steps_of(plan), Ids({"down x2: -x2 +x1"}));
  EXPECT_EQ(plan.final_versions, Ids({"x1", "y2"}));
}

TEST(PlanDowngrade, BaseWithTwoRootsRevertsBoth) {
  Graph g = two_roots();
  Plan plan = plan_downgrade(g, {"x2", "y2"}, "base");
  EXPECT_EQ(steps_of(plan), Ids({"down y2: -y2 +y1", "down y1: -y1", "down x2: -x2 +x1", "down x1: -x1"}));
}

TEST(PlanDowngrade, DependantsBranchDoesNotRevertItsDependency) {
  Graph g = dependency_across_branches();
  Plan plan = plan_downgrade(g, {"x2"}, "x1");
  EXPECT_EQ(steps_of(plan), Ids({"down x2: -x2 +x1 +y2"}));
  EXPECT_EQ(plan.final_versions, Ids({"y2", "x1"}));
}

TEST(PlanDowngrade, RevertingADependencyRevertsWhatDependsOnItFirst) {
  Graph g = dependency_across_branches();
  Plan plan = plan_downgrade(g, {"x2"}, "y1");
  EXPECT_EQ(steps_of(plan), Ids({"down x2: -x2 +x1 +y2", "down y2: -y2 +y1"}));
  EXPECT_EQ(plan.final_versions, Ids({"y1", "x1"}));
}

TEST(PlanDowngrade, LabelBaseRevertsThatBranchOnly) {
  Graph g = labelled();
  Plan plan = plan_downgrade(g, {"k2", "s2"}, "shop@base");
  EXPECT_EQ(steps_of(plan), Ids({"down s2: -s2 +s1", "down s1: -s1"}));
  EXPECT_EQ(plan.final_versions, Ids({"k2"}));
}

TEST(PlanDowngrade, LabelBaseOfABranchNotAppliedIsAnEmptyPlan) {
  Graph g = labelled();
  Plan plan = plan_downgrade(g, {"k0"}, "shop@base");
  EXPECT_TRUE(plan.steps.empty());
  EXPECT_EQ(plan.final_versions, Ids({"k0"}));
}

TEST(PlanDowngrade, BaseIgnoresDependenciesOfRoots) {
  Graph g = graph_of({Rev("aaaa"), Rev("bbbb").depends({"aaaa"})});
  Plan plan = plan_downgrade(g, {"bbbb"}, "base");
  EXPECT_EQ(steps_of(plan), Ids({"down bbbb: -bbbb +aaaa", "down aaaa: -aaaa"}));
  EXPECT_TRUE(plan.final_versions.empty());
}

TEST(PlanDowngrade, LabelMinusOneStepsBackOnThatBranch) {
  Graph g = labelled();
  Plan plan = plan_downgrade(g, {"k2", "s2"}, "shop@-1");
  EXPECT_EQ(steps_of(plan), Ids({"down s2: -s2 +s1"}));
  EXPECT_EQ(plan.final_versions, Ids({"k2", "s1"}));
  EXPECT_THAT(graph_error_from([] { plan_downgrade(labelled(), {"k2", "s2"}, "-1"); }),
              HasSubstr("the database is at several (k2, s2)"));
}

// The branch's tip c2 has no row of its own (a2's stands for it), yet c1 and
// c2 are applied: the step counts from c2, and reverting c2 reverts a2 first.
TEST(PlanDowngrade, LabelMinusOneCountsFromABranchTipWhoseRowADependantAbsorbed) {
  Graph g = absorbed_branch();
  Plan plan = plan_downgrade(g, {"a2", "b1"}, "other@-1");
  EXPECT_EQ(steps_of(plan), Ids({"down a2: -a2 +a1 +c2", "down c2: -c2 +c1"}));
  EXPECT_EQ(plan.final_versions, Ids({"c1", "a1", "b1"}));
  EXPECT_EQ(steps_of(plan_downgrade(g, {"a2", "b1"}, "other@-2")),
            Ids({"down a2: -a2 +a1 +c2", "down c2: -c2 +c1", "down c1: -c1"}));
  EXPECT_EQ(steps_of(plan_downgrade(g, {"a2", "b1"}, "feat@-1")), Ids({"down b1: -b1"}));
}

TEST(PlanDowngrade, LabelCurrentOfABranchWhoseRowADependantAbsorbedRevertsNothing) {
  Plan plan = plan_downgrade(absorbed_branch(), {"a2", "b1"}, "other@current");
  EXPECT_TRUE(plan.steps.empty()) << ::testing::PrintToString(steps_of(plan));
  EXPECT_EQ(plan.final_versions, Ids({"a2", "b1"}));
}

TEST(PlanDowngrade, ToABranchPointRevertsEveryBranchAboveIt) {
  Graph g = labelled();
  Plan plan = plan_downgrade(g, {"k2", "s2"}, "k1");
  EXPECT_EQ(steps_of(plan), Ids({"down s2: -s2 +s1", "down s1: -s1", "down k2: -k2 +k1"}));
  EXPECT_EQ(plan.final_versions, Ids({"k1"}));
}

TEST(PlanDowngrade, UnknownAndRedundantRowsAreRefused) {
  EXPECT_THAT(graph_error_from([] { plan_downgrade(chain(), {"gone"}, "base"); }), HasSubstr("which no provider knows"));
  EXPECT_THAT(graph_error_from([] { plan_downgrade(chain(), {"c2", "c4"}, "base"); }),
              HasSubstr("lists both 'c2' and its descendant 'c4'"));
}

}  // namespace
}  // namespace host::testing
