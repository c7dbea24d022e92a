// Issue 17: with user and password `retort`, the password is masked where it
// is one (the URL) and retort's advice and the database's name stay readable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string url = "postgresql://retort:retort@127.0.0.1:1/retort_kr_1";

TEST(PasswordThatIsAWord, AdviceNamingRetortStaysReadable) {
  Project project("sqlite");
  project.use_sql_revisions({{"aaaa00000001", "", "SELECT 1;", ""}, {"bbbb00000002", "", "SELECT 2;", ""}});
  Result r = project.retort({"--url", url, "upgrade", "head", "--sql"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("'retort upgrade heads'"));
  EXPECT_THAT(r.err, HasSubstr("'retort merge heads'"));
}

TEST(PasswordThatIsAWord, ConnectionFailureMasksUserAndPasswordButNotTheDatabase) {
  Project project("sqlite");
  project.use_shop();
  Result r = project.retort({"--url", url, "current"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("postgresql://***:***@127.0.0.1:1/retort_kr_1"));
  EXPECT_THAT(r.err, Not(HasSubstr("retort:retort")));
  EXPECT_THAT(r.err, Not(HasSubstr("***_kr_1")));
}

}  // namespace
}  // namespace it
