// Heads, bases, branch points, children, ancestors and the orders the CLI
// prints, on the shared graphs.
#include <gmock/gmock.h>

#include <algorithm>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(GraphShape, LinearChainHasOneHeadOneBaseNoBranchPoint) {
  Graph g = chain();
  EXPECT_EQ(g.size(), 4u);
  EXPECT_EQ(g.heads(), Ids({"c4"}));
  EXPECT_EQ(g.bases(), Ids({"c1"}));
  EXPECT_TRUE(g.branch_points().empty());
}

TEST(GraphShape, DiamondHasItsForkAsBranchPointAndOneHead) {
  Graph g = diamond();
  EXPECT_EQ(g.heads(), Ids({"dn"}));
  EXPECT_EQ(g.bases(), Ids({"d0"}));
  EXPECT_EQ(g.branch_points(), Ids({"d0"}));
  EXPECT_EQ(g.children("d0"), Ids({"da1", "db1"}));
  EXPECT_EQ(g.children("dm"), Ids({"dn"}));
  EXPECT_TRUE(g.children("dn").empty());
}

TEST(GraphShape, UnmergedBranchesAreSeveralHeadsInTopologicalOrder) {
  Graph g = graph_of(three_branches());
  EXPECT_EQ(g.heads(), Ids({"ta", "tb", "tc"}));
  EXPECT_EQ(g.branch_points(), Ids({"t0"}));
}

TEST(GraphShape, TwoRootsAreTwoBases) {
  Graph g = two_roots();
  EXPECT_EQ(g.bases(), Ids({"x1", "y1"}));
  EXPECT_EQ(g.heads(), Ids({"x2", "y2"}));
}

TEST(GraphShape, DependencyDoesNotMakeAChildSoItsTargetStaysAHead) {
  Graph g = dependency_across_branches();
  EXPECT_TRUE(g.children("y2").empty());
  EXPECT_EQ(g.heads(), Ids({"y2", "x2"}));  // y2 is listed first: x2 needs it
  EXPECT_TRUE(g.branch_points().empty());
}

TEST(GraphShape, TopologicalOrderPutsDependenciesThenParentsFirstAndKeepsEachHeadsLineTogether) {
  EXPECT_EQ(diamond().topological_order(), Ids({"d0", "da1", "da2", "db1", "dm", "dn"}));
  EXPECT_EQ(two_roots().topological_order(), Ids({"x1", "x2", "y1", "y2"}));
  EXPECT_EQ(dependency_across_branches().topological_order(), Ids({"y1", "y2", "x1", "x2"}));
}

TEST(GraphShape, OrdersDoNotDependOnTheOrderProvidersListedRevisions) {
  std::vector<Revision> revisions{Rev("d0"), Rev("da1").down({"d0"}), Rev("da2").down({"da1"}), Rev("db1").down({"d0"}),
                                  Rev("dm").down({"da2", "db1"}), Rev("dn").down({"dm"})};
  const Ids expected = diamond().topological_order();
  std::sort(revisions.begin(), revisions.end(), [](const Revision& a, const Revision& b) { return a.id < b.id; });
  do {
    Graph g = graph_of(revisions);
    ASSERT_EQ(g.topological_order(), expected);
    ASSERT_EQ(g.children("d0"), Ids({"da1", "db1"}));
  } while (std::next_permutation(revisions.begin(), revisions.end(),
                                 [](const Revision& a, const Revision& b) { return a.id < b.id; }));
}

TEST(GraphShape, HistoryOrderIsNewestFirst) {
  EXPECT_EQ(ids_of(chain().history_order()), Ids({"c4", "c3", "c2", "c1"}));
  EXPECT_EQ(ids_of(diamond().history_order()), Ids({"dn", "dm", "db1", "da2", "da1", "d0"}));
}

TEST(GraphShape, AncestorsFollowDownRevisionsAndDependencies) {
  EXPECT_EQ(diamond().ancestors("dn"), Ids({"d0", "da1", "da2", "db1", "dm"}));
  EXPECT_EQ(diamond().ancestors("d0"), Ids{});
  EXPECT_EQ(dependency_across_branches().ancestors("x2"), Ids({"y1", "y2", "x1"}));
}

TEST(GraphShape, AncestorsOfRowsIncludeTheRowsThemselves) {
  EXPECT_EQ(diamond().ancestors_of({"da2", "db1"}), Ids({"d0", "da1", "da2", "db1"}));
  EXPECT_EQ(chain().ancestors_of({}), Ids{});
}

TEST(GraphShape, AncestorsOfAnUnknownRowIsAGraphError) {
  EXPECT_THAT(graph_error_from([] { chain().ancestors_of({"c2", "zz"}); }), HasSubstr("unknown revision 'zz'"));
}

TEST(GraphShape, FindReturnsNullForUnknownAndAtThrows) {
  Graph g = chain();
  ASSERT_NE(g.find("c2"), nullptr);
  EXPECT_EQ(g.find("c2")->id, "c2");
  EXPECT_EQ(g.find("c2")->origin, "c2.sql");
  EXPECT_EQ(g.find("c"), nullptr);
  EXPECT_EQ(g.at("c3").down_revisions, Ids({"c2"}));
  EXPECT_EQ(graph_error_from([&] { g.at("nope"); }), "unknown revision 'nope'");
  EXPECT_EQ(graph_error_from([&] { g.children("nope"); }), "unknown revision 'nope'");
}

TEST(GraphShape, ProviderAndIndexAreCarriedThroughUntouched) {
  Revision r = Rev("aaaa");
  r.provider = 3;
  r.index = 7;
  r.transactional = false;
  Graph g = graph_of({r});
  EXPECT_EQ(g.at("aaaa").provider, 3u);
  EXPECT_EQ(g.at("aaaa").index, 7u);
  EXPECT_FALSE(g.at("aaaa").transactional);
}

TEST(GraphShape, GraphCanBeMovedAndStillFindsById) {
  Graph moved = chain();
  Graph g = std::move(moved);
  EXPECT_EQ(g.at("c2").id, "c2");
  EXPECT_EQ(g.resolve_id("c4"), "c4");
}

}  // namespace
}  // namespace host::testing
