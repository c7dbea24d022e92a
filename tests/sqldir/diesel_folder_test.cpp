// Folders written for Diesel: a folder per migration, {version}_{name}
// holding up.sql, down.sql and maybe metadata.toml, read as one chain in
// version order, with every inconsistency named in one line.
#include "layout_folder.hpp"

using sqldir::FolderProvider;

TEST(SqldirDieselFolder, FoldersChainInVersionOrderWithTheDashesDroppedFromTheId) {
  TempFolder dir;
  write_diesel(dir, "2019-03-01-101010_create_posts", "CREATE TABLE posts (id INT);", "DROP TABLE posts;");
  write_diesel(dir, "2019-02-26-002946_create_user", "CREATE TABLE users (id INT);", "DROP TABLE users;");
  write_diesel(dir, "00000000000000_diesel_initial_setup", "SELECT 1;", "SELECT 0;");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"00000000000000 <-: diesel initial setup",
                                                   "20190226002946 <- 00000000000000: create user",
                                                   "20190301101010 <- 20190226002946: create posts"}));
}

TEST(SqldirDieselFolder, UpAndDownSqlAreTheScriptsAndUpSqlIsTheOrigin) {
  TempFolder dir;
  write_diesel(dir, "2019-02-26-002946_create_user", "\n-- users\nCREATE TABLE users (id INT);\n\n",
               "DROP TABLE users;\r\n");
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 1u);
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE), std::vector<std::string>{"-- users\nCREATE TABLE users (id INT);"});
  EXPECT_EQ(sent_by(p, 0, RETORT_DOWNGRADE), std::vector<std::string>{"DROP TABLE users;"});
  EXPECT_EQ(retort::view(p.revision_at(0)->origin), dir.path() + "/2019-02-26-002946_create_user/up.sql");
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirDieselFolder, OlderVersionsWithoutDashesAndAMissingDownSqlAreRead) {
  TempFolder dir;
  write_diesel(dir, "20160107082941_create_posts", "CREATE TABLE posts (id INT);", "");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), std::vector<std::string>{"20160107082941 <-: create posts"});
  EXPECT_TRUE(sent_by(p, 0, RETORT_DOWNGRADE).empty());
}

TEST(SqldirDieselFolder, RunInTransactionFalseMakesTheRevisionNonTransactional) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_plain", "CREATE TABLE t (id INT);", "DROP TABLE t;",
               "run_in_transaction = true\n");
  write_diesel(dir, "2019-01-02-000000_index", "CREATE INDEX CONCURRENTLY ix ON t (id);", "DROP INDEX ix;",
               "# built without locking writes\nrun_in_transaction = false  # Diesel's own flag\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
  EXPECT_EQ(p.revision_at(1)->transactional, 0);
}

// Diesel runs it in a transaction unless metadata.toml says otherwise, and
// fails there; retort does not guess where the layout has its own say.
TEST(SqldirDieselFolder, WithoutMetadataEveryRevisionIsTransactional) {
  TempFolder dir;
  write_diesel(dir, "2019-01-02-000000_index", "CREATE INDEX CONCURRENTLY ix ON t (id);", "DROP INDEX ix;");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirDieselFolder, OtherKeysAndTablesInMetadataAreLeftAlone) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "SELECT 0;",
               "\xEF\xBB\xBF"
               "comment = \"not Diesel's\"\n[other]\nrun_in_transaction = \"not top-level\"\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirDieselFolder, RunInTransactionThatIsNotABooleanIsNamedWithItsLine) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "SELECT 0;", "# flags\nrun_in_transaction = no\n");
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/2019-01-01-000000_x/metadata.toml:2: run_in_transaction must be "
                                    "true or false, found 'no'");
}

TEST(SqldirDieselFolder, RunInTransactionSetTwiceIsNamedWithBothLines) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "SELECT 0;",
               "run_in_transaction = false\nrun_in_transaction = true\n");
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/2019-01-01-000000_x/metadata.toml:2: run_in_transaction set twice "
                                    "(first at line 1)");
}

TEST(SqldirDieselFolder, FolderWithoutUpSqlIsNamed) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "SELECT 0;");
  write_diesel(dir, "2019-01-02-000000_y", "", "SELECT 0;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/2019-01-02-000000_y/: a Diesel migration folder without up.sql");
}

TEST(SqldirDieselFolder, TwoFoldersOfOneVersionAreDuplicates) {
  TempFolder dir;
  write_diesel(dir, "2019-02-26-002946_a", "SELECT 1;", "");
  write_diesel(dir, "20190226002946_b", "SELECT 2;", "");
  EXPECT_EQ(error_opening(dir), "duplicate Diesel version 20190226002946: " + dir.path() +
                                    "/2019-02-26-002946_a/up.sql and " + dir.path() + "/20190226002946_b/up.sql");
}

TEST(SqldirDieselFolder, NulByteInUpSqlIsNamedWithItsLine) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", std::string("SELECT 1;\n\0", 11), "");
  EXPECT_EQ(error_opening(dir), dir.path() + "/2019-01-01-000000_x/up.sql:2: NUL byte (not a text file?)");
}

TEST(SqldirDieselFolder, OtherFoldersAndFilesBesideTheMigrationsAreSkipped) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "");
  std::filesystem::create_directory(dir.path() + "/seeds");
  std::filesystem::create_directory(dir.path() + "/2019");
  dir.write("README.md", "how to migrate");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), std::vector<std::string>{"20190101000000 <-: x"});
}

TEST(SqldirDieselFolder, ARetortFileContinuesAfterTheLastDieselRevision) {
  TempFolder dir;
  write_diesel(dir, "2019-01-01-000000_x", "SELECT 1;", "");
  dir.write("a1b2c3d4e5f6_next.sql",
            "-- retort:revision a1b2c3d4e5f6\n-- retort:down_revision 20190101000000\n-- retort:upgrade\nSELECT 2;\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"a1b2c3d4e5f6 <- 20190101000000: ", "20190101000000 <-: x"}));
}
