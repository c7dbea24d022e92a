// run(): the chosen script reaches the host as one RETORT_OP_EXECUTE, exactly
// as written, through the host's own side of the ABI.
#include "folder_provider.hpp"
#include "recording_host.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <memory>

using sqldir::FolderProvider;

namespace {

constexpr const char* upgrade_script =
    "CREATE TABLE users (\n"
    "  id INTEGER PRIMARY KEY,  -- telegram id\n"
    "\n"
    "  name VARCHAR(100) NOT NULL\n"
    ");\n"
    "CREATE INDEX users_name ON users (name);";

class SqldirRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir.write("001_users.sql", std::string("-- retort:revision aaa\n-- retort:upgrade\n\n") + upgrade_script +
                                   "\n\n-- retort:downgrade\nDROP TABLE users;\n");
    dir.write("002_note.sql",
              "-- retort:revision bbb\n-- retort:down_revision aaa\n-- retort:upgrade\n"
              "-- nothing to do yet\n\n-- retort:downgrade\n/* irreversible */ -- really\n");
    dir.write("003_empty.sql", "-- retort:revision ccc\n-- retort:down_revision bbb\n-- retort:upgrade\n");
    provider = std::make_unique<FolderProvider>(dir.path());
  }

  TempFolder dir;
  std::unique_ptr<FolderProvider> provider;
  RecordingHost host;
};

}  // namespace

TEST_F(SqldirRun, UpgradeEmitsTheUpgradeScriptAsOneExecute) {
  const retort_migration_context ctx = host.context();
  provider->run(0, RETORT_UPGRADE, ctx);
  ASSERT_EQ(host.ops.size(), 1u);
  EXPECT_EQ(host.ops[0].kind, RETORT_OP_EXECUTE);
  EXPECT_EQ(host.ops[0].struct_size, sizeof(retort_op));
  EXPECT_EQ(host.ops[0].sql, upgrade_script);
  EXPECT_EQ(host.ops[0].column_count, 0u);
  EXPECT_EQ(host.ops[0].table_size, 0u);
}

TEST_F(SqldirRun, DowngradeEmitsTheDowngradeScript) {
  const retort_migration_context ctx = host.context();
  provider->run(0, RETORT_DOWNGRADE, ctx);
  ASSERT_EQ(host.ops.size(), 1u);
  EXPECT_EQ(host.ops[0].kind, RETORT_OP_EXECUTE);
  EXPECT_EQ(host.ops[0].sql, "DROP TABLE users;");
}

TEST_F(SqldirRun, ScriptsOfOnlyCommentsOrNothingEmitNothing) {
  const retort_migration_context ctx = host.context();
  provider->run(1, RETORT_UPGRADE, ctx);
  provider->run(1, RETORT_DOWNGRADE, ctx);
  provider->run(2, RETORT_UPGRADE, ctx);
  provider->run(2, RETORT_DOWNGRADE, ctx);
  EXPECT_TRUE(host.ops.empty());
}

TEST_F(SqldirRun, RefusedOperationFailsWithTheHostsMessageAndKind) {
  host.refuse = true;
  const retort_migration_context ctx = host.context();
  try {
    provider->run(0, RETORT_UPGRADE, ctx);
    FAIL() << "run() did not fail";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
    EXPECT_STREQ(f.what(), "near \"CRATE\": syntax error");
    EXPECT_EQ(f.sqlstate(), "42601");
  }
}

TEST_F(SqldirRun, RefusalWithoutAKindIsAUsageError) {
  host.refuse = true;
  host.refusal_kind = 0;
  const retort_migration_context ctx = host.context();
  try {
    provider->run(0, RETORT_UPGRADE, ctx);
    FAIL() << "run() did not fail";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  }
}

TEST_F(SqldirRun, IndexOutOfRangeOrUnknownDirectionIsRefused) {
  const retort_migration_context ctx = host.context();
  EXPECT_THROW(provider->run(3, RETORT_UPGRADE, ctx), retort::failure);
  EXPECT_THROW(provider->run(0, 0, ctx), retort::failure);
  EXPECT_TRUE(host.ops.empty());
}
