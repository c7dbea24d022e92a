// Revisions are named by full id or by a unique prefix of 4+ characters.
#include <gmock/gmock.h>

#include "fixtures.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;

Graph hex_ids() {
  return graph_of({Rev("1a2b3c4d5e6f"), Rev("1a2b3c000000").down({"1a2b3c4d5e6f"}), Rev("ffee00112233").down({"1a2b3c000000"}),
                   Rev("abc").down({"ffee00112233"})});
}

TEST(ResolveId, ExactIdResolvesToItself) { EXPECT_EQ(hex_ids().resolve_id("1a2b3c4d5e6f"), "1a2b3c4d5e6f"); }

TEST(ResolveId, UniquePrefixOfFourOrMoreResolvesToTheFullId) {
  EXPECT_EQ(hex_ids().resolve_id("ffee"), "ffee00112233");
  EXPECT_EQ(hex_ids().resolve_id("1a2b3c4"), "1a2b3c4d5e6f");
}

TEST(ResolveId, ExactIdShorterThanFourCharactersStillResolves) { EXPECT_EQ(hex_ids().resolve_id("abc"), "abc"); }

TEST(ResolveId, AmbiguousPrefixListsTheMatches) {
  EXPECT_EQ(graph_error_from([] { hex_ids().resolve_id("1a2b"); }),
            "ambiguous revision prefix '1a2b' matches 1a2b3c000000, 1a2b3c4d5e6f");
}

TEST(ResolveId, AmbiguousPrefixWithManyMatchesListsAFewAndTheCount) {
  std::vector<Revision> revisions;
  for (int i = 0; i < 20; ++i) revisions.push_back(Rev("beef" + std::to_string(100 + i)));
  std::string message = graph_error_from([&] { graph_of(revisions).resolve_id("beef"); });
  EXPECT_THAT(message, HasSubstr("beef100, beef101"));
  EXPECT_THAT(message, HasSubstr("(20 in all)"));
}

TEST(ResolveId, PrefixShorterThanFourCharactersIsRefused) {
  EXPECT_THAT(graph_error_from([] { hex_ids().resolve_id("ffe"); }),
              HasSubstr("revision prefix 'ffe' is too short: give at least 4 characters"));
}

TEST(ResolveId, UnknownIdOrPrefixIsRefused) {
  EXPECT_EQ(graph_error_from([] { hex_ids().resolve_id("dead"); }), "unknown revision 'dead'");
  EXPECT_EQ(graph_error_from([] { hex_ids().resolve_id("1a2b3c4d5e6f0"); }), "unknown revision '1a2b3c4d5e6f0'");
  EXPECT_EQ(graph_error_from([] { hex_ids().resolve_id(""); }), "unknown revision ''");
}

TEST(ResolveId, PrefixesAreCaseSensitive) {
  EXPECT_EQ(graph_error_from([] { hex_ids().resolve_id("FFEE"); }), "unknown revision 'FFEE'");
}

}  // namespace
}  // namespace host::testing
