// Repeatable revisions (Flyway's R__ files): kept apart from the graph, so
// no query sees one; checked like any id; appended to a plan only after an
// upgrade to every head.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> ids_of(std::span<const Revision> revisions) {
  std::vector<std::string> ids;
  for (const Revision& r : revisions) ids.push_back(r.id);
  return ids;
}

TEST(GraphRepeatables, AreNoRootHeadOrNodeAndKeepTheOrderGiven) {
  const Graph g = graph_of({Rev("R__views").repeatable(), Rev("c1"), Rev("R__functions").repeatable(),
                            Rev("c2").down({"c1"})});
  EXPECT_EQ(g.size(), 2u);
  EXPECT_THAT(g.heads(), ElementsAre("c2"));
  EXPECT_THAT(g.bases(), ElementsAre("c1"));
  EXPECT_THAT(g.topological_order(), ElementsAre("c1", "c2"));
  EXPECT_THAT(ids_of(g.repeatables()), ElementsAre("R__views", "R__functions"));
  EXPECT_EQ(g.find("R__views"), nullptr);
  ASSERT_NE(g.find_repeatable("R__views"), nullptr);
  EXPECT_EQ(g.find_repeatable("R__views")->id, "R__views");
  EXPECT_EQ(g.find_repeatable("c1"), nullptr);
}

TEST(GraphRepeatables, DuplicateIdsAreRefusedNamingBothOrigins) {
  EXPECT_EQ(graph_error_from([] { graph_of({Rev("R__v").repeatable().from("a.sql"), Rev("R__v").from("b.sql")}); }),
            "duplicate revision id 'R__v' in b.sql and a.sql");
  EXPECT_EQ(graph_error_from([] {
              graph_of({Rev("R__v").repeatable().from("a.sql"), Rev("R__v").repeatable().from("b.sql")});
            }),
            "duplicate revision id 'R__v' in a.sql and b.sql");
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("head").repeatable()}); }), HasSubstr("is reserved"));
}

TEST(GraphRepeatables, HaveNoPlaceInTheGraph) {
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("c1"), Rev("R__v").repeatable().down({"c1"})}); }),
              HasSubstr("repeatable revision 'R__v' (R__v.sql) has down revisions"));
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("R__v").repeatable(), Rev("c1").down({"R__v"})}); }),
              HasSubstr("revision 'c1' (c1.sql) names repeatable revision 'R__v'"));
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("R__v").repeatable(), Rev("c1").depends({"R__v"})}); }),
              HasSubstr("names repeatable revision 'R__v'"));
}

TEST(PlanRepeatables, OnlyHeadAndHeadsReachEveryHead) {
  for (const char* target : {"head", "heads"}) EXPECT_TRUE(upgrades_to_every_head(target)) << target;
  for (const char* target : {"c2", "shop@head", "head-1", "+1", "base", "current"})
    EXPECT_FALSE(upgrades_to_every_head(target)) << target;
}

TEST(PlanRepeatables, AreAppendedAfterTheVersionsMovingNoRow) {
  const Graph g = graph_of({Rev("c1"), Rev("c2").down({"c1"}), Rev("R__a").repeatable()});
  Plan plan = plan_upgrade(g, {}, "head");
  append_repeatables(plan, {&g.repeatables()[0]});
  ASSERT_EQ(plan.steps.size(), 3u);
  EXPECT_EQ(plan.steps[2].revision->id, "R__a");
  EXPECT_EQ(plan.steps[2].direction, Direction::upgrade);
  EXPECT_TRUE(plan.steps[2].versions_removed.empty());
  EXPECT_TRUE(plan.steps[2].versions_added.empty());
  EXPECT_THAT(plan.final_versions, ElementsAre("c2"));
}

TEST(PlanRepeatables, AGraphOfRepeatablesOnlyIsAtItsHeadsAlready) {
  const Graph g = graph_of({Rev("R__a").repeatable()});
  EXPECT_TRUE(plan_upgrade(g, {}, "head").steps.empty());
  EXPECT_TRUE(plan_upgrade(g, {}, "heads").steps.empty());
  // Without any revision at all, head still names nothing.
  EXPECT_THAT(graph_error_from([] { plan_upgrade(graph_of({}), {}, "head"); }), HasSubstr("no revisions"));
}

}  // namespace
}  // namespace host::testing
