// The host's wrapper over a provider's table: revisions read as untrusted
// records, and runs whose failures come back as host errors.
#include <retort/abi.h>
#include <gtest/gtest.h>

#include <map>

#include "host/abi/database_error.hpp"
#include "host/abi/abi_sizes.hpp"
#include "host/abi/provider.hpp"
#include "test_support.hpp"

namespace plugin_tests {
namespace {

using host::ExitCode;
using host::Provider;

std::unique_ptr<Provider> provider(const char* fixture_name, std::string_view argument) {
  auto p = std::make_unique<Provider>(host::load_plugin(fixture(fixture_name)));
  p->open(argument);
  return p;
}

// A host side of retort_migration_context that records what a revision asks for.
struct Recorder {
  std::vector<std::string> ops;
  std::map<std::string, std::string> x;

  retort_migration_context context() {
    retort_migration_context ctx{};
    ctx.struct_size = sizeof ctx;
    ctx.host = this;
    ctx.dialect = {"fake", 4};
    ctx.op = [](void* host, const retort_op* op, retort_error*) {
      auto* self = static_cast<Recorder*>(host);
      const std::string_view text = op->kind == RETORT_OP_EXECUTE ? std::string_view(op->sql.data, op->sql.size)
                                                                  : std::string_view(op->table.data, op->table.size);
      self->ops.push_back(std::to_string(op->kind) + " " + std::string(text));
      return RETORT_OK;
    };
    ctx.x_argument = [](void* host, retort_str key, retort_str* value) {
      auto* self = static_cast<Recorder*>(host);
      auto found = self->x.find(std::string(key.data, key.size));
      if (found == self->x.end()) return 0;
      *value = {found->second.data(), found->second.size()};
      return 1;
    };
    return ctx;
  }
};

TEST(ProviderWrapper, RevisionsCarryEveryFieldSlotAndIndex) {
  auto p = provider("fixture_revisions", "");
  EXPECT_EQ(p->name(), "fixture_revisions");
  EXPECT_EQ(p->version(), "1.2.3");
  EXPECT_TRUE(p->is_open());
  const auto revisions = p->revisions(7);
  ASSERT_EQ(revisions.size(), 3u);
  const host::Revision& root = revisions[0];
  EXPECT_EQ(root.id, "aaaaaaaaaaaa");
  EXPECT_TRUE(root.down_revisions.empty());
  EXPECT_EQ(root.branch_labels, std::vector<std::string>{"widgets"});
  EXPECT_EQ(root.message, "create widgets");
  EXPECT_TRUE(root.transactional);
  EXPECT_EQ(root.origin, fixture("fixture_revisions").string());  // the SDK gives none
  EXPECT_EQ(root.provider, 7u);
  EXPECT_EQ(root.index, 0u);
  EXPECT_EQ(revisions[1].depends_on, std::vector<std::string>{"aaaaaaaaaaaa"});
  EXPECT_FALSE(revisions[1].transactional);
  EXPECT_EQ(revisions[2].down_revisions, (std::vector<std::string>{"aaaaaaaaaaaa", "bbbbbbbbbbbb"}));
  EXPECT_EQ(revisions[2].index, 2u);
}

TEST(ProviderWrapper, RunPassesOperationsAndXArguments) {
  auto p = provider("fixture_revisions", "");
  Recorder recorder;
  recorder.x["tenant"] = "acme";
  const retort_migration_context ctx = recorder.context();
  p->run(0, RETORT_UPGRADE, ctx);
  p->run(0, RETORT_DOWNGRADE, ctx);
  p->run(2, RETORT_DOWNGRADE, ctx);
  EXPECT_EQ(recorder.ops, (std::vector<std::string>{"1 widgets", "2 widgets", "10 tenant=acme"}));
}

TEST(ProviderWrapper, FailingRevisionComesBackWithItsDetails) {
  auto p = provider("fixture_revisions", "");
  Recorder recorder;
  try {
    p->run(2, RETORT_UPGRADE, recorder.context());
    ADD_FAILURE() << "expected a DatabaseError";
  } catch (const host::DatabaseError& e) {
    EXPECT_EQ(e.code(), ExitCode::database);
    EXPECT_STREQ(e.what(), "fixture_revisions: duplicate key");
    EXPECT_EQ(e.sqlstate(), "23505");
    EXPECT_EQ(e.native_code(), 19);
    EXPECT_EQ(e.statement_index(), 0);
  }
}

TEST(ProviderWrapper, MisuseByTheHostIsALogicError) {
  Provider p(host::load_plugin(fixture("fixture_revisions")));
  EXPECT_FALSE(p.is_open());
  EXPECT_THROW(p.revisions(0), std::logic_error);
  p.open("first");
  EXPECT_EQ(p.argument(), "first");
  EXPECT_THROW(p.open("again"), std::logic_error);
  Recorder recorder;
  EXPECT_THROW(p.run(3, RETORT_UPGRADE, recorder.context()), std::out_of_range);
  EXPECT_THROW(p.run(0, 0, recorder.context()), std::invalid_argument);
}

TEST(ProviderWrapper, OpenFailuresAreReported) {
  Provider thrown(host::load_plugin(fixture("garbage_provider")));
  const Caught e = catch_error([&] { thrown.open("throw"); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "garbage: plugin exception: cannot open garbage");
  EXPECT_FALSE(thrown.is_open());

  Provider refused(host::load_plugin(fixture("garbage_provider")));
  const Caught usage = catch_error([&] { refused.open("failure"); });
  EXPECT_EQ(usage.code, ExitCode::usage);
  EXPECT_EQ(usage.message, "garbage: no such folder: nowhere");
}

TEST(ProviderWrapper, ThrowingRunIsReported) {
  auto p = provider("garbage_provider", "ok");
  Recorder recorder;
  const Caught e = catch_error([&] { p->run(0, RETORT_UPGRADE, recorder.context()); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "garbage: plugin exception: run exploded");
}

TEST(ProviderWrapper, GarbageRecordsAreRefusedNamingProviderAndRecord) {
  const std::string who = "provider garbage (" + fixture("garbage_provider").string() + "): ";
  const std::pair<const char*, std::string> cases[] = {
      {"null_record", "revision record 0 is null"},
      {"small_record", "revision record 0 is 8 bytes, smaller than ABI 1.0's " +
                           std::to_string(host::abi_1_0::revision_size)},
      {"null_id", "revision record 0 has a null id of 5 bytes"},
      {"huge_string", "revision record 0 has a message of 2097152 bytes, more than 1048576"},
      {"null_list", "revision record 0 has null down_revisions with 2 entries"},
      {"huge_list", "revision record 0 has 200000 branch_labels, more than 100000"},
      {"null_item", "revision record 0 has a null depends_on[1] of 3 bytes"},
  };
  for (const auto& [mode, reason] : cases) {
    auto p = provider("garbage_provider", mode);
    const Caught e = catch_error([&] { p->revisions(0); });
    EXPECT_EQ(e.code, ExitCode::plugin) << mode;
    EXPECT_EQ(e.message, who + reason);
  }
  auto counted = provider("garbage_provider", "huge_count");
  EXPECT_EQ(catch_error([&] { counted->revisions(0); }).message,
            "provider garbage (" + fixture("garbage_provider").string() + ") reports " +
                std::to_string(SIZE_MAX) + " revisions, more than 100000");
}

TEST(ProviderWrapper, OverlongIdIsCopiedForTheGraphToJudge) {
  auto p = provider("garbage_provider", "long_id");
  const auto revisions = p->revisions(0);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].id, std::string(100, 'a'));
}

TEST(ProviderWrapper, SamePluginOpensAsIndependentInstances) {
  auto ok = provider("garbage_provider", "ok");
  auto other = provider("garbage_provider", "long_id");
  EXPECT_EQ(ok->revisions(0)[0].id, "dddddddddddd");
  EXPECT_EQ(other->revisions(1)[0].id, std::string(100, 'a'));
}

TEST(ProviderWrapper, DialectPluginIsNotAProvider) {
  const Caught e = catch_error([] { Provider p(host::load_plugin(fixture("fake_dialect"))); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "plugin " + fixture("fake_dialect").string() + " is a dialect, not a revision provider");
}

}  // namespace
}  // namespace plugin_tests
