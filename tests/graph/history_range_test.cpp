// `retort history -r FROM:TO`: both ends included, newest first.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

Ids range(const Graph& g, std::string_view r, const Ids& current = {}) { return ids_of(history_range(g, r, current)); }

TEST(HistoryRange, BaseToHeadIsEverythingNewestFirst) {
  EXPECT_EQ(range(chain(), "base:head"), Ids({"c4", "c3", "c2", "c1"}));
  EXPECT_EQ(range(chain(), ":"), Ids({"c4", "c3", "c2", "c1"}));
  EXPECT_EQ(range(chain(), "base:heads"), ids_of(chain().history_order()));
}

TEST(HistoryRange, RevisionColonIsThatRevisionAndEverythingAfter) {
  EXPECT_EQ(range(chain(), "c3:"), Ids({"c4", "c3"}));
  EXPECT_EQ(range(diamond(), "da1:"), Ids({"dn", "dm", "da2", "da1"}));
}

TEST(HistoryRange, ColonRevisionIsThatRevisionAndEverythingBefore) {
  EXPECT_EQ(range(chain(), ":c2"), Ids({"c2", "c1"}));
  EXPECT_EQ(range(diamond(), ":dm"), Ids({"dm", "db1", "da2", "da1", "d0"}));
}

TEST(HistoryRange, BetweenTwoRevisionsIncludesBoth) {
  EXPECT_EQ(range(chain(), "c2:c3"), Ids({"c3", "c2"}));
  EXPECT_EQ(range(chain(), "c2:c2"), Ids({"c2"}));
}

// Alembic: "Revision c3 is not an ancestor of revision c2".
TEST(HistoryRange, ReversedRangeIsAGraphErrorNamingBothEnds) {
  EXPECT_EQ(graph_error_from([] { range(chain(), "c3:c2"); }),
            "history range 'c3:c2' is reversed or disjoint: 'c3' is neither 'c2' nor one of its ancestors");
  EXPECT_THAT(graph_error_from([] { range(diamond(), "da2:db1"); }),
              HasSubstr("'da2' is neither 'db1' nor one of its ancestors"));
  EXPECT_THAT(graph_error_from([] { range(chain(), "current:c2", {"c4"}); }),
              HasSubstr("'current' (c4) is neither 'c2' nor one of its ancestors"));
  EXPECT_THAT(graph_error_from([] { range(chain(), "c2:base"); }), HasSubstr("'c2' is neither 'base' nor"));
}

TEST(HistoryRange, EmptyRangeFromBaseIsNotAnError) {
  EXPECT_TRUE(range(chain(), "base:base").empty());
  EXPECT_TRUE(range(chain(), ":current").empty());
  EXPECT_TRUE(range(graph_of({}), ":").empty());
}

TEST(HistoryRange, CurrentToHeadsIsWhatIsAppliedLastAndWhatIsPending) {
  EXPECT_EQ(range(chain(), "current:heads", {"c2"}), Ids({"c4", "c3", "c2"}));
  EXPECT_EQ(range(chain(), "current:heads"), Ids({"c4", "c3", "c2", "c1"}));
  EXPECT_EQ(range(chain(), ":current", {"c2"}), Ids({"c2", "c1"}));
}

TEST(HistoryRange, MinusNToCurrentIsTheNNewestAppliedRevisions) {
  EXPECT_EQ(range(chain(), "-1:current", {"c3"}), Ids({"c3"}));
  EXPECT_EQ(range(chain(), "-2:current", {"c3"}), Ids({"c3", "c2"}));
  EXPECT_EQ(range(chain(), "-3:current", {"c3"}), Ids({"c3", "c2", "c1"}));
}

TEST(HistoryRange, LabelEnds) {
  EXPECT_EQ(range(labelled(), "shop@base:shop@head"), Ids({"s2", "s1"}));
  EXPECT_EQ(range(labelled(), ":shop@head"), Ids({"s2", "s1", "k1", "k0"}));
}

TEST(HistoryRange, RangeWithoutOneColonIsAUsageError) {
  EXPECT_THAT(usage_error_from([] { range(chain(), "c2"); }), HasSubstr("use FROM:TO, FROM: or :TO"));
  EXPECT_THAT(usage_error_from([] { range(chain(), "c1:c2:c3"); }), HasSubstr("invalid history range"));
}

TEST(HistoryRange, BadEndsAreReportedLikeTargets) {
  EXPECT_THAT(graph_error_from([] { range(chain(), "zzzz:"); }), HasSubstr("unknown revision 'zzzz'"));
  EXPECT_THAT(usage_error_from([] { range(chain(), "+x:"); }), HasSubstr("invalid target '+x'"));
}

TEST(HistoryRange, OnlyARangeThatMentionsTheDatabaseChecksItsRows) {
  EXPECT_EQ(range(chain(), "c3:", {"gone"}), Ids({"c4", "c3"}));
  EXPECT_THAT(graph_error_from([] { range(chain(), "current:", {"gone"}); }), HasSubstr("which no provider knows"));
}

}  // namespace
}  // namespace host::testing
