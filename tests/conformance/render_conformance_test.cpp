// Every built dialect renders every row of the conformance table as the
// table says, and reads operations of any ABI minor the same way.
#include "operation_table.hpp"

#include <retort/sdk/fitted_op.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <iostream>

using namespace conformance;

namespace {

std::string shown(const rendered& r) {
  if (!r.ok) return "refused (" + std::to_string(r.kind) + "): " + r.message;
  std::string out;
  for (const auto& s : r.statements) out += "\n  " + s;
  return out;
}

class Conformance : public ::testing::TestWithParam<std::size_t> {
 protected:
  const dialect_under_test& dialect() const { return built_dialects()[GetParam()]; }
};

std::string dialect_name(const ::testing::TestParamInfo<std::size_t>& info) {
  return built_dialects()[info.param].name();
}

}  // namespace

TEST_P(Conformance, EveryRowRendersOrIsRefusedAsTheTableSays) {
  for (const operation_row& row : operation_table()) {
    SCOPED_TRACE(row.name);
    auto e = row.expect.find(dialect().name());
    ASSERT_NE(e, row.expect.end()) << "the row has no expectation for " << dialect().name();
    const rendered got = dialect().render(row.write);
    // RETORT_CONFORMANCE_PRINT=1 shows what each dialect renders, for writing a new row.
    if (std::getenv("RETORT_CONFORMANCE_PRINT")) std::cout << dialect().name() << " | " << row.name << " |" << shown(got) << "\n";
    if (e->second.refused()) {
      EXPECT_FALSE(got.ok) << shown(got);
      EXPECT_EQ(got.kind, e->second.refusal_kind) << got.message;
      EXPECT_NE(got.message.find(e->second.refusal_text), std::string::npos) << got.message;
    } else {
      EXPECT_TRUE(got.ok) << got.message;
      EXPECT_EQ(got.statements, e->second.sql);
    }
  }
}

namespace {

// A drop_table built by hand, as a host of another minor would pass it.
struct raw_drop {
  alignas(retort_op) unsigned char bytes[sizeof(retort_op) + 64];
  retort_op& op() { return *reinterpret_cast<retort_op*>(bytes); }
  explicit raw_drop(std::size_t declared_size) {
    std::memset(bytes, 0xA5, sizeof bytes);  // what lies past struct_size is garbage
    retort_op o{};
    o.struct_size = static_cast<std::uint32_t>(declared_size);
    o.kind = RETORT_OP_DROP_TABLE;
    o.table = retort::str("conf_t");
    o.alter_nullable = RETORT_ALTER_KEEP;
    std::memcpy(bytes, &o, std::min(declared_size, sizeof o));
  }
};

}  // namespace

TEST_P(Conformance, AnOperationOfABI10RendersAsTheCurrentOne) {
  raw_drop old(retort::abi_1_0::op_size);
  raw_drop current(sizeof(retort_op));
  const rendered a = dialect().render(old.op());
  const rendered b = dialect().render(current.op());
  ASSERT_TRUE(a.ok) << a.message;
  EXPECT_EQ(a.statements, b.statements);
}

TEST_P(Conformance, AnOperationOfANewerMinorRendersItsKnownFields) {
  raw_drop newer(sizeof(retort_op) + 64);
  raw_drop current(sizeof(retort_op));
  const rendered a = dialect().render(newer.op());
  ASSERT_TRUE(a.ok) << a.message;
  EXPECT_EQ(a.statements, dialect().render(current.op()).statements);
}

TEST_P(Conformance, AnOperationSmallerThanABI10IsAPluginError) {
  raw_drop tiny(8);
  const rendered r = dialect().render(tiny.op());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.kind, RETORT_ERROR_PLUGIN) << r.message;
  EXPECT_NE(r.message.find("smaller than the"), std::string::npos) << r.message;
}

// A host of ABI 1.1 copies only the fields it knows: a constraint or an ON
// UPDATE would silently vanish, so the SDK's builder refuses to send them.
TEST_P(Conformance, TheBuilderRefusesWhatAHostOfABI11WouldDrop) {
  retort_migration_context old_host{};
  old_host.struct_size = offsetof(retort_migration_context, host_abi_minor);
  old_host.dialect = retort::str(dialect().name());
  const rendered r = dialect().render(
      [](retort::ops& o) {
        o.create_table("t", {retort::column("a", "bigint").references("u", "id").on_update("cascade")});
      },
      old_host);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.kind, RETORT_ERROR_USAGE);
  EXPECT_NE(r.message.find("need a retort host of ABI 1.2 or later"), std::string::npos) << r.message;
  EXPECT_TRUE(dialect().render([](retort::ops& o) { o.drop_table("t"); }, old_host).ok);
}

// What a dialect declares once reaches the host through its table (ABI 1.2).
TEST_P(Conformance, TheTableCarriesTheDeclaredSchemesAndFacts) {
  const retort_dialect_v1& f = dialect().functions();
  ASSERT_NE(f.schemes, nullptr);
  ASSERT_NE(f.schemes[0], nullptr);
  EXPECT_EQ(std::string(f.schemes[0]), dialect().name());
  EXPECT_NE(f.utc_now_sql, nullptr);
  const bool session_lock = dialect().name() != "sqlite";  // SQLite's lock is its write lock
  EXPECT_EQ((f.capabilities & RETORT_DIALECT_SESSION_LOCK) != 0, session_lock);
}

INSTANTIATE_TEST_SUITE_P(Dialects, Conformance, ::testing::Range<std::size_t>(0, built_dialects().size()),
                         dialect_name);
