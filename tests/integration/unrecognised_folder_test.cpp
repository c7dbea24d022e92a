// Issue 17: a revisions folder in which nothing is recognised fails loudly
// (exit 4, one line) instead of passing for a project without revisions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

TEST(UnrecognisedFolder, HeadsOnADieselFolderIsARevisionError) {
  Project project("sqlite");
  for (const std::string name : {"2019-02-26-002946_create_user", "2019-03-01-101010_create_posts"}) {
    fs::create_directories(project.dir() / "revisions" / name);
    write_file(project.dir() / "revisions" / name / "up.sql", "CREATE TABLE t (id INTEGER);\n");
    write_file(project.dir() / "revisions" / name / "down.sql", "DROP TABLE t;\n");
  }
  project.configure("revisions");
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("2 entries (2019-02-26-002946_create_user/, 2019-03-01-101010_create_posts/)"));
  EXPECT_THAT(r.err, HasSubstr("golang-migrate"));
  EXPECT_THAT(r.err, HasSubstr("Flyway"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(UnrecognisedFolder, AnEmptyFolderIsStillAProjectWithoutRevisions) {
  Project project("sqlite");
  fs::create_directories(project.dir() / "revisions");
  write_file(project.dir() / "revisions" / ".gitkeep", "");
  project.configure("revisions");
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 0);
}

}  // namespace
}  // namespace it
