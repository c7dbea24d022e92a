// Named table constraints (ABI 1.2) written with the SDK, applied through the
// built binary on every engine: the engine then enforces each of them, the
// offline script declares them, the recorded checksums hold, and the
// downgrade takes them away.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

class Constraints : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  void SetUp() override { project.configure(std::string(RETORT_IT_FIXTURES) + "/constraints.so"); }

  // Runs `sql` with the engine's own client; true if it succeeded. SQLite's
  // client enforces foreign keys only when asked, as an application does.
  bool accepts(const std::string& sql) {
    const fs::path script = project.dir() / "probe.sql";
    write_file(script, (GetParam() == "sqlite" ? "PRAGMA foreign_keys = ON;\n" : "") + sql + "\n");
    return project.db().apply_script(script).code == 0;
  }
};

TEST_P(Constraints, EveryDeclaredConstraintIsEnforced) {
  ASSERT_EQ(project.retort({"upgrade", "c0a5c0a5c001"}).code, 0);
  ASSERT_TRUE(accepts("INSERT INTO parents (id, code) VALUES (1, 'a')"));
  EXPECT_FALSE(accepts("INSERT INTO children (id, parent_id, qty) VALUES (1, 1, 0)")) << "the check";
  EXPECT_FALSE(accepts("INSERT INTO children (id, parent_id, qty) VALUES (1, 2, 5)")) << "the foreign key";
  ASSERT_TRUE(accepts("INSERT INTO children (id, parent_id, qty) VALUES (1, 1, 5)"));
  EXPECT_FALSE(accepts("INSERT INTO children (id, parent_id, qty) VALUES (2, 1, 5)")) << "the unique";
  ASSERT_TRUE(accepts("UPDATE parents SET id = 7 WHERE id = 1"));
  EXPECT_EQ(project.db().query("SELECT parent_id FROM children"), "7\n") << "ON UPDATE CASCADE";
  ASSERT_TRUE(accepts("DELETE FROM parents WHERE id = 7"));
  EXPECT_EQ(project.db().query("SELECT COUNT(*) FROM children"), "0\n") << "ON DELETE CASCADE";
}

TEST_P(Constraints, ConstraintsAddedInPlaceAreEnforcedUntilTheDowngrade) {
  Result up = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(up, 0);
  ASSERT_TRUE(accepts("INSERT INTO parents (id, code) VALUES (1, 'a')"));
  const bool in_place = GetParam() != "sqlite";  // SQLite's revision adds nothing in place
  EXPECT_EQ(accepts("INSERT INTO parents (id, code) VALUES (2, 'a')"), !in_place) << "the unique";
  EXPECT_EQ(accepts("INSERT INTO parents (id, code) VALUES (3, '')"), !in_place) << "the check";
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);

  EXPECT_EXIT_CODE(project.retort({"downgrade", "-1"}), 0);
  EXPECT_TRUE(accepts("INSERT INTO parents (id, code) VALUES (4, 'a')"));
  EXPECT_TRUE(accepts("INSERT INTO parents (id, code) VALUES (5, '')"));
  EXPECT_EXIT_CODE(project.retort({"downgrade", "base"}), 0);
  EXPECT_THAT(project.db().tables(), ::testing::Not(HasSubstr("children")));
}

TEST_P(Constraints, TheOfflineScriptDeclaresThemAndAppliesWithTheEnginesClient) {
  Result sql = project.retort({"upgrade", "head", "--sql"});
  EXPECT_EXIT_CODE(sql, 0);
  EXPECT_THAT(sql.out, HasSubstr("CONSTRAINT"));
  EXPECT_THAT(sql.out, HasSubstr("ON UPDATE CASCADE"));
  const fs::path script = project.dir() / "upgrade.sql";
  write_file(script, sql.out);
  EXPECT_EXIT_CODE(project.db().apply_script(script), 0);
  EXPECT_TRUE(accepts("INSERT INTO parents (id, code) VALUES (1, 'a')"));
  EXPECT_FALSE(accepts("INSERT INTO children (id, parent_id, qty) VALUES (1, 1, 0)"));
}

INSTANTIATE_TEST_SUITE_P(Engines, Constraints, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
