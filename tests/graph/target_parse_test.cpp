// The target grammar: what parses, and what is refused as a usage error.
#include <gmock/gmock.h>

#include "fixtures.hpp"
#include "host/plan/target.hpp"

namespace host::testing {
namespace {

using ::testing::HasSubstr;
using Anchor = TargetSpec::Anchor;

TEST(TargetParse, KeywordsAreAnchors) {
  EXPECT_EQ(parse_target("head").anchor, Anchor::head);
  EXPECT_EQ(parse_target("heads").anchor, Anchor::heads);
  EXPECT_EQ(parse_target("base").anchor, Anchor::base);
  EXPECT_EQ(parse_target("current").anchor, Anchor::current);
}

TEST(TargetParse, IdOrPrefixIsARevisionAnchor) {
  TargetSpec t = parse_target("1a2b");
  EXPECT_EQ(t.anchor, Anchor::revision);
  EXPECT_EQ(t.revision, "1a2b");
  EXPECT_EQ(t.steps, 0);
  EXPECT_EQ(t.text, "1a2b");
}

TEST(TargetParse, BareStepsCountFromCurrent) {
  TargetSpec up = parse_target("+3");
  EXPECT_EQ(up.anchor, Anchor::current);
  EXPECT_EQ(up.steps, 3);
  EXPECT_TRUE(up.is_relative_to_current());
  EXPECT_EQ(parse_target("-2").steps, -2);
  EXPECT_FALSE(parse_target("current").is_relative_to_current());
}

TEST(TargetParse, RevisionWithSteps) {
  TargetSpec t = parse_target("1a2b-2");
  EXPECT_EQ(t.anchor, Anchor::revision);
  EXPECT_EQ(t.revision, "1a2b");
  EXPECT_EQ(t.steps, -2);
  EXPECT_FALSE(t.is_relative_to_current());
  EXPECT_EQ(parse_target("head-1").anchor, Anchor::head);
  EXPECT_EQ(parse_target("base+2").steps, 2);
}

TEST(TargetParse, LabelForms) {
  TargetSpec head = parse_target("shop@head");
  EXPECT_EQ(head.branch_label, "shop");
  EXPECT_EQ(head.anchor, Anchor::head);
  EXPECT_EQ(parse_target("shop@base").anchor, Anchor::base);
  TargetSpec up = parse_target("my-shop@+2");
  EXPECT_EQ(up.branch_label, "my-shop");
  EXPECT_EQ(up.anchor, Anchor::current);
  EXPECT_EQ(up.steps, 2);
  EXPECT_TRUE(up.is_relative_to_current());
  EXPECT_EQ(parse_target("shop@1a2b").revision, "1a2b");
}

TEST(TargetParse, MalformedTargetsAreUsageErrorsNamingTheTarget) {
  for (const char* text : {"", "@head", "shop@", "+", "-", "+x", "1a2b+", "+0", "-1x", "+1234567890", "heads+1",
                           "base-1", "a!b", "a b", "shop@@head", "a@b@c", "a:b"}) {
    std::string message = usage_error_from([&] { parse_target(text); });
    EXPECT_THAT(message, HasSubstr("invalid target '" + std::string(text) + "'")) << text;
  }
}

TEST(TargetParse, UsageErrorExplainsTheGrammar) {
  EXPECT_THAT(usage_error_from([] { parse_target("heads+1"); }),
              HasSubstr("'heads' names several revisions, so it takes no steps"));
  EXPECT_THAT(usage_error_from([] { parse_target("+0"); }), HasSubstr("at least 1"));
  EXPECT_THAT(usage_error_from([] { parse_target("a!b"); }), HasSubstr("'a!b' is not a revision id or prefix"));
}

}  // namespace
}  // namespace host::testing
