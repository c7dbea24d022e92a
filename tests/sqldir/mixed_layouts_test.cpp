// One folder, one layout: files of two tools in one folder are refused,
// naming a file of each and its layout; a file is goose's or dbmate's by its
// markers, and one with neither stays what its name says.
#include "layout_folder.hpp"

using sqldir::FolderProvider;

namespace {

const std::string goose = "-- +goose Up\nSELECT 1;\n";
const std::string dbmate = "-- migrate:up\nSELECT 1;\n";

}  // namespace

TEST(SqldirMixedLayouts, GooseAndDbmateFilesInOneFolderAreRefused) {
  TempFolder dir;
  dir.write("00001_a.sql", goose);
  dir.write("00002_b.sql", dbmate);
  EXPECT_EQ(error_opening(dir), dir.path() + "/00001_a.sql is a goose migration and " + dir.path() +
                                    "/00002_b.sql a dbmate one: a folder's header-less files follow one layout");
}

TEST(SqldirMixedLayouts, GooseAndGolangMigrateFilesInOneFolderAreRefused) {
  TempFolder dir;
  dir.write("1_a.up.sql", "SELECT 1;");
  dir.write("2_b.sql", goose);
  EXPECT_EQ(error_opening(dir), dir.path() + "/1_a.up.sql is a golang-migrate migration and " + dir.path() +
                                    "/2_b.sql a goose one: a folder's header-less files follow one layout");
}

TEST(SqldirMixedLayouts, DbmateAndFlywayFilesInOneFolderAreRefused) {
  TempFolder dir;
  dir.write("20240101000000_a.sql", dbmate);
  dir.write("V2__b.sql", "SELECT 2;");
  EXPECT_EQ(error_opening(dir), dir.path() + "/20240101000000_a.sql is a dbmate migration and " + dir.path() +
                                    "/V2__b.sql a Flyway one: a folder's header-less files follow one layout");
}

TEST(SqldirMixedLayouts, DieselFoldersBesideGolangMigrateFilesAreRefused) {
  TempFolder dir;
  dir.write("1_init.up.sql", "SELECT 1;");
  write_diesel(dir, "2019-02-26-002946_create_user", "SELECT 2;", "");
  EXPECT_EQ(error_opening(dir), dir.path() + "/1_init.up.sql is a golang-migrate migration and " + dir.path() +
                                    "/2019-02-26-002946_create_user/up.sql a Diesel one: a folder's header-less "
                                    "files follow one layout");
}

TEST(SqldirMixedLayouts, AFileWithBothGooseAndDbmateMarkersIsRefused) {
  TempFolder dir;
  dir.write("00001_a.sql", goose + dbmate);
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/00001_a.sql: has both goose's ('-- +goose') and dbmate's "
                                    "('-- migrate:') lines; a migration follows one layout");
}

// The markers decide, not the name alone: named like golang-migrate's, a
// file with goose's sections is goose's.
TEST(SqldirMixedLayouts, MarkersDecideOverAGolangMigrateLookingName) {
  TempFolder dir;
  dir.write("00001_a.sql", goose);
  dir.write("00002_b.up.sql", goose);
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"00001 <-: a", "00002 <- 00001: b.up"}));
}

TEST(SqldirMixedLayouts, ANumberedFileWithoutMarkersIsStillUnrecognised) {
  TempFolder dir;
  dir.write("00001_create_users.sql", "CREATE TABLE users (id INT);");
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/00001_create_users.sql: no '-- retort:revision' header, no goose or dbmate "
                                    "section ('-- +goose Up', '-- migrate:up'), and the name is neither "
                                    "golang-migrate's ({version}_{title}.up.sql or .down.sql) nor Flyway's "
                                    "(V{version}__{description}.sql, R__{description}.sql)");
}

TEST(SqldirMixedLayouts, RetortFilesMayShareAFolderWithAnyOneLayout) {
  TempFolder dir;
  dir.write("00001_a.sql", goose);
  dir.write("b.sql", "-- retort:revision bbbb\n-- retort:down_revision 00001\n-- retort:upgrade\nSELECT 2;\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"bbbb <- 00001: ", "00001 <-: a"}));
}
