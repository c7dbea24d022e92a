// Issue 17: a revisions folder in which nothing is recognised fails loudly
// (exit 4, one line) instead of passing for a project without revisions.
// Since issue 15, Diesel's layout is one retort reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(UnrecognisedFolder, HeadsOnASqitchFolderIsARevisionError) {
  Project project("sqlite");
  for (const std::string name : {"deploy", "revert"})
    write_file(project.dir() / "revisions" / name / "users.sql", "CREATE TABLE t (id INTEGER);\n");
  write_file(project.dir() / "revisions" / "sqitch.plan", "%project=app\n");
  project.configure("revisions");
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("3 entries (deploy/, revert/, sqitch.plan)"));
  for (const char* layout : {"golang-migrate", "Flyway", "goose", "dbmate", "Diesel"})
    EXPECT_THAT(r.err, HasSubstr(layout));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

// Issue 15: Diesel's folder a migration is a layout retort reads.
TEST(UnrecognisedFolder, HeadsOnADieselFolderNamesItsLastMigration) {
  Project project("sqlite");
  for (const std::string name : {"2019-02-26-002946_create_user", "2019-03-01-101010_create_posts"}) {
    fs::create_directories(project.dir() / "revisions" / name);
    write_file(project.dir() / "revisions" / name / "up.sql", "CREATE TABLE t (id INTEGER);\n");
    write_file(project.dir() / "revisions" / name / "down.sql", "DROP TABLE t;\n");
  }
  project.configure("revisions");
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("20190301101010"));
  EXPECT_THAT(r.out, Not(HasSubstr("20190226002946")));
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
