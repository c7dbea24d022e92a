// A folder with entries but no revision file is an error, not an empty
// project (issue 17): a Diesel folder would otherwise migrate nothing, silently.
#include "folder_provider.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using sqldir::FolderProvider;

namespace {

std::string diesel_migration(const TempFolder& dir, const std::string& name) {
  std::filesystem::create_directory(dir.path() + "/" + name);
  dir.write(name + "/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
  dir.write(name + "/down.sql", "DROP TABLE users;\n");
  return name + "/";
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

TEST(SqldirUnrecognisedFolder, DieselFoldersAreARevisionErrorNamingWhatWasFoundAndWhatIsRead) {
  TempFolder dir;
  diesel_migration(dir, "2019-02-26-002946_create_user");
  diesel_migration(dir, "2019-03-01-101010_create_posts");
  diesel_migration(dir, "00000000000000_diesel_initial_setup");
  diesel_migration(dir, "2019-04-01-101010_create_tags");
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  const std::string message = f.what();
  EXPECT_NE(message.find(dir.path()), std::string::npos) << message;
  EXPECT_NE(message.find("among its 4 entries (00000000000000_diesel_initial_setup/, "
                         "2019-02-26-002946_create_user/, 2019-03-01-101010_create_posts/, ...)"),
            std::string::npos)
      << message;
  for (const char* layout : {"-- retort:revision", "{version}_{title}.up.sql", "V{version}__{description}.sql",
                             "U{version}__{description}.sql"})
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
  diesel_migration(dir, "2019-02-26-002946_create_user");
  dir.write("1_init.up.sql", "CREATE TABLE t (id INTEGER);\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_count(), 1u);
}

}  // namespace
