// `retort stamp TARGET`: the version rows as if the database had moved to
// the target, without running anything.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

TEST(Stamp, EmptyDatabaseToARevisionHasThatRow) {
  EXPECT_EQ(stamp_versions(chain(), {}, "c2"), Ids({"c2"}));
  EXPECT_EQ(stamp_versions(chain(), {}, "head"), Ids({"c4"}));
}

TEST(Stamp, MovesTheRowDownOrUp) {
  EXPECT_EQ(stamp_versions(chain(), {"c4"}, "c2"), Ids({"c2"}));
  EXPECT_EQ(stamp_versions(chain(), {"c2"}, "heads"), Ids({"c4"}));
}

TEST(Stamp, BaseLeavesNoRows) {
  EXPECT_EQ(stamp_versions(chain(), {"c4"}, "base"), Ids{});
  EXPECT_EQ(stamp_versions(two_roots(), {"x2", "y2"}, "base"), Ids{});
}

TEST(Stamp, RelativeTargetsCountFromTheRows) {
  EXPECT_EQ(stamp_versions(chain(), {"c2"}, "+1"), Ids({"c3"}));
  EXPECT_EQ(stamp_versions(chain(), {"c2"}, "-1"), Ids({"c1"}));
  EXPECT_EQ(stamp_versions(chain(), {"c1"}, "-1"), Ids{});
}

TEST(Stamp, RowsOnUnrelatedBranchesStay) {
  EXPECT_EQ(stamp_versions(two_roots(), {"x2", "y2"}, "x1"), Ids({"x1", "y2"}));
  EXPECT_EQ(stamp_versions(two_roots(), {"x2"}, "y1"), Ids({"x2", "y1"}));
  EXPECT_EQ(stamp_versions(graph_of(three_branches()), {"ta"}, "tb"), Ids({"ta", "tb"}));
}

TEST(Stamp, OneBranchOfAMergeMatchesWhatDowngradeLeaves) {
  EXPECT_EQ(stamp_versions(diamond(), {"dn"}, "da1"), plan_downgrade(diamond(), {"dn"}, "da1").final_versions);
  EXPECT_EQ(stamp_versions(diamond(), {"da2", "db1"}, "dm"), Ids({"dm"}));
}

TEST(Stamp, HeadsWithADependencyKeepsOnlyTheDependantsRow) {
  EXPECT_EQ(stamp_versions(dependency_across_branches(), {}, "heads"), Ids({"x2"}));
  EXPECT_EQ(stamp_versions(dependency_across_branches(), {}, "heads"),
            plan_upgrade(dependency_across_branches(), {}, "heads").final_versions);
}

TEST(Stamp, LabelBaseRemovesThatBranchsRows) {
  EXPECT_EQ(stamp_versions(labelled(), {"k2", "s2"}, "shop@base"), Ids({"k2"}));
  EXPECT_EQ(stamp_versions(labelled(), {"k0"}, "shop@base"), Ids({"k0"}));
}

TEST(Stamp, RepairsRowsThatAreAncestorsOfOtherRows) {
  EXPECT_EQ(stamp_versions(chain(), {"c1", "c3"}, "current"), Ids({"c3"}));
  EXPECT_EQ(stamp_versions(chain(), {"c1", "c3"}, "c4"), Ids({"c4"}));
}

TEST(Stamp, UnknownRowIsRefusedUnlessPurgedFirst) {
  EXPECT_THAT(graph_error_from([] { stamp_versions(chain(), {"gone"}, "head"); }),
              HasSubstr("the database is at revision 'gone', which no provider knows"));
  EXPECT_EQ(stamp_versions(chain(), {}, "head"), Ids({"c4"}));
}

TEST(Stamp, SeveralHeadsRefuseHead) {
  EXPECT_THAT(graph_error_from([] { stamp_versions(graph_of(three_branches()), {}, "head"); }),
              HasSubstr("several heads"));
  EXPECT_EQ(stamp_versions(graph_of(three_branches()), {}, "heads"), Ids({"ta", "tb", "tc"}));
}

}  // namespace
}  // namespace host::testing
