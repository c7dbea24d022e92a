// A folder with entries but no revision is an error, not an empty project
// (issue 17): another tool's folder would otherwise migrate nothing, silently.
#include "folder_provider.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using sqldir::FolderProvider;

namespace {

// Sqitch's layout: a plan and a folder per kind of script.
void sqitch_project(const TempFolder& dir) {
  for (const char* folder : {"deploy", "revert", "verify"}) {
    std::filesystem::create_directory(dir.path() + "/" + folder);
    dir.write(std::string(folder) + "/users.sql", "SELECT 1;\n");
  }
  dir.write("sqitch.plan", "%project=app\nusers 2024-01-01T00:00:00Z Ada <ada@example.com> # users\n");
  dir.write("sqitch.conf", "[core]\n\tengine = pg\n");
}

retort::failure failure_opening(const std::string& folder) {
  try {
    FolderProvider p(folder);
  } catch (const retort::failure& f) {
    return f;
  }
  ADD_FAILURE() << "opening " << folder << " did not fail";
  return retort::failure("", 0);
}

TEST(SqldirUnrecognisedFolder, AnotherToolsFoldersAreARevisionErrorNamingWhatWasFoundAndWhatIsRead) {
  TempFolder dir;
  sqitch_project(dir);
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  const std::string message = f.what();
  EXPECT_NE(message.find(dir.path()), std::string::npos) << message;
  EXPECT_NE(message.find("among its 5 entries (deploy/, revert/, sqitch.conf, ...)"), std::string::npos) << message;
  for (const char* layout : {"-- retort:revision", "{version}_{title}.up.sql", "V{version}__{description}.sql",
                             "U{version}__{description}.sql", "goose's {version}_{title}.sql with '-- +goose Up'",
                             "dbmate's {version}_{title}.sql with '-- migrate:up'",
                             "Diesel's folders {version}_{name}/ holding up.sql"})
    EXPECT_NE(message.find(layout), std::string::npos) << layout << " missing from: " << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(SqldirUnrecognisedFolder, OtherFilesWithoutAnySqlFileAreAnError) {
  TempFolder dir;
  dir.write("README.md", "notes");
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  EXPECT_NE(std::string(f.what()).find("among its 1 entry (README.md)"), std::string::npos) << f.what();
}

TEST(SqldirUnrecognisedFolder, AFolderOfDotFilesOnlyIsStillAnEmptyProject) {
  TempFolder dir;
  dir.write(".gitkeep", "");
  std::filesystem::create_directory(dir.path() + "/.git");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_count(), 0u);
}

TEST(SqldirUnrecognisedFolder, OtherEntriesBesideRevisionsAreStillSkipped) {
  TempFolder dir;
  std::filesystem::create_directory(dir.path() + "/seeds");
  dir.write("README.md", "notes");
  dir.write("1_init.up.sql", "CREATE TABLE t (id INTEGER);\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_count(), 1u);
}

}  // namespace
