// The shop's models (revisions/shop/models) say what the shop's revisions
// make at head: read through the registry as `models =` reads them, and
// built on SQLite next to the revisions replayed, the two schemas are one.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "host/abi/collect.hpp"
#include "host/abi/dialect.hpp"
#include "host/abi/provider.hpp"
#include "host/abi/step_render.hpp"
#include "host/plugins/registry.hpp"
#include "host/schema/change_plan.hpp"
#include "host/schema/compare.hpp"
#include "test_support.hpp"

namespace plugin_tests {
namespace {

namespace schema = host::schema;

std::vector<std::string> names_of(const std::vector<schema::Table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

const schema::Table& table_named(const schema::Schema& s, const std::string& name) {
  const auto it = std::find_if(s.tables.begin(), s.tables.end(), [&](const auto& t) { return t.name == name; });
  if (it == s.tables.end()) throw std::runtime_error("no table " + name);
  return *it;
}

TEST(ShopModels, LoadAndDescribeTheShopTables) {
  host::PluginRegistry registry({});
  host::Provider& models = registry.provider_from_file(SHOP_MODELS);
  EXPECT_EQ(models.name(), "shop_models");
  EXPECT_TRUE(models.has_models());
  models.open("");
  const schema::Desired d = models.models();
  EXPECT_EQ(names_of(d.schema.tables), (std::vector<std::string>{"categories", "products", "purchases", "users"}));
  EXPECT_TRUE(d.renames.empty());
  EXPECT_TRUE(d.schema.views.empty());
  EXPECT_TRUE(d.schema.enums.empty());

  const schema::Table& products = table_named(d.schema, "products");
  EXPECT_EQ(products.columns.back().name, "is_hidden");  // added last, by the fourth revision
  EXPECT_EQ(products.foreign_keys,
            (std::vector<schema::ForeignKey>{{"", {"category_id"}, "categories", {"id"}, "CASCADE", ""}}));
  const schema::Table& purchases = table_named(d.schema, "purchases");
  EXPECT_EQ(purchases.foreign_keys, (std::vector<schema::ForeignKey>{{"", {"product_id"}, "products", {"id"}, "", ""},
                                                                     {"", {"user_id"}, "users", {"id"}, "CASCADE", ""}}));
  EXPECT_EQ(table_named(d.schema, "users").uniques, (std::vector<schema::Unique>{{"", {"telegram_id"}}}));
  EXPECT_EQ(table_named(d.schema, "categories").uniques, (std::vector<schema::Unique>{{"", {"name"}}}));
  EXPECT_EQ(d.schema.indexes, (std::vector<schema::Index>{
                                  {"ix_products_category_id", "products", {"category_id"}, false, ""},
                                  {"ix_purchases_product_id", "purchases", {"product_id"}, false, ""},
                                  {"ix_purchases_user_id", "purchases", {"user_id"}, false, ""},
                                  {"ix_users_username", "users", {"username"}, false, ""},
                                  {"uq_purchases_payment_id", "purchases", {"payment_id"}, true, ""},
                              }));
}

TEST(ShopModels, MatchWhatTheShopRevisionsMakeOnSqlite) {
  const host::Dialect sqlite(host::load_plugin(SQLITE_DIALECT));
  const std::vector<std::pair<std::string, std::string>> memory{{"url.database", ":memory:"}};

  // The revisions, every one upgraded in order.
  host::Provider revisions(host::load_plugin(SHOP_REVISIONS));
  revisions.open("");
  auto replayed = sqlite.connect("sqlite://:memory:", memory);
  const host::Collector collector(sqlite, {&revisions}, {}, false);
  for (const host::Revision& r : revisions.revisions(0))
    for (const auto& statement : collector.collect(r, host::Direction::upgrade, false).statements)
      replayed->execute(statement);

  // The models, planned from nothing and rendered as `models =` builds them.
  host::Provider models(host::load_plugin(SHOP_MODELS));
  models.open("");
  const schema::ChangePlan plan = schema::plan_changes({}, models.models().schema, {sqlite.rebuilds_tables()});
  ASSERT_TRUE(plan.refused.empty()) << plan.refused.front();
  auto built = sqlite.connect("sqlite://:memory:", memory);
  for (const auto& step : plan.steps)
    for (const auto& statement : host::render_step(sqlite, step)) built->execute(statement);

  const schema::Schema from_revisions = replayed->read_schema("", {});
  const schema::Schema from_models = built->read_schema("", {});
  EXPECT_EQ(names_of(from_revisions.tables), (std::vector<std::string>{"categories", "products", "purchases", "users"}));
  std::string differences;
  for (const auto& d : schema::compare(from_revisions, from_models))
    differences += schema::change_name(d.change) + " " + d.kind + " " + d.object + " " + d.detail + "\n";
  EXPECT_EQ(differences, "");
  EXPECT_EQ(from_revisions, from_models);
}

}  // namespace
}  // namespace plugin_tests
