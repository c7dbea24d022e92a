// Branch labels name the branch starting where they are declared.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

TEST(BranchLabels, AreListedSorted) { EXPECT_EQ(labelled().branch_labels(), Ids({"core", "shop"})); }

TEST(BranchLabels, RootIsTheDeclaringRevision) {
  Graph g = labelled();
  EXPECT_EQ(g.find_branch_root("shop")->id, "s1");
  EXPECT_EQ(g.find_branch_root("core")->id, "k0");
  EXPECT_EQ(g.find_branch_root("nope"), nullptr);
}

TEST(BranchLabels, BranchHeadsAreTheHeadsDescendingFromTheRoot) {
  Graph g = labelled();
  EXPECT_EQ(g.branch_heads("shop"), Ids({"s2"}));
  EXPECT_EQ(g.branch_heads("core"), Ids({"k2", "s2"}));
  EXPECT_EQ(graph_error_from([&] { g.branch_heads("nope"); }), "unknown branch label 'nope'");
}

TEST(BranchLabels, MembershipFollowsDownRevisionsFromTheRootOnly) {
  Graph g = labelled();
  EXPECT_TRUE(g.is_on_branch("s2", "shop"));
  EXPECT_TRUE(g.is_on_branch("s1", "shop"));
  EXPECT_FALSE(g.is_on_branch("k1", "shop"));
  EXPECT_FALSE(g.is_on_branch("k2", "shop"));
  EXPECT_TRUE(g.is_on_branch("s2", "core"));
}

TEST(BranchLabels, LabelsMayContainDashes) {
  Graph g = graph_of({Rev("aaaa").labels({"my-branch_2"})});
  EXPECT_EQ(g.branch_heads("my-branch_2"), Ids({"aaaa"}));
}

}  // namespace
}  // namespace host::testing
