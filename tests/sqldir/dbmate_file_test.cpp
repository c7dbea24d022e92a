// Files written for dbmate: {version}_{title}.sql with `-- migrate:up` and
// `-- migrate:down` sections, transaction:false honoured, and every
// malformed file named in one line.
#include "layout_folder.hpp"

using sqldir::FolderProvider;

namespace {

const std::string users =
    "-- migrate:up\n"
    "CREATE TABLE users (id INT);\n"
    "CREATE INDEX ix_users ON users (id);\n"
    "\n"
    "-- migrate:down\n"
    "DROP TABLE users;\n";

}  // namespace

TEST(SqldirDbmateFile, FilesChainInVersionOrderWithTheirTitles) {
  TempFolder dir;
  dir.write("20240102000000_add_posts.sql", users);
  dir.write("20240101000000_create_users.sql", users);
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"20240101000000 <-: create users",
                                                   "20240102000000 <- 20240101000000: add posts"}));
}

TEST(SqldirDbmateFile, EachSectionIsSentWholeAsOneOperation) {
  TempFolder dir;
  dir.write("20240101000000_create_users.sql", "-- created by dbmate new\n" + users);
  FolderProvider p(dir.path());
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE),
            std::vector<std::string>{"CREATE TABLE users (id INT);\nCREATE INDEX ix_users ON users (id);"});
  EXPECT_EQ(sent_by(p, 0, RETORT_DOWNGRADE), std::vector<std::string>{"DROP TABLE users;"});
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirDbmateFile, TransactionFalseOnEitherMarkerMakesTheRevisionNonTransactional) {
  TempFolder dir;
  dir.write("1_up.sql",
            "--migrate:up transaction:false\nCREATE INDEX CONCURRENTLY ix ON t (id);\n"
            "-- migrate:down\nDROP INDEX ix;\n");
  dir.write("2_down.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down   transaction:false\nVACUUM;\n");
  dir.write("3_true.sql", "-- migrate:up transaction:true\nSELECT 1;\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 0);
  EXPECT_EQ(p.revision_at(1)->transactional, 0);
  EXPECT_EQ(p.revision_at(2)->transactional, 1);
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE), std::vector<std::string>{"CREATE INDEX CONCURRENTLY ix ON t (id);"});
}

TEST(SqldirDbmateFile, WithoutTransactionFalseTheRevisionIsTransactional) {
  TempFolder dir;
  dir.write("1_x.sql", "-- migrate:up\nCREATE INDEX CONCURRENTLY ix ON t (id);\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
  EXPECT_TRUE(sent_by(p, 0, RETORT_DOWNGRADE).empty());
}

struct MalformedDbmate {
  std::string content;
  std::string error;  // after "PATH"
};

class SqldirDbmateMalformed : public ::testing::TestWithParam<MalformedDbmate> {};

TEST_P(SqldirDbmateMalformed, IsRefusedInOneLineNamingTheFile) {
  TempFolder dir;
  dir.write("20240101000000_x.sql", GetParam().content);
  EXPECT_EQ(error_opening(dir), dir.path() + "/20240101000000_x.sql" + GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Files, SqldirDbmateMalformed,
    ::testing::Values(MalformedDbmate{"-- migrate:down\nSELECT 0;\n", ":1: '-- migrate:down' before '-- migrate:up'"},
                      MalformedDbmate{"SELECT 1;\n-- migrate:up\n", ":1: SQL before '-- migrate:up'"},
                      MalformedDbmate{"-- migrate:up\n-- migrate:up\n", ":2: second '-- migrate:up' (first at line 1)"},
                      MalformedDbmate{"-- migrate:up\n-- migrate:down\n-- migrate:up\n",
                                      ":3: second '-- migrate:up' (first at line 1)"},
                      MalformedDbmate{"-- migrate:up\n-- migrate:down\n-- migrate:down\n",
                                      ":3: second '-- migrate:down' (first at line 2)"},
                      MalformedDbmate{"-- migrate:up transaction:no\n",
                                      ":1: unknown dbmate option 'transaction:no' (expected transaction:false or "
                                      "transaction:true)"},
                      MalformedDbmate{
                          "-- migrate:up\n-- migrate:down fast\n",
                          ":2: unknown dbmate option 'fast' (expected transaction:false or transaction:true)"},
                      MalformedDbmate{std::string("-- migrate:up\n\0", 15), ":2: NUL byte (not a text file?)"}));

TEST(SqldirDbmateFile, ADbmateFileNamedOtherwiseIsNamed) {
  TempFolder dir;
  dir.write("users.sql", users);
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/users.sql: a dbmate migration (it has '-- migrate:' lines) must be "
                                    "named {version}_{title}.sql");
}

TEST(SqldirDbmateFile, OtherWordsAfterMigrateAreNoMarker) {
  TempFolder dir;
  dir.write("1_x.sql", "-- migrate:upgrade\n-- migrate:\nSELECT 1;\n");
  EXPECT_NE(error_opening(dir).find("1_x.sql: no '-- retort:revision' header"), std::string::npos);
}
