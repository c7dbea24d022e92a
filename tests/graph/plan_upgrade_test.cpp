// Golden upgrade plans: which revisions, in which order, and what each step
// does to the version table.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

TEST(PlanUpgrade, LinearChainFromEmptyAppliesEverythingMovingOneRow) {
  Graph g = chain();
  Plan plan = plan_upgrade(g, {}, "head");
  EXPECT_EQ(steps_of(plan), Ids({"up c1: +c1", "up c2: -c1 +c2", "up c3: -c2 +c3", "up c4: -c3 +c4"}));
  EXPECT_EQ(plan.final_versions, Ids({"c4"}));
}

TEST(PlanUpgrade, StepsPointAtTheGraphsRevisions) {
  Graph g = chain();
  Plan plan = plan_upgrade(g, {}, "c1");
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_EQ(plan.steps[0].revision, g.find("c1"));
  EXPECT_EQ(plan.steps[0].direction, Direction::upgrade);
}

TEST(PlanUpgrade, StartsFromTheCurrentRow) {
  Graph g = chain();
  Plan plan = plan_upgrade(g, {"c2"}, "heads");
  EXPECT_EQ(steps_of(plan), Ids({"up c3: -c2 +c3", "up c4: -c3 +c4"}));
}

TEST(PlanUpgrade, TargetAlreadyAppliedIsAnEmptyPlan) {
  Plan behind = plan_upgrade(chain(), {"c4"}, "c2");
  EXPECT_TRUE(behind.steps.empty());
  EXPECT_EQ(behind.final_versions, Ids({"c4"}));
  EXPECT_TRUE(plan_upgrade(chain(), {"c4"}, "head").steps.empty());
  EXPECT_TRUE(plan_upgrade(chain(), {"c3"}, "current").steps.empty());
  EXPECT_TRUE(plan_upgrade(chain(), {}, "base").steps.empty());
}

TEST(PlanUpgrade, DiamondAppliesOneBranchThenTheOtherThenTheMerge) {
  Graph g = diamond();
  Plan plan = plan_upgrade(g, {}, "head");
  EXPECT_EQ(steps_of(plan), Ids({"up d0: +d0", "up da1: -d0 +da1", "up da2: -da1 +da2", "up db1: +db1",
                                 "up dm: -da2 -db1 +dm", "up dn: -dm +dn"}));
  EXPECT_EQ(plan.final_versions, Ids({"dn"}));
}

TEST(PlanUpgrade, OneBranchOfADiamondLeavesTheOtherUnapplied) {
  Graph g = diamond();
  Plan plan = plan_upgrade(g, {"da2"}, "db1");
  EXPECT_EQ(steps_of(plan), Ids({"up db1: +db1"}));
  EXPECT_EQ(plan.final_versions, Ids({"da2", "db1"}));
  EXPECT_EQ(steps_of(plan_upgrade(diamond(), plan.final_versions, "head")),
            Ids({"up dm: -da2 -db1 +dm", "up dn: -dm +dn"}));
}

TEST(PlanUpgrade, ThreeHeadsMergedAtOnceDeleteAllThreeRows) {
  Graph g = three_merged();
  Plan plan = plan_upgrade(g, {}, "head");
  EXPECT_EQ(steps_of(plan), Ids({"up t0: +t0", "up ta: -t0 +ta", "up tb: +tb", "up tc: +tc", "up tm: -ta -tb -tc +tm"}));
  EXPECT_EQ(plan.final_versions, Ids({"tm"}));
}

TEST(PlanUpgrade, SeveralHeadsRefuseHeadButAcceptHeads) {
  Graph g = graph_of(three_branches());
  EXPECT_EQ(graph_error_from([&] { plan_upgrade(g, {}, "head"); }),
            "several heads (ta, tb, tc); name one, use 'heads' (as in 'retort upgrade heads'), or join them with 'retort merge heads'");
  Plan plan = plan_upgrade(g, {}, "heads");
  EXPECT_EQ(steps_of(plan), Ids({"up t0: +t0", "up ta: -t0 +ta", "up tb: +tb", "up tc: +tc"}));
  EXPECT_EQ(plan.final_versions, Ids({"ta", "tb", "tc"}));
}

TEST(PlanUpgrade, TwoRootsEachInsertTheirOwnRow) {
  Graph g = two_roots();
  Plan plan = plan_upgrade(g, {}, "heads");
  EXPECT_EQ(steps_of(plan), Ids({"up x1: +x1", "up x2: -x1 +x2", "up y1: +y1", "up y2: -y1 +y2"}));
  EXPECT_EQ(plan.final_versions, Ids({"x2", "y2"}));
}

TEST(PlanUpgrade, DependencyOnAnotherBranchIsAppliedFirstAndItsRowConsumed) {
  Graph g = dependency_across_branches();
  Plan plan = plan_upgrade(g, {}, "x2");
  EXPECT_EQ(steps_of(plan), Ids({"up y1: +y1", "up y2: -y1 +y2", "up x1: +x1", "up x2: -x1 -y2 +x2"}));
  EXPECT_EQ(plan.final_versions, Ids({"x2"}));
}

TEST(PlanUpgrade, DependencyAlreadyAppliedIsNotReapplied) {
  Graph g = dependency_across_branches();
  Plan plan = plan_upgrade(g, {"y2", "x1"}, "heads");
  EXPECT_EQ(steps_of(plan), Ids({"up x2: -x1 -y2 +x2"}));
}

TEST(PlanUpgrade, RelativeStepsFromTheCurrentRow) {
  EXPECT_EQ(steps_of(plan_upgrade(chain(), {"c1"}, "+2")), Ids({"up c2: -c1 +c2", "up c3: -c2 +c3"}));
  EXPECT_EQ(steps_of(plan_upgrade(chain(), {}, "+1")), Ids({"up c1: +c1"}));
  EXPECT_EQ(graph_error_from([] { plan_upgrade(chain(), {"c3"}, "+2"); }), "target '+2': it goes past head 'c4'");
}

TEST(PlanUpgrade, RevisionMinusNStopsJustBeforeIt) {
  EXPECT_EQ(steps_of(plan_upgrade(chain(), {}, "c4-1")), Ids({"up c1: +c1", "up c2: -c1 +c2", "up c3: -c2 +c3"}));
  EXPECT_EQ(steps_of(plan_upgrade(chain(), {}, "c2+1")), Ids({"up c1: +c1", "up c2: -c1 +c2", "up c3: -c2 +c3"}));
}

TEST(PlanUpgrade, BareDownwardStepIsAUsageError) {
  EXPECT_EQ(usage_error_from([] { plan_upgrade(chain(), {"c3"}, "-1"); }),
            "upgrade target '-1' moves down; use 'retort downgrade -1'");
}

TEST(PlanUpgrade, LabelHeadAppliesOnlyWhatThatBranchNeeds) {
  Graph g = labelled();
  Plan plan = plan_upgrade(g, {}, "shop@head");
  EXPECT_EQ(steps_of(plan), Ids({"up k0: +k0", "up k1: -k0 +k1", "up s1: -k1 +s1", "up s2: -s1 +s2"}));
  EXPECT_EQ(steps_of(plan_upgrade(labelled(), {"k2"}, "shop@+1")), Ids({"up s1: +s1"}));
  EXPECT_TRUE(plan_upgrade(labelled(), {"k0"}, "shop@base").steps.empty());
}

// c2 is applied though no row names it (a2's row stands for it).
TEST(PlanUpgrade, LabelPlusOneCountsFromABranchTipWhoseRowADependantAbsorbed) {
  EXPECT_EQ(graph_error_from([] { plan_upgrade(absorbed_branch(), {"a2", "b1"}, "other@+1"); }),
            "target 'other@+1': it goes past head 'c2'");
  std::vector<Revision> longer = absorbed_branch_revisions();
  longer.push_back(Rev("c3").down({"c2"}));
  Graph g = graph_of(longer);
  Plan plan = plan_upgrade(g, {"a2", "b1"}, "other@+1");
  EXPECT_EQ(steps_of(plan), Ids({"up c3: +c3"}));
  EXPECT_EQ(plan.final_versions, Ids({"a2", "b1", "c3"}));
}

// `upgrade FROM:TO --sql`: online, a target below the database is merely
// nothing to do; offline, FROM was chosen by the user, so TO below it is a
// range written backwards (Alembic: "not an ancestor").
TEST(PlanUpgrade, OfflineRangeEndingBelowItsStartIsAGraphErrorNamingBothEnds) {
  EXPECT_EQ(graph_error_from([] { plan_range(chain(), Direction::upgrade, "c3", "c1"); }),
            "upgrade range 'c3:c1' is reversed: 'c1' is below 'c3' (use 'retort downgrade c3:c1 --sql' to go down)");
  EXPECT_THAT(graph_error_from([] { plan_range(chain(), Direction::upgrade, "c3", "base"); }),
              HasSubstr("'base' is below 'c3'"));
  EXPECT_EQ(steps_of(plan_range(chain(), Direction::upgrade, "c2", "c4")), Ids({"up c3: -c2 +c3", "up c4: -c3 +c4"}));
  EXPECT_TRUE(plan_range(chain(), Direction::upgrade, "c2", "c2").steps.empty());
  EXPECT_EQ(steps_of(plan_range(chain(), Direction::downgrade, "c4", "c3")), Ids({"down c4: -c4 +c3"}));
  EXPECT_THAT(graph_error_from([] { plan_range(chain(), Direction::downgrade, "c2", "c4"); }),
              HasSubstr("cannot downgrade to 'c4': it is ahead of the database, which is at 'c2'"));
}

TEST(PlanUpgrade, UnknownVersionRowIsAGraphErrorNamingIt) {
  EXPECT_EQ(graph_error_from([] { plan_upgrade(chain(), {"c2", "gone"}, "head"); }),
            "the database is at revision 'gone', which no provider knows");
  EXPECT_EQ(graph_error_from([] { plan_upgrade(chain(), {"old1", "old2"}, "head"); }),
            "the database is at revisions 'old1', 'old2', which no provider knows");
}

TEST(PlanUpgrade, RowThatIsAnAncestorOfAnotherRowIsRefused) {
  EXPECT_EQ(graph_error_from([] { plan_upgrade(chain(), {"c1", "c3"}, "head"); }),
            "the version table lists both 'c1' and its descendant 'c3'; repair it with 'retort stamp'");
}

TEST(PlanUpgrade, UpgradeOnAnEmptyGraphToHeadsDoesNothing) {
  Plan plan = plan_upgrade(graph_of({}), {}, "heads");
  EXPECT_TRUE(plan.steps.empty());
  EXPECT_TRUE(plan.final_versions.empty());
}

TEST(PlanUpgrade, SiblingOfTheCurrentRowAddsASecondRow) {
  Graph g = graph_of(three_branches());
  Plan plan = plan_upgrade(g, {"ta"}, "tb");
  EXPECT_EQ(steps_of(plan), Ids({"up tb: +tb"}));
  EXPECT_EQ(plan.final_versions, Ids({"ta", "tb"}));
}

}  // namespace
}  // namespace host::testing
