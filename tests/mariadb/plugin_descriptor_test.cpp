// The built plugin describes itself as the host expects.
#include "plugin_under_test.hpp"

#include <gtest/gtest.h>

#include <string>

using retort::mariadb::test::plugin_under_test;

TEST(MariadbPlugin, DescriptorNamesTheDialectAndItsAbi) {
  plugin_under_test plugin;
  const retort_plugin_descriptor& d = plugin.descriptor();
  EXPECT_EQ(d.abi_major, RETORT_ABI_MAJOR);
  EXPECT_EQ(d.abi_minor, RETORT_ABI_MINOR);
  EXPECT_EQ(d.kind, RETORT_PLUGIN_DIALECT);
  EXPECT_STREQ(d.name, "mariadb");
  EXPECT_STREQ(d.version, "0.1.0");
}

TEST(MariadbPlugin, AnswersMariadbAndMysqlSchemes) {
  plugin_under_test plugin;
  const char* const* s = plugin.dialect().schemes;
  ASSERT_NE(s[0], nullptr);
  EXPECT_STREQ(s[0], "mariadb");
  ASSERT_NE(s[1], nullptr);
  EXPECT_STREQ(s[1], "mysql");
  EXPECT_EQ(s[2], nullptr);
}

TEST(MariadbPlugin, DdlIsNotTransactionalAndOfflineTransactionsUseStartTransaction) {
  plugin_under_test plugin;
  EXPECT_EQ(plugin.dialect().transactional_ddl, 0);
  EXPECT_STREQ(plugin.dialect().begin_sql, "START TRANSACTION");
  EXPECT_STREQ(plugin.dialect().commit_sql, "COMMIT");
}

TEST(MariadbPlugin, QuotesThroughTheAbi) {
  plugin_under_test plugin;
  std::string out;
  retort_text_sink sink{&out, [](void* c, const char* d, size_t n) {
                          static_cast<std::string*>(c)->append(d, n);
                        }};
  plugin.dialect().quote_identifier(retort::str("a`b"), &sink);
  out += ' ';
  plugin.dialect().quote_literal(retort::str("it's \\"), &sink);
  EXPECT_EQ(out, "`a``b` 'it''s \\\\'");
}

// Any other well-formed name is a server variable, refused by the server
// (live_session_variables_test.cpp); this one cannot be, so no server is needed.
TEST(MariadbPlugin, AParameterThatIsNoVariableNameFailsConnectWithUsageKind) {
  plugin_under_test plugin;
  retort_option opts[] = {{retort::str("param.no-pe"), retort::str("1")}};
  retort_connect_params params{sizeof(retort_connect_params), retort::str("mariadb://x/y?no-pe=1"),
                               opts, 1};
  retort_connection* conn = nullptr;
  retort_error err = retort::mariadb::test::fresh_error();
  EXPECT_EQ(plugin.dialect().connect(&params, &conn, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(conn, nullptr);
}
