// `retort schema` through the binary on every engine: the live schema as the
// dialect reads it, in the stable JSON form, without retort's own tables.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

class SchemaCommand : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};

  Json schema_json() {
    Result r = project.retort({"--format", "json", "schema"});
    EXPECT_EXIT_CODE(r, 0);
    return Json::parse(r.out, nullptr, false);
  }
};

const Json* named(const Json& list, const std::string& name) {
  for (const auto& item : list)
    if (item.value("name", Json()).is_string() && item["name"] == name) return &item;
  return nullptr;
}

std::vector<std::string> names(const Json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item["name"].get<std::string>());
  return out;
}

TEST_P(SchemaCommand, TheShopAtHeadIsDescribedWithoutRetortsOwnTables) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  const Json s = schema_json();
  ASSERT_FALSE(s.is_discarded());
  EXPECT_EQ(s["format"], "retort-schema/1");
  EXPECT_EQ(names(s["tables"]), (std::vector<std::string>{"categories", "products", "purchases", "users"}));

  const Json* users = named(s["tables"], "users");
  ASSERT_NE(users, nullptr);
  const Json* username = named((*users)["columns"], "username");
  ASSERT_NE(username, nullptr);
  EXPECT_EQ((*username)["type"], "string(64)");
  EXPECT_EQ((*username)["nullable"], true);
  EXPECT_EQ((*users)["primary_key"], Json::array({"id"}));
  EXPECT_EQ((*named((*users)["columns"], "id"))["autoincrement"], true);

  const Json* purchases = named(s["tables"], "purchases");
  ASSERT_NE(purchases, nullptr);
  bool cascades_from_users = false;
  for (const auto& fk : (*purchases)["foreign_keys"])
    cascades_from_users = cascades_from_users ||
                          (fk["columns"] == Json::array({"user_id"}) && fk["references_table"] == "users" &&
                           fk["references_columns"] == Json::array({"id"}) && fk["on_delete"] == "CASCADE");
  EXPECT_TRUE(cascades_from_users) << (*purchases)["foreign_keys"].dump();

  const Json* index = named(s["indexes"], "ix_users_username");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ((*index)["table"], "users");
  EXPECT_EQ((*index)["entries"], Json::array({"username"}));
  EXPECT_EQ((*index)["unique"], false);
}

TEST_P(SchemaCommand, ATableMadeByHandIsInTheSchema) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  project.db().query("CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR(20))");
  const Json s = schema_json();
  const Json* notes = named(s["tables"], "notes");
  ASSERT_NE(notes, nullptr) << s.dump();
  EXPECT_EQ((*notes)["columns"].size(), 2u);
  EXPECT_EQ((*named((*notes)["columns"], "body"))["type"], "string(20)");
  EXPECT_EQ((*named((*notes)["columns"], "id"))["nullable"], false);
}

TEST_P(SchemaCommand, AnEmptyDatabaseSaysSo) {
  project.use_shop();
  Result r = project.retort({"schema"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("the schema is empty"));
  const Json s = schema_json();
  EXPECT_TRUE(s["tables"].empty());
  EXPECT_TRUE(s["not_managed"].empty());
}

TEST_P(SchemaCommand, TheTextFormNamesTablesColumnsAndIndexes) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  Result r = project.retort({"schema"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("table users\n"));
  EXPECT_THAT(r.out, HasSubstr("  username string(64)\n"));
  EXPECT_THAT(r.out, HasSubstr("index ix_users_username ON users (username)\n"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("retort_version")));
}

INSTANTIATE_TEST_SUITE_P(Engines, SchemaCommand, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it

namespace it {
namespace {

using ::testing::HasSubstr;

class Drift : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  void SetUp() override {
    project.use_shop();
    ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  }
  std::string leftover_scratch() { return leftover_scratch_databases(project.db()); }
};

TEST_P(Drift, ADatabaseAtHeadAsTheRevisionsMadeItPasses) {
  Result r = project.retort({"check"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("ok: the database is at the heads"));
  EXPECT_EQ(leftover_scratch(), "");
}

TEST_P(Drift, AColumnAddedByHandFailsCheckNamingIt) {
  project.db().query("ALTER TABLE purchases ADD COLUMN note TEXT");
  Result r = project.retort({"check"});
  EXPECT_EXIT_CODE(r, 6);
  EXPECT_THAT(r.out, HasSubstr("drift: purchases.note column added outside the revisions\n"));
  EXPECT_EQ(leftover_scratch(), "");

  Result json = project.retort({"--format", "json", "check"});
  EXPECT_EXIT_CODE(json, 6);
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["schema_compared"], true);
  bool named = false;
  for (const auto& f : doc["findings"]) named = named || (f["kind"] == "drift" && f["object"] == "purchases.note");
  EXPECT_TRUE(named) << json.out;

  Result skipped = project.retort({"check", "--no-drift"});
  EXPECT_EXIT_CODE(skipped, 0);
  EXPECT_THAT(skipped.out, HasSubstr("the schema was not compared with the revisions: --no-drift"));
}

TEST_P(Drift, AnIndexDroppedByHandAndATableAddedAreBothNamed) {
  project.db().query(GetParam() == "mariadb" ? "DROP INDEX ix_users_username ON users" : "DROP INDEX ix_users_username");
  project.db().query("CREATE TABLE scratchpad (id INTEGER)");
  Result r = project.retort({"check"});
  EXPECT_EXIT_CODE(r, 6);
  EXPECT_THAT(r.out, HasSubstr("drift: ix_users_username index removed outside the revisions\n"));
  EXPECT_THAT(r.out, HasSubstr("drift: scratchpad table added outside the revisions\n"));
}

TEST_P(Drift, ATypeChangedByHandIsNamedWithWhatChanged) {
  project.db().query(GetParam() == "postgresql" ? "ALTER TABLE users ALTER COLUMN username TYPE VARCHAR(80)"
                     : GetParam() == "mariadb"  ? "ALTER TABLE users MODIFY username VARCHAR(80)"
                                                : "ALTER TABLE users RENAME COLUMN username TO handle");
  Result r = project.retort({"check"});
  EXPECT_EXIT_CODE(r, 6);
  if (GetParam() == "sqlite") {
    EXPECT_THAT(r.out, HasSubstr("drift: users.username column removed outside the revisions\n"));
    EXPECT_THAT(r.out, HasSubstr("drift: users.handle column added outside the revisions\n"));
  } else {
    EXPECT_THAT(r.out, HasSubstr("drift: users.username column changed outside the revisions: type string(64) -> "
                                 "string(80)\n"));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Drift, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

// retort's tables in a schema of their own, as Alembic's version_table_schema
// puts them: the objects are read from the connection's default schema, and
// the scratch database keeps its retort tables in its own default schema.
TEST(DriftPostgresql, RetortTablesInTheirOwnSchemaChangeNothingThatIsCompared) {
  Project project("postgresql");
  project.db().query("CREATE SCHEMA ops");
  project.configure(shop_plugin().string(), "version_table_schema = ops");
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  EXPECT_EQ(project.db().query("SELECT count(*) FROM ops.retort_version"), "1\n");
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
  EXPECT_EXIT_CODE(project.retort({"diff"}), 0);

  project.db().query("ALTER TABLE purchases ADD COLUMN note TEXT");
  Result r = project.retort({"check"});
  EXPECT_EXIT_CODE(r, 6);
  EXPECT_THAT(r.out, HasSubstr("drift: purchases.note column added outside the revisions\n"));
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

}  // namespace
}  // namespace it
