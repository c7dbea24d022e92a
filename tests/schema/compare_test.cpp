// compare(): what differs between two schemas, object by object.
#include "host/schema/compare.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace host::schema;

Schema shop() {
  Schema s;
  Table users{"users", {{"id", "bigint", false, std::nullopt, true, ""}, {"name", "string(64)", true, std::nullopt, false, ""}},
              {"id"}, {}, {{"uq_users_name", {"name"}}}, {}};
  Table orders{"orders",
               {{"id", "bigint", false, std::nullopt, true, ""}, {"user_id", "bigint", false, std::nullopt, false, ""}},
               {"id"},
               {{"fk_orders_user", {"user_id"}, "users", {"id"}, "CASCADE", ""}},
               {},
               {{"", "id > 0"}}};
  s.tables = {orders, users};
  s.indexes = {{"ix_orders_user", "orders", {"user_id"}, false, ""}};
  s.unmanaged = {{"trigger", "orders_audit"}};
  sort_schema(s);
  return s;
}

std::vector<std::string> lines(const std::vector<Difference>& diffs) {
  std::vector<std::string> out;
  for (const auto& d : diffs)
    out.push_back(change_name(d.change) + " " + d.kind + " " + d.object + (d.detail.empty() ? "" : ": " + d.detail));
  return out;
}

TEST(SchemaCompare, ASchemaEqualsItselfButSaysWhatItDidNotCompare) {
  EXPECT_TRUE(compare(shop(), shop()).empty());
  EXPECT_EQ(not_compared(shop(), shop()), std::vector<std::string>{"trigger orders_audit"});
}

TEST(SchemaCompare, EveryKindOfObjectIsNamedWithItsChange) {
  Schema to = shop();
  to.tables[0].columns.push_back({"note", "text", true, std::nullopt, false, ""});                // orders.note added
  to.tables[1].columns[1].type = "string(80)";                                                 // users.name changed
  to.tables[1].columns[1].nullable = false;
  to.tables[0].foreign_keys[0].on_delete = "";                                                 // fk changed
  to.tables[1].uniques.clear();                                                                // unique removed
  to.tables[0].checks[0].expression = "id >= 0";  // unnamed: matched by content, so removed + added
  to.indexes.clear();
  to.tables.push_back({"audit", {{"at", "datetime", true, std::nullopt, false, ""}}, {}, {}, {}, {}});
  to.views.push_back({"v", "SELECT 1"});
  sort_schema(to);
  EXPECT_THAT(lines(compare(shop(), to)),
              ::testing::UnorderedElementsAre(
                  "added table audit", "added column orders.note",
                  "changed foreign key orders.fk_orders_user: (user_id) -> users (id) ON DELETE CASCADE -> (user_id) -> "
                  "users (id)",
                  "removed check orders.(id > 0)", "added check orders.(id >= 0)",
                  "changed column users.name: type string(64) -> string(80), now NOT NULL",
                  "removed unique users.uq_users_name", "removed index ix_orders_user", "added view v"));
}

TEST(SchemaCompare, ARemovedTableIsOneDifferenceNotOnePerColumn) {
  Schema to = shop();
  to.tables.erase(to.tables.begin());  // orders
  EXPECT_EQ(lines(compare(shop(), to)), std::vector<std::string>{"removed table orders"});
}

TEST(SchemaCompare, KeyAndEnumChangesAreNamed) {
  Schema from = shop(), to = shop();
  from.enums = {{"mood", {"sad", "ok"}}};
  to.enums = {{"mood", {"sad", "ok", "happy"}}};
  to.tables[1].primary_key = {"id", "name"};
  EXPECT_THAT(lines(compare(from, to)),
              ::testing::UnorderedElementsAre("changed primary key users: (id) -> (id, name)",
                                              "changed enum mood: (sad, ok) -> (sad, ok, happy)"));
}

TEST(SchemaCompare, AGeneratedColumnsStorageIsCompared) {
  Schema from = shop(), to = shop();
  from.tables[0].columns.push_back({"twice", "bigint", true, std::nullopt, false, "id * 2"});
  to.tables[0].columns.push_back({"twice", "bigint", true, std::nullopt, false, "id * 2", true});
  EXPECT_EQ(lines(compare(from, to)),
            std::vector<std::string>{"changed column orders.twice: generated now VIRTUAL (was STORED)"});
}

}  // namespace
