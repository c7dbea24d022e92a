// Rename hints: a hinted table or column is renamed, never dropped and added;
// a hint already done asks for nothing; the way back inverts the hints.
#include "host/schema/renames.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace host::schema;

Column col(std::string name, std::string type, bool nullable = true) {
  return Column{std::move(name), std::move(type), nullable, std::nullopt, false, ""};
}

std::vector<std::string> described(const ChangePlan& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan.steps) out.push_back(describe(s) + (s.destroys.empty() ? "" : " !"));
  return out;
}

// clients(id, mail) with an index on mail, and orders pointing at clients.
Schema before() {
  Schema s;
  s.tables = {{"clients", {col("id", "integer", false), col("mail", "string(80)")}, {"id"}, {}, {{"uq_mail", {"mail"}}}, {}},
              {"orders", {col("id", "integer", false), col("client_id", "integer")}, {"id"},
               {{"fk_orders_client", {"client_id"}, "clients", {"id"}, "", ""}}, {}, {}}};
  s.indexes = {{"ix_mail", "clients", {"mail"}, false, ""}};
  sort_schema(s);
  return s;
}

// The same, with clients called customers and mail called email.
Schema after() {
  Schema s;
  s.tables = {{"customers", {col("id", "integer", false), col("email", "string(80)")}, {"id"}, {}, {{"uq_mail", {"email"}}}, {}},
              {"orders", {col("id", "integer", false), col("client_id", "integer")}, {"id"},
               {{"fk_orders_client", {"client_id"}, "customers", {"id"}, "", ""}}, {}, {}}};
  s.indexes = {{"ix_mail", "customers", {"email"}, false, ""}};
  sort_schema(s);
  return s;
}

const std::vector<RenameHint> hints = {{"customers", "", "clients"}, {"customers", "email", "mail"}};

TEST(SchemaRenames, WithoutHintsADifferentNameIsADropAndAnAdd) {
  const auto steps = described(plan_changes(before(), after()));
  EXPECT_THAT(steps, ::testing::Contains("drop table clients !"));
  EXPECT_THAT(steps, ::testing::Contains("create table customers"));
}

TEST(SchemaRenames, HintedTablesAndColumnsAreRenamedAndEverythingOnThemFollows) {
  EXPECT_EQ(described(plan_changes(before(), after(), {}, hints)),
            (std::vector<std::string>{"rename table clients to customers", "rename column customers.mail to email"}));
}

TEST(SchemaRenames, AHintAlreadyDoneAsksForNothing) {
  EXPECT_TRUE(plan_changes(after(), after(), {}, hints).steps.empty());
  // Only the column is left to rename.
  Schema half = after();
  half.tables[0].columns[1].name = "mail";
  half.tables[0].uniques[0].columns = {"mail"};
  half.indexes[0].entries = {"mail"};
  EXPECT_EQ(described(plan_changes(half, after(), {}, hints)),
            (std::vector<std::string>{"rename column customers.mail to email"}));
}

TEST(SchemaRenames, TheWayBackInvertsTheHintsUnderTheTablesOldName) {
  EXPECT_EQ(inverted(hints), (std::vector<RenameHint>{{"clients", "", "customers"}, {"clients", "mail", "email"}}));
  EXPECT_EQ(described(plan_changes(after(), before(), {}, inverted(hints))),
            (std::vector<std::string>{"rename table customers to clients", "rename column clients.email to mail"}));
}

TEST(SchemaRenames, AHintWhoseNewNameTheTargetLacksIsNotFollowed) {
  EXPECT_TRUE(apply_renames(before(), before(), hints).steps.empty());
}

}  // namespace
