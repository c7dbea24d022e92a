// Folders written for golang-migrate or Flyway: their header-less files
// become one linear chain of revisions in version order, up and down files
// pair up, and every inconsistency names the files involved.
#include "folder_provider.hpp"
#include "recording_host.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using sqldir::FolderProvider;

namespace {

// "id <- parent: message" per revision, in the provider's order.
std::vector<std::string> chain_of(const FolderProvider& p) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < p.revision_count(); ++i) {
    const retort_revision& r = *p.revision_at(i);
    std::string line(retort::view(r.id));
    line += " <-";
    for (std::size_t d = 0; d < r.down_revision_count; ++d) line += " " + std::string(retort::view(r.down_revisions[d]));
    line += ": " + std::string(retort::view(r.message));
    lines.push_back(line);
  }
  return lines;
}

std::string error_opening(const TempFolder& dir) {
  try {
    FolderProvider p(dir.path());
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION) << f.what();
    return f.what();
  }
  return "(opened without error)";
}

// The script run() hands the host for revision `index` in `direction`; "" if none.
std::string script_of(FolderProvider& p, std::size_t index, std::int32_t direction) {
  RecordingHost host;
  p.run(index, direction, host.context());
  return host.ops.empty() ? "" : host.ops.front().sql;
}

}  // namespace

TEST(SqldirConventionalFolder, GolangMigrateVersionsChainInNumericOrder) {
  TempFolder dir;
  // File-name order would put 10 before 2; the chain must not.
  dir.write("10_add_tags.up.sql", "CREATE TABLE tags (id INT);");
  dir.write("2_add_posts.up.sql", "CREATE TABLE posts (id INT);");
  dir.write("1_create_users.up.sql", "CREATE TABLE users (id INT);");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"1 <-: create users", "2 <- 1: add posts", "10 <- 2: add tags"}));
}

TEST(SqldirConventionalFolder, FlywayVersionsChainComponentByComponent) {
  TempFolder dir;
  dir.write("V1.10__ten.sql", "SELECT 10;");
  dir.write("V1.2__two.sql", "SELECT 2;");
  dir.write("V1__init.sql", "SELECT 1;");
  dir.write("V2__next.sql", "SELECT 3;");
  dir.write("V1.1__one.sql", "SELECT 1;");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"V1 <-: init", "V1_1 <- V1: one", "V1_2 <- V1_1: two",
                                                   "V1_10 <- V1_2: ten", "V2 <- V1_10: next"}));
}

TEST(SqldirConventionalFolder, UpAndDownFilesOfOneVersionAreOneRevision) {
  TempFolder dir;
  dir.write("000001_users.up.sql", "\n\nCREATE TABLE users (id INT);\n\n");
  dir.write("000001_users.down.sql", "DROP TABLE users;\n");
  dir.write("000002_posts.up.sql", "CREATE TABLE posts (id INT);\n");
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 2u);
  EXPECT_EQ(script_of(p, 0, RETORT_UPGRADE), "CREATE TABLE users (id INT);");
  EXPECT_EQ(script_of(p, 0, RETORT_DOWNGRADE), "DROP TABLE users;");
  // A lone up file is a revision without a downgrade.
  EXPECT_EQ(script_of(p, 1, RETORT_UPGRADE), "CREATE TABLE posts (id INT);");
  EXPECT_EQ(script_of(p, 1, RETORT_DOWNGRADE), "");
  EXPECT_EQ(retort::view(p.revision_at(0)->origin), dir.path() + "/000001_users.up.sql");
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirConventionalFolder, FlywayUndoFileIsTheDowngrade) {
  TempFolder dir;
  dir.write("V1__users.sql", "\xEF\xBB\xBF" "CREATE TABLE users (id INT);\r\n");
  dir.write("U1__users.sql", "DROP TABLE users;");
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 1u);
  EXPECT_EQ(script_of(p, 0, RETORT_UPGRADE), "CREATE TABLE users (id INT);");
  EXPECT_EQ(script_of(p, 0, RETORT_DOWNGRADE), "DROP TABLE users;");
}

TEST(SqldirConventionalFolder, DownFileWithoutItsUpFileIsNamed) {
  TempFolder dir;
  dir.write("1_users.up.sql", "SELECT 1;");
  dir.write("2_posts.down.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/2_posts.down.sql: a down migration without its up migration "
                                             "(no 2_*.up.sql in the folder)");
}

TEST(SqldirConventionalFolder, UndoFileWithoutItsVersionedFileIsNamed) {
  TempFolder dir;
  dir.write("V1__users.sql", "SELECT 1;");
  dir.write("U1.1__posts.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/U1.1__posts.sql: an undo migration without its versioned "
                                             "migration (no V1.1__*.sql in the folder)");
}

TEST(SqldirConventionalFolder, DuplicateVersionNamesBothFiles) {
  TempFolder dir;
  dir.write("1_users.up.sql", "SELECT 1;");
  dir.write("001_people.up.sql", "SELECT 1;");
  EXPECT_EQ(error_opening(dir), "duplicate golang-migrate version 1: " + dir.path() + "/001_people.up.sql and " +
                                    dir.path() + "/1_users.up.sql");
}

TEST(SqldirConventionalFolder, FlywayVersionsThatAreOneNumberAreDuplicates) {
  TempFolder dir;
  dir.write("V1.1__a.sql", "SELECT 1;");
  dir.write("V1_1__b.sql", "SELECT 1;");
  EXPECT_EQ(error_opening(dir),
            "duplicate Flyway version 1_1: " + dir.path() + "/V1.1__a.sql and " + dir.path() + "/V1_1__b.sql");
}

TEST(SqldirConventionalFolder, TwoDownFilesOfOneVersionAreDuplicates) {
  TempFolder dir;
  dir.write("1_users.up.sql", "SELECT 1;");
  dir.write("1_users.down.sql", "SELECT 1;");
  dir.write("1_users_again.down.sql", "SELECT 1;");
  EXPECT_EQ(error_opening(dir), "duplicate golang-migrate version 1: " + dir.path() + "/1_users.down.sql and " +
                                    dir.path() + "/1_users_again.down.sql");
}

// Flyway's repeatables: after the chain, no parent, flagged, ordered by
// description as Flyway runs them, never refused for lacking a version.
TEST(SqldirConventionalFolder, RepeatablesFollowTheChainWithoutParentsInDescriptionOrder) {
  TempFolder dir;
  dir.write("V1__users.sql", "CREATE TABLE users (id INT);");
  dir.write("R__views.sql", "CREATE VIEW v AS SELECT 1;");
  dir.write("R__Functions.sql", "SELECT 2;");
  dir.write("V2__posts.sql", "CREATE TABLE posts (id INT);");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"V1 <-: users", "V2 <- V1: posts", "R__Functions <-: Functions",
                                                   "R__views <-: views"}));
  std::vector<std::uint32_t> flags;
  for (std::size_t i = 0; i < p.revision_count(); ++i) {
    ASSERT_GE(p.revision_at(i)->struct_size, offsetof(retort_revision, flags) + sizeof(std::uint32_t));
    flags.push_back(p.revision_at(i)->flags);
  }
  EXPECT_EQ(flags, (std::vector<std::uint32_t>{0, 0, RETORT_REVISION_REPEATABLE, RETORT_REVISION_REPEATABLE}));
  EXPECT_EQ(script_of(p, 3, RETORT_UPGRADE), "CREATE VIEW v AS SELECT 1;");
  EXPECT_EQ(script_of(p, 3, RETORT_DOWNGRADE), "");
}

TEST(SqldirConventionalFolder, AFolderOfRepeatablesOnlyIsAFlywayFolder) {
  TempFolder dir;
  dir.write("R__views.sql", "CREATE VIEW v AS SELECT 1;");
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 1u);
  EXPECT_EQ(p.revision_at(0)->flags, RETORT_REVISION_REPEATABLE);
  EXPECT_TRUE(p.revision_at(0)->transactional);
}

TEST(SqldirConventionalFolder, RepeatableWithConcurrentlyRunsOutsideATransaction) {
  TempFolder dir;
  dir.write("R__index.sql", "CREATE INDEX CONCURRENTLY i ON t (x);");
  FolderProvider p(dir.path());
  EXPECT_FALSE(p.revision_at(0)->transactional);
}

TEST(SqldirConventionalFolder, TwoRepeatablesOfOneIdAreRefusedNamingBoth) {
  TempFolder dir;
  dir.write("R__a-b.sql", "SELECT 1;");
  dir.write("R__a b.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), "Flyway repeatable migrations " + dir.path() + "/R__a b.sql and " + dir.path() +
                                    "/R__a-b.sql both map to revision id 'R__a_b' (characters other than letters, "
                                    "digits and '_' become '_'); rename one");
}

TEST(SqldirConventionalFolder, RepeatableAmongAnotherToolsFilesIsRefused) {
  TempFolder dir;
  dir.write("1_users.up.sql", "SELECT 1;");
  dir.write("R__views.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/R__views.sql: a Flyway repeatable migration (R__) in a folder of "
                                             "golang-migrate migrations (" + dir.path() + "/1_users.up.sql); "
                                             "repeatables are read only beside Flyway's V files or alone");
}

TEST(SqldirConventionalFolder, RepeatableWithAHeaderIdOfTheSameNameIsADuplicate) {
  TempFolder dir;
  dir.write("R__views.sql", "SELECT 1;");
  dir.write("x.sql", "-- retort:revision R__views\n-- retort:upgrade\nSELECT 2;\n");
  EXPECT_NE(error_opening(dir).find("duplicate revision id 'R__views'"), std::string::npos);
}

TEST(SqldirConventionalFolder, HeaderlessFileWithAnUnknownNameIsRefused) {
  TempFolder dir;
  dir.write("create_users.sql", "CREATE TABLE users (id INT);");
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/create_users.sql: no '-- retort:revision' header, no goose or dbmate "
                                    "section ('-- +goose Up', '-- migrate:up'), and the name is neither "
                                    "golang-migrate's ({version}_{title}.up.sql or .down.sql) nor Flyway's "
                                    "(V{version}__{description}.sql, R__{description}.sql)");
}

TEST(SqldirConventionalFolder, BothLayoutsInOneFolderAreRefused) {
  TempFolder dir;
  dir.write("1_users.up.sql", "SELECT 1;");
  dir.write("V2__posts.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/1_users.up.sql is a golang-migrate migration and " + dir.path() +
                                    "/V2__posts.sql a Flyway one: a folder's header-less files follow one layout");
}

TEST(SqldirConventionalFolder, NulByteInAConventionalFileIsNamedWithItsLine) {
  TempFolder dir;
  dir.write("1_users.up.sql", std::string("SELECT 1;\nSELECT '\0';\n", 22));
  EXPECT_EQ(error_opening(dir), dir.path() + "/1_users.up.sql:2: NUL byte (not a text file?)");
}

TEST(SqldirConventionalFolder, HeaderFilesKeepTheirParentsAndConventionalOnesChainAmongThemselves) {
  TempFolder dir;
  dir.write("1_users.up.sql", "CREATE TABLE users (id INT);");
  dir.write("2_posts.up.sql", "CREATE TABLE posts (id INT);");
  // A header file continues the chain by naming a conventional id.
  dir.write("3_audit.sql",
            "-- retort:revision a1b2c3d4e5f6\n-- retort:down_revision 2\n-- retort:message audit\n"
            "-- retort:transactional false\n-- retort:upgrade\nCREATE INDEX CONCURRENTLY ix ON posts (id);\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"a1b2c3d4e5f6 <- 2: audit", "1 <-: users", "2 <- 1: posts"}));
  EXPECT_EQ(p.revision_at(0)->transactional, 0);
}

TEST(SqldirConventionalFolder, ConventionalNameWithRetortDirectivesIsReadAsRetortFormat) {
  TempFolder dir;
  // The header wins over the name; a broken header is reported, not run.
  dir.write("1_users.up.sql", "-- retort:message users\n-- retort:upgrade\nSELECT 1;\n");
  EXPECT_EQ(error_opening(dir), dir.path() + "/1_users.up.sql: no '-- retort:revision' line");
}

TEST(SqldirConventionalFolder, ConventionalIdCollidingWithAHeaderIdNamesBothFiles) {
  TempFolder dir;
  dir.write("000001_users.up.sql", "SELECT 1;");
  dir.write("a.sql", "-- retort:revision 000001\n-- retort:upgrade\nSELECT 2;\n");
  EXPECT_EQ(error_opening(dir), "duplicate revision id '000001' in " + dir.path() + "/a.sql and " + dir.path() +
                                    "/000001_users.up.sql");
}

// 1,200 files take the threaded read (folder_provider.cpp): every up and
// down file must still pair with its version and chain in version order.
TEST(SqldirConventionalFolder, ManyGolangMigrateFilesPairAndChainAsFewDo) {
  TempFolder dir;
  constexpr int versions = 600;
  for (int v = 1; v <= versions; ++v) {
    const std::string n = std::to_string(v);
    dir.write(n + "_step_" + n + ".up.sql", "CREATE TABLE t" + n + " (id INT);");
    dir.write(n + "_step_" + n + ".down.sql", "DROP TABLE t" + n + ";");
  }
  FolderProvider p(dir.path());
  const std::vector<std::string> chain = chain_of(p);
  ASSERT_EQ(chain.size(), static_cast<std::size_t>(versions));
  EXPECT_EQ(chain.front(), "1 <-: step 1");
  EXPECT_EQ(chain[9], "10 <- 9: step 10");
  EXPECT_EQ(chain.back(), "600 <- 599: step 600");
  EXPECT_EQ(script_of(p, 99, RETORT_UPGRADE), "CREATE TABLE t100 (id INT);");
  EXPECT_EQ(script_of(p, 99, RETORT_DOWNGRADE), "DROP TABLE t100;");
}
