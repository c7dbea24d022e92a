// What a golang-migrate or Flyway file name says: layout, role, version, id
// and message; which names are neither; and how versions are ordered.
#include "conventional_name.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <cctype>
#include <optional>
#include <string>

using sqldir::compare_versions;
using sqldir::conventional_name;
using sqldir::diesel_name;
using sqldir::numbered_name;
using sqldir::ConventionalName;
using sqldir::Layout;
using sqldir::Role;
using sqldir::Version;

namespace {

ConventionalName named(const std::string& file_name) {
  const std::optional<ConventionalName> name = conventional_name(file_name);
  if (!name) ADD_FAILURE() << file_name << " was not recognised";
  return name.value_or(ConventionalName{Layout::flyway, Role::downgrade, {}, "", "", ""});
}

std::string error_for(const std::string& file_name) {
  try {
    conventional_name(file_name);
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
    return f.what();
  }
  return "(no error)";
}

}  // namespace

TEST(SqldirConventionalName, GolangMigrateUpFileKeepsItsVersionDigitsAsTheId) {
  const ConventionalName n = named("000001_create_users_table.up.sql");
  EXPECT_EQ(n.layout, Layout::golang_migrate);
  EXPECT_EQ(n.role, Role::upgrade);
  EXPECT_EQ(n.id, "000001");
  EXPECT_EQ(n.version, Version{"000001"});
  EXPECT_EQ(n.message, "create users table");
}

TEST(SqldirConventionalName, GolangMigrateDownFileAndTimestampVersion) {
  const ConventionalName n = named("20230101120000_add_posts.down.sql");
  EXPECT_EQ(n.layout, Layout::golang_migrate);
  EXPECT_EQ(n.role, Role::downgrade);
  EXPECT_EQ(n.id, "20230101120000");
  EXPECT_EQ(n.message, "add posts");
}

TEST(SqldirConventionalName, GolangMigrateTitleMayHoldDotsOrBeEmpty) {
  EXPECT_EQ(named("3_v2.0_cleanup.up.sql").message, "v2.0 cleanup");
  EXPECT_EQ(named("4_.up.sql").message, "");
}

TEST(SqldirConventionalName, FlywayVersionedFile) {
  const ConventionalName n = named("V1__Create_person_table.sql");
  EXPECT_EQ(n.layout, Layout::flyway);
  EXPECT_EQ(n.role, Role::upgrade);
  EXPECT_EQ(n.id, "V1");
  EXPECT_EQ(n.message, "Create person table");
}

TEST(SqldirConventionalName, FlywayVersionSeparatorsBecomeUnderscoresInTheId) {
  const ConventionalName dotted = named("V1.1__add_index.sql");
  EXPECT_EQ(dotted.id, "V1_1");
  EXPECT_EQ(dotted.version, (Version{"1", "1"}));
  EXPECT_EQ(dotted.version_text, "1.1");
  const ConventionalName underscored = named("V2_3__rename.sql");
  EXPECT_EQ(underscored.id, "V2_3");
  EXPECT_EQ(underscored.version, (Version{"2", "3"}));
  EXPECT_EQ(named("V2022.01.15.1__seed.sql").id, "V2022_01_15_1");
}

TEST(SqldirConventionalName, FlywayUndoFileIsADowngrade) {
  const ConventionalName n = named("U1.1__add_index.sql");
  EXPECT_EQ(n.layout, Layout::flyway);
  EXPECT_EQ(n.role, Role::downgrade);
  EXPECT_EQ(n.id, "V1_1");
}

TEST(SqldirConventionalName, OtherNamesAreNeither) {
  for (const char* name : {"001_init.sql", "create_users.sql", "1_init.UP.sql", "_init.up.sql", "1init.up.sql",
                           "a1_init.up.sql", "V1_init.sql", "V__init.sql", "V1..2__x.sql", "V1.__x.sql",
                           "v1__init.sql", "B1__baseline.sql", "V1__init.SQL", "Vx__init.sql"})
    EXPECT_FALSE(conventional_name(name).has_value()) << name;
}

TEST(SqldirConventionalName, FlywayRepeatableIsNamedByItsDescription) {
  const ConventionalName n = named("R__refresh_views.sql");
  EXPECT_EQ(n.layout, Layout::flyway);
  EXPECT_EQ(n.role, Role::repeatable);
  EXPECT_TRUE(n.version.empty());
  EXPECT_EQ(n.id, "R__refresh_views");
  EXPECT_EQ(n.message, "refresh views");
}

TEST(SqldirConventionalName, RepeatableIdMapsOtherCharactersToUnderscores) {
  EXPECT_EQ(named("R__Views-for reports.v2.sql").id, "R__Views_for_reports_v2");
  EXPECT_EQ(named("R__Views-for reports.v2.sql").message, "Views-for reports.v2");
  EXPECT_EQ(named("R__caf\xc3\xa9.sql").id, "R__caf__");
  EXPECT_EQ(named("R__.sql").id, "R__");
}

TEST(SqldirConventionalName, LongRepeatableDescriptionIsCutAndHashedToSixtyFourCharacters) {
  const std::string fits(61, 'a');
  EXPECT_EQ(named("R__" + fits + ".sql").id, "R__" + fits);
  const std::string a = std::string(70, 'x') + "_one", b = std::string(70, 'x') + "_two";
  const std::string id_a = named("R__" + a + ".sql").id, id_b = named("R__" + b + ".sql").id;
  EXPECT_EQ(id_a.size(), 64u);
  EXPECT_EQ(id_a.substr(0, 56), "R__" + std::string(52, 'x') + "_");
  EXPECT_NE(id_a, id_b);
  EXPECT_EQ(id_a, sqldir::repeatable_id(a));  // the same description, the same id, every time
  for (const char c : id_a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '_') << id_a;
}

TEST(SqldirConventionalName, VersionTooLongForAnIdIsRefused) {
  const std::string digits(65, '1');
  EXPECT_EQ(error_for(digits + "_x.up.sql"),
            digits + "_x.up.sql: version '" + digits + "' is too long for a revision id (at most 64 characters)");
  EXPECT_TRUE(conventional_name(std::string(64, '1') + "_x.up.sql").has_value());
}

TEST(SqldirConventionalName, VersionsCompareAsNumbersComponentByComponent) {
  EXPECT_LT(compare_versions({"2"}, {"10"}), 0);
  EXPECT_GT(compare_versions({"10"}, {"9"}), 0);
  EXPECT_LT(compare_versions({"1", "1"}, {"1", "10"}), 0);
  EXPECT_LT(compare_versions({"1", "9"}, {"1", "10"}), 0);
  EXPECT_LT(compare_versions({"1"}, {"1", "1"}), 0);
  EXPECT_LT(compare_versions({"1", "99"}, {"2"}), 0);
  EXPECT_EQ(compare_versions({"000001"}, {"1"}), 0);
  EXPECT_EQ(compare_versions({"1"}, {"1", "0"}), 0);
  EXPECT_LT(compare_versions({"99999999999999999999999"}, {"100000000000000000000000"}), 0);
}

TEST(SqldirConventionalName, OnlyTheFileNameOfAPathCounts) {
  EXPECT_EQ(named("db/migrations/V3__x.sql").id, "V3");
  EXPECT_FALSE(conventional_name("V1__old/create.sql").has_value());
  EXPECT_EQ(named("db/R__views.sql").id, "R__views");
}

TEST(SqldirConventionalName, GooseAndDbmateFilesAreNumberedWithTheLayoutTheContentSays) {
  const std::optional<ConventionalName> goose = numbered_name("db/00001_create_users.sql", Layout::goose);
  ASSERT_TRUE(goose.has_value());
  EXPECT_EQ(goose->layout, Layout::goose);
  EXPECT_EQ(goose->role, Role::upgrade);
  EXPECT_EQ(goose->id, "00001");
  EXPECT_EQ(goose->message, "create users");
  const std::optional<ConventionalName> dbmate = numbered_name("20240101000000_add_posts.sql", Layout::dbmate);
  ASSERT_TRUE(dbmate.has_value());
  EXPECT_EQ(dbmate->layout, Layout::dbmate);
  EXPECT_EQ(dbmate->id, "20240101000000");
  for (const char* name : {"create_users.sql", "00001.sql", "00001_x.SQL", "x00001_y.sql", "00001_x.sql.bak"})
    EXPECT_FALSE(numbered_name(name, Layout::goose).has_value()) << name;
}

TEST(SqldirConventionalName, DieselFolderVersionLosesItsDashesInTheId) {
  const std::optional<ConventionalName> n = diesel_name("migrations/2019-02-26-002946_create_user");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->layout, Layout::diesel);
  EXPECT_EQ(n->id, "20190226002946");
  EXPECT_EQ(n->version, Version{"20190226002946"});
  EXPECT_EQ(n->version_text, "2019-02-26-002946");
  EXPECT_EQ(n->message, "create user");
  EXPECT_EQ(diesel_name("00000000000000_diesel_initial_setup")->id, "00000000000000");
  EXPECT_EQ(diesel_name("20160107082941_create_posts")->id, "20160107082941");
  for (const char* name : {"seeds", "2019", "-2019_x", "2019-02-26a_x", "v2019_x", "_x"})
    EXPECT_FALSE(diesel_name(name).has_value()) << name;
}

TEST(SqldirConventionalName, LongGooseAndDieselVersionsAreRefused) {
  const std::string digits(65, '1');
  try {
    numbered_name(digits + "_x.sql", Layout::goose);
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(std::string(f.what()), digits + "_x.sql: version '" + digits +
                                         "' is too long for a revision id (at most 64 characters)");
  }
  EXPECT_THROW(diesel_name(digits + "_x"), retort::failure);
  EXPECT_TRUE(diesel_name(std::string(64, '1') + "-_x").has_value());
}
