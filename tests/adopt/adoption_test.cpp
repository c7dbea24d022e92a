// A tool's record mapped onto the folder's revisions: versions compared as
// the tool compares them, no gaps, nothing the folder lacks.
#include <gmock/gmock.h>

#include <random>

#include "host/adopt/adoption.hpp"
#include "host/adopt/tool_record.hpp"
#include "host/errors/error.hpp"

namespace host::adopt {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Revision rev(std::string id, std::vector<std::string> parents = {}) {
  Revision r;
  r.id = std::move(id);
  r.down_revisions = std::move(parents);
  return r;
}

// A folder's chain, each the parent of the next.
Graph chain(const std::vector<std::string>& ids) {
  std::vector<Revision> revisions;
  for (std::size_t i = 0; i < ids.size(); ++i)
    revisions.push_back(rev(ids[i], i ? std::vector<std::string>{ids[i - 1]} : std::vector<std::string>{}));
  return Graph(std::move(revisions));
}

std::string refusal(const Graph& g, Tool tool, const ToolRecord& record) {
  try {
    map_onto_graph(g, tool, record, "the_table");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::graph);
    return e.what();
  }
  ADD_FAILURE() << "no refusal";
  return "";
}

TEST(Adoption, GooseNumbersMatchZeroPaddedFiles) {
  const Graph g = chain({"00001", "00002", "00003"});
  const Adoption a = map_onto_graph(g, Tool::goose, {{"1", "2"}, std::nullopt}, "goose_db_version");
  EXPECT_THAT(a.applied, ElementsAre("00001", "00002"));
  EXPECT_THAT(a.heads, ElementsAre("00002"));
}

TEST(Adoption, GolangMigrateVersionCoversEverythingBelow) {
  const Graph g = chain({"000001", "000002", "000010", "000011"});
  const Adoption a = map_onto_graph(g, Tool::golang_migrate, {{"10"}, "10"}, "schema_migrations");
  EXPECT_THAT(a.applied, ElementsAre("000001", "000002", "000010"));
  EXPECT_THAT(a.heads, ElementsAre("000010"));
}

TEST(Adoption, FlywayVersionsComparePartByPart) {
  const Graph g = chain({"V1", "V1_1", "V1_10", "V2"});
  const Adoption a = map_onto_graph(g, Tool::flyway, {{"1.0", "1.01", "1.10"}, std::nullopt}, "flyway_schema_history");
  EXPECT_THAT(a.applied, ElementsAre("V1", "V1_1", "V1_10"));
  EXPECT_THAT(a.heads, ElementsAre("V1_10"));
}

TEST(Adoption, FlywayBaselineNeedNotBeAFile) {
  const Graph g = chain({"V3", "V4", "V6", "V7"});
  const Adoption a = map_onto_graph(g, Tool::flyway, {{"6"}, "5"}, "flyway_schema_history");
  EXPECT_THAT(a.applied, ElementsAre("V3", "V4", "V6"));
  EXPECT_THAT(a.heads, ElementsAre("V6"));
}

TEST(Adoption, RetortsOwnRevisionsAfterTheToolsAreNotApplied) {
  const Graph g(std::vector<Revision>{rev("20240101000000"), rev("20240102000000", {"20240101000000"}),
                                      rev("3f1c2a9b7d10", {"20240102000000"})});
  const Adoption a = map_onto_graph(g, Tool::dbmate, {{"20240101000000", "20240102000000"}, std::nullopt},
                                    "schema_migrations");
  EXPECT_THAT(a.heads, ElementsAre("20240102000000"));
}

TEST(Adoption, AlembicRowsAreHeadsWithTheirAncestors) {
  const Graph g = chain({"1975ea83b712", "ae1027a6acf4", "27c6a30d7c24"});
  const Adoption a = map_onto_graph(g, Tool::alembic, {{"ae1027a6acf4"}, std::nullopt}, "alembic_version");
  EXPECT_THAT(a.applied, ElementsAre("1975ea83b712", "ae1027a6acf4"));
  EXPECT_THAT(a.heads, ElementsAre("ae1027a6acf4"));
}

TEST(Adoption, NothingRecordedIsNothingApplied) {
  const Adoption a = map_onto_graph(chain({"00001"}), Tool::goose, {}, "goose_db_version");
  EXPECT_THAT(a.applied, IsEmpty());
  EXPECT_THAT(a.heads, IsEmpty());
}

TEST(Adoption, VersionsTheFolderLacksAreRefusedNamingThem) {
  const std::string m = refusal(chain({"00001", "00002"}), Tool::goose, {{"1", "7", "8"}, std::nullopt});
  EXPECT_THAT(m, HasSubstr("the_table records versions 7, 8 as applied"));
  EXPECT_THAT(refusal(chain({"1975ea83b712"}), Tool::alembic, {{"deadbeef0000"}, std::nullopt}),
              HasSubstr("version deadbeef0000"));
}

TEST(Adoption, AGapIsRefusedNamingTheMissingRevision) {
  // goose --allow-missing applied 3 without 2.
  const std::string m = refusal(chain({"00001", "00002", "00003"}), Tool::goose, {{"1", "3"}, std::nullopt});
  EXPECT_THAT(m, HasSubstr("records 00003 as applied but not 00002"));
}

TEST(Adoption, TwoFilesOfOneVersionAreRefused) {
  const Graph g(std::vector<Revision>{rev("001"), rev("1", {"001"})});
  EXPECT_THAT(refusal(g, Tool::goose, {{"1"}, std::nullopt}), HasSubstr("are the same version to goose"));
}

// Property: whatever goose's log of ups and downs looks like, as long as
// its end state is "the first k applied", adoption stamps exactly those k,
// with the k-th as the one version row; numbers are matched whatever the
// files' zero padding.
TEST(AdoptionProperty, GooseLogsEndingInAPrefixAdoptThatPrefix) {
  std::mt19937 random(20261204);
  for (int round = 0; round < 300; ++round) {
    const int n = 1 + static_cast<int>(random() % 12);
    const int width = 1 + static_cast<int>(random() % 5);
    std::vector<std::string> ids;
    for (int v = 1; v <= n; ++v) {
      std::string id = std::to_string(v);
      ids.push_back(std::string(id.size() < static_cast<std::size_t>(width) ? width - id.size() : 0, '0') + id);
    }
    const Graph g = chain(ids);
    const int k = static_cast<int>(random() % (n + 1));
    // A random walk of ups and downs, then down to 0 and up to k.
    std::vector<ToolRow> rows{{std::string("0"), std::string("t")}};
    int at = 0;
    for (int step = random() % 20; step > 0; --step) {
      if (at < n && (at == 0 || random() % 2)) rows.push_back({std::to_string(++at), std::string("t")});
      else if (at > 0) rows.push_back({std::to_string(at--), std::string("f")});
    }
    while (at > k) rows.push_back({std::to_string(at--), std::string("f")});
    while (at < k) rows.push_back({std::to_string(++at), std::string("1")});
    const Adoption a = map_onto_graph(g, Tool::goose, read_record(Tool::goose, rows), "goose_db_version");
    ASSERT_EQ(a.applied, std::vector<std::string>(ids.begin(), ids.begin() + k)) << "round " << round;
    ASSERT_EQ(a.heads, k ? std::vector<std::string>{ids[k - 1]} : std::vector<std::string>{}) << "round " << round;
  }
}

}  // namespace
}  // namespace host::adopt
