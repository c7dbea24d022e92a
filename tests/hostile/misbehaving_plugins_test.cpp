// Plugins that load fine and then misbehave while running: revisions that
// throw (through the SDK's guard, or straight through the C ABI), report
// failures with garbage in them, or hand the host operations holding null
// pointers, absurd sizes and invalid UTF-8; and a dialect that renders and
// quotes garbage. retort must report each with one line naming the plugin
// and the revision, with the exit code of what went wrong, and never crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hostile.hpp"
#include "project.hpp"

namespace hostile {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using it::Project;

struct RevisionRow {
  std::string id;
  Outcome outcome;  ///< for both `upgrade ID --sql` and `upgrade ID`
};

// Every message names the revision; `plugin` is added to the mentions.
void run_rows(Project& project, const std::string& plugin, const std::vector<RevisionRow>& rows) {
  for (const auto& row : rows) {
    Outcome expected = row.outcome;
    if (expected.code != 0) {
      expected.mentions.push_back("revision " + row.id);
      expected.mentions.push_back(plugin);
    }
    expect_outcome(row.id + " offline", retort(project, {"upgrade", row.id, "--sql"}), expected);
    expect_outcome(row.id + " online", retort(project, {"upgrade", row.id}), expected);
  }
}

TEST(MisbehavingRevisions, HandWrittenPluginsAreReportedNamingPluginAndRevision) {
  Project project("sqlite");
  project.configure(hostile_fixture("raw_revisions.so").string());
  run_rows(project, "raw_revisions",
           {
               {"throw_std", {3, {"exception escape", "raw upgrade exploded"}}},
               {"throw_int", {3, {"not a std::exception"}}},
               {"fail_silent", {3, {"gave no reason"}}},
               {"fail_garbage", {3, {"xxxxxxxxx"}}},
               {"fail_database", {1, {"nowhere"}}},
               {"null_sql", {3, {"null SQL script"}}},
               {"absurd_sql", {3, {"64 MiB"}}},
               {"huge_sql", {3, {"64 MiB"}}},
               {"null_columns", {3, {"null column list"}}},
               {"absurd_columns", {3, {"absurd number of columns"}}},
               {"null_column", {3, {"null column"}}},
               {"tiny_op", {3, {"struct_size 0"}}},
               {"giant_op", {3, {"struct_size 4294967295"}}},
               {"null_op", {3, {"null operation"}}},
               {"unknown_kind", {2, {"12345"}}},
               {"ignores_refusal", {3, {"went on after the host refused", "null operation"}}},
               {"null_error", {3, {"went on after the host refused", "null SQL script"}}},
               {"return_seven", {3, {"gave no reason"}}},
           });
  EXPECT_EQ(project.db().tables(), "retort_history\nretort_version\n");
}

TEST(MisbehavingRevisions, InvalidUtf8FromARevisionNeitherCrashesNorBreaksJson) {
  Project project("sqlite");
  project.configure(hostile_fixture("raw_revisions.so").string());
  Result offline = retort(project, {"upgrade", "invalid_utf8", "--sql"});
  expect_outcome("offline", offline, {0, {}});
  EXPECT_THAT(offline.out, HasSubstr("\xff\xfe"));
  Result show = retort(project, {"--format", "json", "show", "invalid_utf8"});
  expect_outcome("show json", show, {0, {}});
  EXPECT_TRUE(nlohmann::json::accept(show.out)) << show.out;
  Result online = retort(project, {"upgrade", "invalid_utf8"});
  EXPECT_EQ(online.signal, 0);
  EXPECT_THAT(online.code, ::testing::AnyOf(0, 1)) << online.err;
}

TEST(MisbehavingRevisions, SdkRevisionsThatThrowAreReportedAndNothingRuns) {
  Project project("sqlite");
  project.configure(hostile_fixture("throwing_revisions.so").string());
  run_rows(project, "throwing_revisions",
           {
               {"sdk_throw_std", {3, {"the upgrade of sdk_throw_std exploded"}}},
               {"sdk_throw_int", {3, {"unknown exception"}}},
               {"sdk_failure", {1, {"nowhere"}}},
               {"sdk_throw_late", {3, {"changed its mind"}}},
           });
  EXPECT_THAT(project.db().tables(), Not(HasSubstr("half_done")));
  EXPECT_EQ(project.versions(), "");

  ASSERT_EQ(retort(project, {"upgrade", "sdk_works"}).code, 0);
  expect_outcome("downgrade throws", retort(project, {"downgrade", "sdk_works-1"}),
                 {3, {"revision sdk_works", "throwing_revisions", "the downgrade of sdk_works exploded"}});
  EXPECT_EQ(project.versions(), "sdk_works");
}

// A sqldir project whose scripts tell the junk dialect what garbage to return.
class JunkDialect : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* script : {"absurd", "null", "utf8", "throw", "throw_int", "fail", "nothing"})
      project.add_sql_revision({std::string("junk_") + script, "", script, ""});
    for (const char* id : {"ql_empty", "ql_absurd", "ql_null", "ql_throw"}) project.add_sql_revision({id, "", "plain", ""});
    project.configure("migrations");
  }
  Result offline(const std::string& target, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--plugin-path", hostile_fixture("").string(), "--url", "junk://x"};
    args.insert(args.end(), extra.begin(), extra.end());
    for (const char* a : {"upgrade", "--sql"}) args.push_back(a);
    args.push_back(target);
    return retort(project, args);
  }
  Project project{"sqlite"};
};

TEST_F(JunkDialect, GarbageFromRenderIsReportedNamingTheDialect) {
  const std::vector<RevisionRow> rows = {
      {"junk_absurd", {3, {"junk", "more than it accepts"}}},
      {"junk_null", {3, {"junk", "null string"}}},
      {"junk_throw", {3, {"junk", "render let a C++ exception escape", "junk render exploded"}}},
      {"junk_throw_int", {3, {"junk", "not a std::exception"}}},
      {"junk_fail", {2, {"junk", "jjjjj"}}},
      {"junk_nothing", {0, {}}},
  };
  for (const auto& row : rows) {
    Outcome expected = row.outcome;
    if (expected.code != 0) expected.mentions.push_back("revision " + row.id);
    expect_outcome(row.id, offline(row.id), expected);
  }
  Result utf8 = offline("junk_utf8");
  expect_outcome("junk_utf8", utf8, {0, {}});
  EXPECT_THAT(utf8.out, HasSubstr("\xff\xfe"));
}

TEST_F(JunkDialect, GarbageFromQuotingIsReportedNamingTheDialect) {
  const std::vector<std::pair<std::string, Outcome>> tables = {
      {"q_empty", {3, {"junk", "quote_identifier gave nothing"}}},
      {"q_absurd", {3, {"junk", "more than it accepts"}}},
      {"q_null", {3, {"junk", "null string"}}},
      {"q_throw", {3, {"junk", "quote_identifier let a C++ exception escape"}}},
  };
  for (const auto& [table, outcome] : tables) {
    project.configure("migrations", "version_table = " + table);
    expect_outcome("version_table " + table, offline("junk_nothing"), outcome);
  }
  project.configure("migrations");
  const std::vector<std::pair<std::string, Outcome>> ids = {
      {"ql_empty", {3, {"junk", "quote_literal gave nothing"}}},
      {"ql_absurd", {3, {"junk", "more than it accepts"}}},
      {"ql_null", {3, {"junk", "null string"}}},
      {"ql_throw", {3, {"junk", "quote_literal let a C++ exception escape"}}},
  };
  for (const auto& [id, outcome] : ids) expect_outcome("revision " + id, offline(id), outcome);
}

TEST_F(JunkDialect, ShowAndJsonSurviveGarbage) {
  Result show = retort(project, {"--plugin-path", hostile_fixture("").string(), "--url", "junk://x", "--format", "json",
                                "show", "junk_utf8"});
  expect_outcome("show json", show, {0, {}});
  EXPECT_TRUE(nlohmann::json::accept(show.out)) << show.out;
  expect_outcome("show absurd",
                 retort(project, {"--plugin-path", hostile_fixture("").string(), "--url", "junk://x", "show", "junk_absurd"}),
                 {3, {"junk", "more than it accepts"}});
  expect_outcome("connect", retort(project, {"--plugin-path", hostile_fixture("").string(), "--url", "junk://x", "current"}),
                 {1, {"cannot be connected to"}});
}

}  // namespace
}  // namespace hostile
