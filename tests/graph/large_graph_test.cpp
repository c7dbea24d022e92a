// A 100,000-revision chain: every walk is iterative, so building, planning
// and listing it must work (this checks results only; speed is bench/'s job).
#include <gmock/gmock.h>

#include <cstdio>

#include "fixtures.hpp"

namespace host::testing {
namespace {

constexpr int chain_length = 100000;

std::string id_of(int i) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "r%06d", i);
  return buffer;
}

// Listed newest first, so the graph cannot rely on the input being sorted.
Graph long_chain() {
  std::vector<Revision> revisions;
  revisions.reserve(chain_length);
  for (int i = chain_length - 1; i >= 0; --i) {
    Revision r;
    r.id = id_of(i);
    if (i > 0) r.down_revisions = {id_of(i - 1)};
    revisions.push_back(std::move(r));
  }
  return Graph(std::move(revisions));
}

TEST(LargeGraph, HundredThousandRevisionChainBuildsWithOneHeadAndBase) {
  Graph g = long_chain();
  EXPECT_EQ(g.size(), static_cast<std::size_t>(chain_length));
  EXPECT_EQ(g.heads(), Ids({id_of(chain_length - 1)}));
  EXPECT_EQ(g.bases(), Ids({id_of(0)}));
  std::vector<std::string> order = g.topological_order();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(chain_length));
  for (int i = 0; i < chain_length; ++i) ASSERT_EQ(order[i], id_of(i));
  EXPECT_EQ(g.ancestors(id_of(chain_length - 1)).size(), static_cast<std::size_t>(chain_length - 1));
}

TEST(LargeGraph, HundredThousandRevisionChainPlansUpAndDown) {
  Graph g = long_chain();
  Plan up = plan_upgrade(g, {}, "head");
  ASSERT_EQ(up.steps.size(), static_cast<std::size_t>(chain_length));
  EXPECT_EQ(up.steps.front().revision->id, id_of(0));
  EXPECT_EQ(up.steps.back().revision->id, id_of(chain_length - 1));
  EXPECT_EQ(Ids(up.steps.back().versions_removed.begin(), up.steps.back().versions_removed.end()),
            Ids({id_of(chain_length - 2)}));
  EXPECT_EQ(up.final_versions, Ids({id_of(chain_length - 1)}));

  Plan down = plan_downgrade(g, up.final_versions, "base");
  ASSERT_EQ(down.steps.size(), static_cast<std::size_t>(chain_length));
  EXPECT_EQ(down.steps.front().revision->id, id_of(chain_length - 1));
  EXPECT_TRUE(down.final_versions.empty());

  EXPECT_EQ(plan_downgrade(g, up.final_versions, "-99999").final_versions, Ids({id_of(0)}));
  EXPECT_EQ(stamp_versions(g, {}, "base+50000"), Ids({id_of(49999)}));
  EXPECT_EQ(history_range(g, "-10:current", {id_of(500)}).size(), 10u);
}

TEST(LargeGraph, HundredThousandRevisionCycleIsReportedNotOverflowed) {
  std::vector<Revision> revisions;
  for (int i = 0; i < chain_length; ++i) {
    Revision r;
    r.id = id_of(i);
    r.down_revisions = {id_of((i + 1) % chain_length)};
    revisions.push_back(std::move(r));
  }
  EXPECT_THAT(graph_error_from([&] { Graph g(std::move(revisions)); }), ::testing::HasSubstr("100000 revisions"));
}

}  // namespace
}  // namespace host::testing
