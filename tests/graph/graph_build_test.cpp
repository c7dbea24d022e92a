// Building a graph refuses everything that cannot be migrated, with one line
// naming the revisions involved and where they are defined.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(GraphBuild, DuplicateIdNamesBothOrigins) {
  std::string message = graph_error_from([] { graph_of({Rev("aaaa").from("one.sql"), Rev("aaaa").from("two.sql")}); });
  EXPECT_EQ(message, "duplicate revision id 'aaaa' in one.sql and two.sql");
}

TEST(GraphBuild, IdWithForbiddenCharactersIsRefusedWithItsOrigin) {
  std::string message = graph_error_from([] { graph_of({Rev("bad-id").from("plugin.so")}); });
  EXPECT_THAT(message, AllOf(HasSubstr("invalid revision id 'bad-id' (plugin.so)"), HasSubstr("64")));
}

TEST(GraphBuild, EmptyIdIsRefused) {
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("")}); }), HasSubstr("invalid revision id ''"));
}

TEST(GraphBuild, IdOfSixtyFourCharactersIsAcceptedAndSixtyFiveRefused) {
  EXPECT_EQ(graph_of({Rev(std::string(64, 'a'))}).size(), 1u);
  EXPECT_THAT(graph_error_from([] { graph_of({Rev(std::string(65, 'a'))}); }), HasSubstr("invalid revision id"));
}

TEST(GraphBuild, ControlCharactersInAnIdAreEscapedSoTheMessageStaysOneLine) {
  std::string message = graph_error_from([] { graph_of({Rev("a\nb")}); });
  EXPECT_THAT(message, HasSubstr("'a\\x0ab'"));
}

TEST(GraphBuild, TargetKeywordsCannotBeIds) {
  for (const char* word : {"head", "heads", "base", "current"})
    EXPECT_THAT(graph_error_from([&] { graph_of({Rev(word)}); }), HasSubstr("is reserved")) << word;
}

TEST(GraphBuild, UnknownDownRevisionNamesTheRevisionItsOriginAndTheMissingName) {
  std::string message = graph_error_from([] { graph_of({Rev("aaaa"), Rev("bbbb").down({"zzzz"}).from("b.sql")}); });
  EXPECT_EQ(message, "revision 'bbbb' (b.sql) names unknown down revision 'zzzz'");
}

TEST(GraphBuild, UnknownDependencyNamesTheRevisionItsOriginAndTheMissingName) {
  std::string message = graph_error_from([] { graph_of({Rev("aaaa"), Rev("bbbb").depends({"zzzz"}).from("b.sql")}); });
  EXPECT_EQ(message, "revision 'bbbb' (b.sql) depends on unknown revision 'zzzz'");
}

TEST(GraphBuild, DownRevisionNamedTwiceIsRefused) {
  std::string message = graph_error_from([] { graph_of({Rev("aaaa"), Rev("bbbb").down({"aaaa", "aaaa"})}); });
  EXPECT_THAT(message, HasSubstr("names down revision 'aaaa' twice"));
}

TEST(GraphBuild, DependencyThatIsAlsoADownRevisionAddsNothing) {
  Graph g = graph_of({Rev("aaaa"), Rev("bbbb").down({"aaaa"}).depends({"aaaa", "aaaa"})});
  EXPECT_EQ(g.parent_nodes(*g.find_node("bbbb")).size(), 1u);
  EXPECT_TRUE(g.dependency_nodes(*g.find_node("bbbb")).empty());
}

TEST(GraphBuild, CycleThroughDownRevisionsNamesEveryRevisionOnIt) {
  std::string message = graph_error_from(
      [] { graph_of({Rev("aaaa").down({"cccc"}), Rev("bbbb").down({"aaaa"}), Rev("cccc").down({"bbbb"})}); });
  EXPECT_THAT(message, AllOf(HasSubstr("cycle"), HasSubstr("'aaaa' (aaaa.sql)"), HasSubstr("'bbbb' (bbbb.sql)"),
                             HasSubstr("'cccc' (cccc.sql)")));
}

TEST(GraphBuild, RevisionThatIsItsOwnDownRevisionIsACycle) {
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("aaaa").down({"aaaa"})}); }),
              AllOf(HasSubstr("cycle"), HasSubstr("'aaaa' (aaaa.sql) needs 'aaaa'")));
}

TEST(GraphBuild, CycleThroughADependencyIsRefused) {
  std::string message =
      graph_error_from([] { graph_of({Rev("aaaa").depends({"bbbb"}), Rev("bbbb").down({"aaaa"})}); });
  EXPECT_THAT(message, AllOf(HasSubstr("cycle"), HasSubstr("aaaa"), HasSubstr("bbbb")));
}

TEST(GraphBuild, CycleBelowAHeadIsFoundAndTheHeadIsNotBlamed) {
  std::string message = graph_error_from([] {
    graph_of({Rev("aaaa").down({"bbbb"}), Rev("bbbb").down({"aaaa"}), Rev("head1").down({"aaaa"})});
  });
  EXPECT_THAT(message, AllOf(HasSubstr("cycle"), HasSubstr("aaaa"), HasSubstr("bbbb")));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("head1")));
}

TEST(GraphBuild, LongCycleIsNamedOnOneShortLine) {
  std::vector<Revision> revisions;
  for (int i = 0; i < 1000; ++i) revisions.push_back(Rev("r" + std::to_string(i)).down({"r" + std::to_string((i + 1) % 1000)}));
  std::string message = graph_error_from([&] { graph_of(revisions); });
  EXPECT_THAT(message, AllOf(HasSubstr("cycle"), HasSubstr("1000 revisions")));
  EXPECT_LT(message.size(), 1000u);
}

TEST(GraphBuild, SameLabelOnTwoSeparateBranchesNamesBothRevisions) {
  std::string message = graph_error_from([] {
    graph_of({Rev("aaaa").labels({"shop"}), Rev("bbbb").labels({"shop"})});
  });
  EXPECT_EQ(message,
            "branch label 'shop' is declared on 'aaaa' (aaaa.sql) and on 'bbbb' (bbbb.sql), which are not on one branch");
}

TEST(GraphBuild, SameLabelOnSiblingBranchesIsRefused) {
  std::string message = graph_error_from([] {
    graph_of({Rev("root"), Rev("left").down({"root"}).labels({"x"}), Rev("right").down({"root"}).labels({"x"})});
  });
  EXPECT_THAT(message, AllOf(HasSubstr("'x'"), HasSubstr("left"), HasSubstr("right")));
}

TEST(GraphBuild, SameLabelAgainFurtherAlongItsBranchIsAccepted) {
  Graph g = graph_of({Rev("aaaa").labels({"shop"}), Rev("bbbb").down({"aaaa"}).labels({"shop", "shop"})});
  ASSERT_NE(g.find_branch_root("shop"), nullptr);
  EXPECT_EQ(g.find_branch_root("shop")->id, "aaaa");
}

TEST(GraphBuild, InvalidBranchLabelIsRefusedWithItsRevision) {
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("aaaa").labels({"has space"})}); }),
              AllOf(HasSubstr("invalid branch label 'has space'"), HasSubstr("'aaaa' (aaaa.sql)")));
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("aaaa").labels({"a@b"})}); }), HasSubstr("invalid branch label"));
}

TEST(GraphBuild, BranchLabelThatIsAlsoARevisionIdIsRefused) {
  EXPECT_THAT(graph_error_from([] { graph_of({Rev("aaaa"), Rev("bbbb").labels({"aaaa"})}); }),
              HasSubstr("branch label 'aaaa' on revision 'bbbb' (bbbb.sql) is also a revision id"));
}

TEST(GraphBuild, EmptyGraphIsValid) {
  Graph g = graph_of({});
  EXPECT_EQ(g.size(), 0u);
  EXPECT_TRUE(g.heads().empty());
  EXPECT_TRUE(g.topological_order().empty());
}

}  // namespace
}  // namespace host::testing
