// init_sql (issue 15): statements run on every connection before anything
// else, seen by the revisions' own session on every engine, written at the
// top of offline scripts, and a failing one stops the run before it starts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

// A session setting per engine, and how a revision sees it.
struct SessionSetting {
  std::string init_sql;  ///< sets it
  std::string other;     ///< sets it to something else
  std::string record;    ///< a revision's statement keeping what the session sees in table `seen`
  std::string expected, other_expected;
};

SessionSetting setting_of(const std::string& engine) {
  // Not foreign_keys: a run turns them off for its transaction and checks
  // each step instead (plugins/dialects/sqlite/README.md).
  if (engine == "sqlite")
    return {"PRAGMA recursive_triggers = ON", "PRAGMA recursive_triggers = OFF",
            "CREATE TABLE seen AS SELECT recursive_triggers AS v FROM pragma_recursive_triggers;", "1", "0"};
  if (engine == "postgresql")
    return {"SET search_path TO public, pg_temp", "SET search_path TO public",
            "CREATE TABLE seen AS SELECT current_setting('search_path') AS v;", "public, pg_temp", "public"};
  return {"SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'", "SET SESSION sql_mode = 'ANSI_QUOTES'",
          "CREATE TABLE seen AS SELECT @@SESSION.sql_mode AS v;", "NO_ENGINE_SUBSTITUTION", "ANSI_QUOTES"};
}

class InitSql : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  SessionSetting setting = setting_of(GetParam());
  void SetUp() override {
    project.use_sql_revisions({{"aaaa00000001", "", setting.record, "DROP TABLE seen;"}},
                              "init_sql = " + setting.init_sql);
  }
};

TEST_P(InitSql, EveryConnectionRunsItFirstAndRevisionsSeeIt) {
  const Result r = project.retort({"upgrade", "head"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(project.db().query("SELECT v FROM seen"), setting.expected + "\n");
}

TEST_P(InitSql, TheFlagWinsOverTheEnvironmentWhichWinsOverTheFile) {
  const Result from_env = project.retort({"upgrade", "head"}, {{"RETORT_INIT_SQL", setting.other}});
  ASSERT_EQ(from_env.code, 0) << from_env.err;
  EXPECT_EQ(project.db().query("SELECT v FROM seen"), setting.other_expected + "\n");
  ASSERT_EQ(project.retort({"downgrade", "base"}).code, 0);
  const Result from_flag =
      project.retort({"--init-sql", setting.init_sql, "upgrade", "head"}, {{"RETORT_INIT_SQL", setting.other}});
  ASSERT_EQ(from_flag.code, 0) << from_flag.err;
  EXPECT_EQ(project.db().query("SELECT v FROM seen"), setting.expected + "\n");
}

TEST_P(InitSql, OfflineScriptsStartWithIt) {
  const Result r = project.retort({"upgrade", "head", "--sql"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto init = r.out.find(setting.init_sql);
  ASSERT_NE(init, std::string::npos) << r.out;
  EXPECT_LT(init, r.out.find("retort_version")) << r.out;
  EXPECT_LT(init, r.out.find(setting.record.substr(0, 17))) << r.out;
}

TEST_P(InitSql, AFailingOneStopsTheRunNamingItAndChangesNothing) {
  const Result r = project.retort({"--init-sql", "SET retort_no_such_setting_ = 1", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("init_sql failed"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("rt-test-pw")));
  EXPECT_EQ(project.db().tables(), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, InitSql, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
