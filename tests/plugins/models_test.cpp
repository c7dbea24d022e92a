// Models plugins (ABI 1.2, issue 13): the schema an application wants,
// declared with the SDK (models.hpp), read by the host through the
// provider table's `models` function as the dialect-neutral description,
// with its rename hints; and what the host refuses in them.
#include <retort/abi.h>
#include <retort/sdk/models.hpp>
#include <retort/sdk/schema_out.hpp>
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>

#include "host/abi/provider.hpp"
#include "host/abi/schema_import.hpp"
#include "host/plugins/registry.hpp"
#include "test_support.hpp"

namespace plugin_tests {
namespace {

using host::ExitCode;
using host::Provider;
namespace schema = host::schema;

std::unique_ptr<Provider> opened(const fs::path& file) {
  auto p = std::make_unique<Provider>(host::load_plugin(file));
  p->open("");
  return p;
}

schema::Column col(std::string name, std::string type, bool nullable = true,
                   std::optional<std::string> default_sql = std::nullopt, bool autoincrement = false) {
  schema::Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  c.default_sql = std::move(default_sql);
  c.autoincrement = autoincrement;
  return c;
}

// What tests/plugins/fixtures/fixture_models.cpp declares, as the host must read it.
schema::Desired fixture_models_described() {
  schema::Desired d;
  schema::Table accounts;
  accounts.name = "accounts";
  accounts.columns = {col("id", "bigint", false, std::nullopt, true), col("email", "string(255)", false),
                      col("nickname", "string(64)"), col("created_at", "datetime", false, "CURRENT_TIMESTAMP")};
  accounts.primary_key = {"id"};
  accounts.uniques = {{"", {"nickname"}}, {"uq_accounts_email", {"email"}}};
  accounts.checks = {{"ck_accounts_email", "email <> ''"}};

  schema::Table posts;
  posts.name = "posts";
  posts.columns = {col("id", "bigint", false, std::nullopt, true), col("account_id", "bigint", false),
                   col("editor_id", "bigint"), col("parent_id", "bigint"), col("body", "text", false),
                   col("feeling", "mood")};
  posts.primary_key = {"id"};
  posts.foreign_keys = {{"", {"parent_id"}, "posts", {"id"}, "SET NULL", ""},
                        {"fk_posts_account", {"account_id"}, "accounts", {"id"}, "CASCADE", "RESTRICT"},
                        {"fk_posts_editor", {"editor_id"}, "accounts", {"id"}, "SET NULL", ""}};

  d.schema.tables = {accounts, posts};
  d.schema.indexes = {{"ix_accounts_created_at", "accounts", {"created_at"}, false, ""},
                      {"ix_posts_account_body", "posts", {"account_id", "body"}, true, "body <> ''"}};
  d.schema.views = {{"recent_posts", "SELECT id, body FROM posts WHERE id > 100"}};
  d.schema.enums = {{"mood", {"happy", "sad", "meh"}}};
  d.renames = {{"accounts", "", "users"}, {"accounts", "email", "mail"}};
  return d;
}

TEST(ModelsPlugin, DescribesItsSchemaAndRenameHintsExactly) {
  auto p = opened(fixture("fixture_models"));
  EXPECT_EQ(p->name(), "fixture_models");
  EXPECT_EQ(p->version(), "2.0.0");
  EXPECT_TRUE(p->has_models());
  EXPECT_TRUE(p->revisions(0).empty());  // a models plugin holds no revisions

  const schema::Desired got = p->models();
  const schema::Desired want = fixture_models_described();
  ASSERT_EQ(got.schema.tables.size(), want.schema.tables.size());
  for (std::size_t i = 0; i < want.schema.tables.size(); ++i) {
    const auto& g = got.schema.tables[i];
    const auto& w = want.schema.tables[i];
    EXPECT_EQ(g.name, w.name);
    EXPECT_EQ(g.columns, w.columns) << w.name;
    EXPECT_EQ(g.primary_key, w.primary_key) << w.name;
    EXPECT_EQ(g.foreign_keys, w.foreign_keys) << w.name;
    EXPECT_EQ(g.uniques, w.uniques) << w.name;
    EXPECT_EQ(g.checks, w.checks) << w.name;
  }
  EXPECT_EQ(got.schema.indexes, want.schema.indexes);
  EXPECT_EQ(got.schema.views, want.schema.views);
  EXPECT_EQ(got.schema.enums, want.schema.enums);
  EXPECT_TRUE(got.schema.unmanaged.empty());
  EXPECT_EQ(got.schema, want.schema);
  EXPECT_EQ(got.renames, want.renames);
}

TEST(ModelsPlugin, DescribesTheSameEachTimeItIsAsked) {
  host::PluginRegistry registry({});
  Provider& p = registry.provider_from_file(fixture("fixture_models"));
  p.open("");
  const schema::Desired first = p.models();
  const schema::Desired second = p.models();
  EXPECT_EQ(first.schema, second.schema);
  EXPECT_EQ(first.renames, second.renames);
  EXPECT_EQ(first.schema, fixture_models_described().schema);
}

TEST(ModelsPlugin, IsNoRevisionProviderToRun) {
  auto p = opened(fixture("fixture_models"));
  EXPECT_THROW(p->run(0, RETORT_UPGRADE, retort_migration_context{}), std::out_of_range);
}

TEST(ModelsPlugin, ContradictoryHintIsAPluginErrorNamingThePlugin) {
  auto p = opened(fixture("refused_models"));
  const Caught e = catch_error([&] { p->models(); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "models plugin refused_models (" + fixture("refused_models").string() +
                           "): the rename hint of column things.name names the column itself ('name')");
}

TEST(ModelsPlugin, RevisionPluginHasNoModels) {
  auto p = opened(fixture("fixture_revisions"));
  EXPECT_FALSE(p->has_models());
  const Caught e = catch_error([&] { p->models(); });
  EXPECT_EQ(e.code, ExitCode::usage);
  EXPECT_EQ(e.message, fixture("fixture_revisions").string() + " declares no models (it is not a models plugin)");
}

TEST(ModelsPlugin, TableWhoseSizeEndsBeforeModelsHasNone) {
  // The function is there in memory, past the declared size: never read.
  auto p = opened(fixture("short_models_table"));
  EXPECT_FALSE(p->has_models());
  const Caught e = catch_error([&] { p->models(); });
  EXPECT_EQ(e.code, ExitCode::usage);
  EXPECT_EQ(e.message, fixture("short_models_table").string() + " declares no models (it is not a models plugin)");
}

#ifdef FROZEN_1_0_PLUGIN
TEST(ModelsPlugin, PluginBuiltAgainstTheFrozen1_0HeaderHasNone) {
  auto p = opened(FROZEN_1_0_PLUGIN);
  EXPECT_FALSE(p->has_models());
  EXPECT_EQ(catch_error([&] { p->models(); }).code, ExitCode::usage);
  EXPECT_EQ(p->revisions(0).size(), 2u);  // and it still serves its revisions
}
#endif

TEST(ModelsPlugin, ModelsOfAnUnopenedProviderIsALogicError) {
  Provider p(host::load_plugin(fixture("fixture_models")));
  EXPECT_THROW(p.models(), std::logic_error);
}

// ---- the host's import of a description, fed by the SDK's own schema_out ----

const char* const who = "models plugin m (/m.so)";

// Describes through `body` into a fresh SchemaImport; the host's refusal, if any.
Caught refusal(const std::function<void(retort::ops&)>& body) {
  host::SchemaImport import(who, "models");
  retort::schema_out out(import.sink());
  try {
    body(out.ops());
  } catch (const retort::failure& f) {
    EXPECT_STREQ(f.what(), "the host refused the schema object");
  }
  return catch_error([&] { import.take_renames(); });
}

using retort::column;

TEST(ModelsImport, HintNamingTheTableItselfIsRefused) {
  const Caught e = refusal([](retort::ops& o) { o.create_table("t", {column("id", "integer")}, {}, "t"); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, std::string(who) + ": the rename hint of table t names the table itself ('t')");
}

TEST(ModelsImport, HintNamingTheColumnItselfIsRefused) {
  const Caught e = refusal([](retort::ops& o) { o.create_table("t", {column("id", "integer").renamed_from("id")}); });
  EXPECT_EQ(e.message, std::string(who) + ": the rename hint of column t.id names the column itself ('id')");
}

TEST(ModelsImport, TwoHintsForOneTableAreRefused) {
  const Caught e = refusal([](retort::ops& o) {
    o.create_table("t", {column("id", "integer")}, {}, "a");
    o.create_table("t", {column("id", "integer")}, {}, "b");
  });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, std::string(who) + ": two rename hints for table t ('a', 'b')");
}

TEST(ModelsImport, TwoHintsForOneColumnAreRefused) {
  const Caught e = refusal([](retort::ops& o) {
    o.create_table("t", {column("x", "integer").renamed_from("a"), column("x", "text").renamed_from("b")});
  });
  EXPECT_EQ(e.message, std::string(who) + ": two rename hints for column t.x ('a', 'b')");
}

TEST(ModelsImport, TwoObjectsRenamedFromOneNameAreRefused) {
  EXPECT_EQ(refusal([](retort::ops& o) {
              o.create_table("t", {column("x", "integer").renamed_from("old"), column("y", "integer").renamed_from("old")});
            }).message,
            std::string(who) + ": columns t.x and t.y are both renamed from 'old'");
  EXPECT_EQ(refusal([](retort::ops& o) {
              o.create_table("t", {column("id", "integer")}, {}, "old");
              o.create_table("u", {column("id", "integer")}, {}, "old");
            }).message,
            std::string(who) + ": tables t and u are both renamed from 'old'");
}

TEST(ModelsImport, SameOldNameInDifferentScopesIsFine) {
  host::SchemaImport import(who, "models");
  retort::schema_out out(import.sink());
  out.ops().create_table("t", {column("a", "integer").renamed_from("old")}, {}, "old");
  out.ops().create_table("u", {column("a", "integer").renamed_from("old")});
  EXPECT_EQ(import.take_renames(),
            (std::vector<schema::RenameHint>{{"t", "", "old"}, {"t", "a", "old"}, {"u", "a", "old"}}));
}

TEST(ModelsImport, HintOnAnIndexIsRefused) {
  host::SchemaImport import(who, "models");
  const std::string name = "ix", table = "t", col_name = "a", from = "old";
  const retort_str entries[] = {{col_name.data(), col_name.size()}};
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = RETORT_OP_CREATE_INDEX;
  op.name = {name.data(), name.size()};
  op.table = {table.data(), table.size()};
  op.index_columns = entries;
  op.index_column_count = 1;
  op.renamed_from = {from.data(), from.size()};
  retort_error err{};
  err.struct_size = sizeof err;
  EXPECT_EQ(import.sink()->object(import.sink()->context, &op, &err), RETORT_FAILED);
  const Caught e = catch_error([&] { import.take(); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, std::string(who) + ": models described a create_index with renamed_from; only a table and its "
                                          "columns carry rename hints");
}

TEST(ModelsImport, HintsPastAnOlderStructSizeAreNotRead) {
  // An operation and a column from a plugin built before renamed_from was
  // appended: their sizes end before it, whatever the memory after holds.
  host::SchemaImport import(who, "models");
  const std::string table = "t", id = "id", type = "integer", from = "old";
  retort_column c{};
  c.struct_size = offsetof(retort_column, renamed_from);
  c.name = {id.data(), id.size()};
  c.type = {type.data(), type.size()};
  c.renamed_from = {from.data(), from.size()};
  const retort_column* columns[] = {&c};
  retort_op op{};
  op.struct_size = offsetof(retort_op, renamed_from);
  op.kind = RETORT_OP_CREATE_TABLE;
  op.table = {table.data(), table.size()};
  op.columns = columns;
  op.column_count = 1;
  op.renamed_from = {from.data(), from.size()};
  retort_error err{};
  err.struct_size = sizeof err;
  ASSERT_EQ(import.sink()->object(import.sink()->context, &op, &err), RETORT_OK);
  EXPECT_TRUE(import.take_renames().empty());
  EXPECT_EQ(import.take().tables.size(), 1u);
}

// ---- the SDK's side ----

TEST(ModelsSdk, OnDeleteMustFollowAForeignKey) {
  host::SchemaImport import(who, "models");
  retort::schema_out out(import.sink());
  const auto misused = retort::table("t", {column("id", "integer")}).unique("uq_t_id", {"id"}).on_delete("CASCADE");
  try {
    misused.describe(out.ops());
    ADD_FAILURE() << "expected a retort::failure";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_PLUGIN);
    EXPECT_STREQ(f.what(), "models: table t: on_delete(\"CASCADE\") must follow foreign_key(...)");
  }
  EXPECT_TRUE(import.take().tables.empty());  // nothing half-described
}

TEST(ModelsSdk, RenameHintNeedsAHostOf1_2) {
  // A migration context of ABI 1.1 (no host_abi_minor): a hint would be dropped.
  retort_migration_context ctx{};
  ctx.struct_size = offsetof(retort_migration_context, host_abi_minor);
  ctx.op = [](void*, const retort_op*, retort_error*) { return RETORT_OK; };
  retort::ops o(&ctx);
  EXPECT_NO_THROW(o.create_table("t", {column("id", "integer")}));
  EXPECT_THROW(o.create_table("t", {column("id", "integer")}, {}, "old"), retort::failure);
  EXPECT_THROW(o.create_table("t", {column("id", "integer").renamed_from("old")}), retort::failure);
}

}  // namespace
}  // namespace plugin_tests
