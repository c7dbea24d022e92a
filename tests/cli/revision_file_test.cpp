// File names and texts `retort revision` and `retort merge` write.
#include "host/cli/authoring/revision_file.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "host/cli/authoring/templates/templates.hpp"

namespace {

using host::RevisionLanguage;

host::Revision revision(std::string id, std::vector<std::string> down, std::string message) {
  host::Revision r;
  r.id = std::move(id);
  r.down_revisions = std::move(down);
  r.message = std::move(message);
  return r;
}

TEST(MessageSlug, IsTheLowercaseAsciiWordsJoinedByUnderscores) {
  EXPECT_EQ(host::message_slug("Add users, v2!"), "add_users_v2");
  EXPECT_EQ(host::message_slug("  --  "), "");
  EXPECT_EQ(host::message_slug("café crème"), "caf_cr_me");
}

TEST(MessageSlug, IsCutAtAWordBoundaryWithinFortyCharacters) {
  EXPECT_EQ(host::message_slug("one two three four five six seven eight nine"),
            "one_two_three_four_five_six_seven_eight");
  EXPECT_EQ(host::message_slug(std::string(50, 'x') + " y"), std::string(40, 'x'));
}

TEST(OneLine, TurnsControlCharactersIntoOneSpaceAndTrims) {
  EXPECT_EQ(host::one_line("\n first\r\n\tsecond  line \n"), "first second line");
}

TEST(RevisionFileName, CarriesIdAndSlug) {
  EXPECT_EQ(host::revision_file_name(revision("1a2b3c4d5e6f", {}, "Create users"), RevisionLanguage::sql),
            "1a2b3c4d5e6f_create_users.sql");
  EXPECT_EQ(host::revision_file_name(revision("1a2b3c4d5e6f", {}, "!"), RevisionLanguage::cpp), "1a2b3c4d5e6f.cpp");
}

TEST(RevisionFileText, SqlHeaderListsOnlyWhatIsSet) {
  host::Revision merge = revision("m1", {"a1", "b1"}, "join");
  merge.depends_on = {"c1"};
  std::string text = host::revision_file_text(merge, RevisionLanguage::sql);
  EXPECT_EQ(text.substr(0, text.find("\n\n")),
            "-- retort:revision m1\n-- retort:down_revision a1, b1\n-- retort:message join\n"
            "-- retort:depends_on c1");
  EXPECT_EQ(text.find("branch_labels"), std::string::npos);
  EXPECT_NE(text.find("\n-- retort:upgrade\n"), std::string::npos);
  EXPECT_NE(text.find("\n-- retort:downgrade\n"), std::string::npos);
}

TEST(RevisionFileText, CppSourceEscapesTheMessageAndChainsEveryParent) {
  host::Revision merge = revision("m1", {"a1", "b1"}, R"(say "hi" \ bye)");
  merge.branch_labels = {"shop"};
  std::string text = host::revision_file_text(merge, RevisionLanguage::cpp);
  EXPECT_EQ(text.rfind("// retort:revision m1\n", 0), 0u);
  EXPECT_NE(text.find(R"(.message("say \"hi\" \\ bye"))"), std::string::npos);
  EXPECT_NE(text.find(".down(\"a1\")\n        .down(\"b1\")"), std::string::npos);
  EXPECT_NE(text.find(".branch_label(\"shop\")"), std::string::npos);
  EXPECT_EQ(text.find("{{"), std::string::npos);
}

TEST(FillTemplate, ReplacesKeysLeavesOtherBracesAndRefusesUnknownKeys) {
  EXPECT_EQ(host::fill_template("a {{x}} b {{1, 2}} {{X}}", {{"x", "1"}}), "a 1 b {{1, 2}} {{X}}");
  EXPECT_THROW(host::fill_template("{{missing}}", {}), std::logic_error);
  EXPECT_THROW(host::template_text("no/such/template"), std::logic_error);
}

TEST(FreshRevisionId, IsTwelveLowercaseHexDigits) {
  host::Graph empty(std::vector<host::Revision>{});
  for (int i = 0; i < 20; ++i) {
    std::string id = host::fresh_revision_id(empty);
    ASSERT_EQ(id.size(), 12u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  }
}

}  // namespace
