// The built retort_postgresql.so as the host sees it: loaded with dlopen and
// driven through abi.h only. Needs no server.
#include "support/plugin_client.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using pgtest::plugin;
using pgtest::plugin_descriptor;

TEST(PostgresqlPluginAbi, DescribesAPostgresqlDialectOfThisAbi) {
  const retort_plugin_descriptor& d = plugin_descriptor();
  EXPECT_EQ(d.struct_size, sizeof(retort_plugin_descriptor));
  EXPECT_EQ(d.abi_major, RETORT_ABI_MAJOR);
  EXPECT_EQ(d.abi_minor, RETORT_ABI_MINOR);
  EXPECT_EQ(d.kind, RETORT_PLUGIN_DIALECT);
  EXPECT_STREQ(d.name, "postgresql");
  EXPECT_STREQ(d.version, "0.1.0");
}

TEST(PostgresqlPluginAbi, AnswersBothSchemesWithTransactionalDdl) {
  const retort_dialect_v1& f = plugin();
  EXPECT_EQ(f.struct_size, sizeof(retort_dialect_v1));
  std::vector<std::string> schemes;
  for (const char* const* s = f.schemes; *s; ++s) schemes.emplace_back(*s);
  EXPECT_EQ(schemes, (std::vector<std::string>{"postgresql", "postgres"}));
  EXPECT_EQ(f.transactional_ddl, 1);
  EXPECT_STREQ(f.begin_sql, "BEGIN");
  EXPECT_STREQ(f.commit_sql, "COMMIT");
}

TEST(PostgresqlPluginAbi, RenderingAnEmptyTableNameFailsAsAUsageError) {
  pgtest::op_spec op;
  op.kind = RETORT_OP_DROP_TABLE;
  std::vector<std::string> statements;
  const pgtest::outcome o = pgtest::render(op, statements);
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(o.message(), "drop_table: table name is empty");
  EXPECT_TRUE(statements.empty());
}

TEST(PostgresqlPluginAbi, RendersAndSplitsThroughTheSinks) {
  pgtest::op_spec op;
  op.kind = RETORT_OP_RENAME_TABLE;
  op.table = "a";
  op.new_name = "b";
  std::vector<std::string> statements;
  ASSERT_TRUE(pgtest::render(op, statements).ok());
  EXPECT_EQ(statements, std::vector<std::string>{R"(ALTER TABLE "a" RENAME TO "b")"});

  statements.clear();
  ASSERT_TRUE(pgtest::split("SELECT ';'; SELECT $$;$$;", statements).ok());
  EXPECT_EQ(statements, (std::vector<std::string>{"SELECT ';'", "SELECT $$;$$"}));
}

TEST(PostgresqlPluginAbi, QuotesThroughTheTextSink) {
  EXPECT_EQ(pgtest::quote_identifier("my \"table\""), R"("my ""table""")");
  EXPECT_EQ(pgtest::quote_literal("O'Brien"), "'O''Brien'");
}

TEST(PostgresqlPluginAbi, AnUnreadableUrlParameterIsAUsageErrorBeforeAnyConnection) {
  pgtest::client c(pgtest::option_list{{"url.host", "127.0.0.1"}, {"param.no good", "1"}});
  EXPECT_FALSE(c.connected());
  EXPECT_EQ(c.connect_outcome().kind(), RETORT_ERROR_USAGE);
}
