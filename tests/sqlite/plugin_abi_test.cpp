// The built plugin, loaded with dlopen and used only through the C ABI:
// entry symbol -> descriptor -> function table. Proves the boundary works.
#include "support.hpp"

#include <dlfcn.h>

#include <cstring>
#include <fstream>
#include <iterator>

using namespace sqlite_test;

#ifndef RETORT_SQLITE_PLUGIN_FILE
#error "RETORT_SQLITE_PLUGIN_FILE must name the built plugin"
#endif

namespace {

class SqlitePluginAbi : public ::testing::Test {
 protected:
  void SetUp() override {
    handle_ = dlopen(RETORT_SQLITE_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle_, nullptr) << dlerror();
    void* symbol = dlsym(handle_, RETORT_ENTRY_SYMBOL);
    ASSERT_NE(symbol, nullptr) << dlerror();
    auto entry = reinterpret_cast<retort_plugin_entry_fn>(symbol);
    descriptor_ = entry();
    ASSERT_NE(descriptor_, nullptr);
    functions_ = static_cast<const retort_dialect_v1*>(descriptor_->functions);
  }
  void TearDown() override {
    if (handle_) dlclose(handle_);
  }

  static retort_error fresh_error() {
    retort_error err{};
    err.struct_size = sizeof err;
    return err;
  }

  void* handle_ = nullptr;
  const retort_plugin_descriptor* descriptor_ = nullptr;
  const retort_dialect_v1* functions_ = nullptr;
};

struct text_collector {
  std::string text;
  retort_text_sink sink{this, [](void* self, const char* data, size_t size) {
                          static_cast<text_collector*>(self)->text.append(data, size);
                        }};
};

struct row_collector {
  std::vector<std::vector<std::string>> rows;
  retort_row_sink sink{this, [](void* self, const retort_str* values, size_t count) {
                         auto& rows = static_cast<row_collector*>(self)->rows;
                         rows.emplace_back();
                         for (size_t i = 0; i < count; ++i)
                           rows.back().push_back(values[i].data ? std::string(values[i].data, values[i].size)
                                                                : std::string("NULL"));
                       }};
};

}  // namespace

TEST_F(SqlitePluginAbi, DescriptorDescribesTheSqliteDialect) {
  EXPECT_EQ(descriptor_->struct_size, sizeof(retort_plugin_descriptor));
  EXPECT_EQ(descriptor_->abi_major, RETORT_ABI_MAJOR);
  EXPECT_EQ(descriptor_->abi_minor, RETORT_ABI_MINOR);
  EXPECT_EQ(descriptor_->kind, RETORT_PLUGIN_DIALECT);
  EXPECT_STREQ(descriptor_->name, "sqlite");
  EXPECT_STREQ(descriptor_->version, "0.1.0");
  ASSERT_NE(functions_, nullptr);
  EXPECT_EQ(functions_->struct_size, sizeof(retort_dialect_v1));
  EXPECT_STREQ(functions_->schemes[0], "sqlite");
  EXPECT_EQ(functions_->schemes[1], nullptr);
  EXPECT_EQ(functions_->transactional_ddl, 1);
  EXPECT_STREQ(functions_->begin_sql, "BEGIN");
  EXPECT_STREQ(functions_->commit_sql, "COMMIT");
}

TEST_F(SqlitePluginAbi, TheFileCarriesTheStaticDescription) {
  std::ifstream in(RETORT_SQLITE_PLUGIN_FILE, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(bytes.find(std::string("retort-plugin abi=" RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(
                           RETORT_ABI_MINOR) " kind=dialect name=sqlite version=0.1.0 schemes=sqlite") +
                       '\0'),
            std::string::npos);
}

TEST_F(SqlitePluginAbi, RendersThroughTheFunctionTable) {
  retort_column id = make_column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT);
  retort_column name = make_column("na\"me", "string(20)", RETORT_COLUMN_NOT_NULL);
  const retort_column* columns[] = {&id, &name};
  retort_op op = make_op(RETORT_OP_CREATE_TABLE, "users");
  op.columns = columns;
  op.column_count = 2;
  statement_collector out;
  retort_error err = fresh_error();
  ASSERT_EQ(functions_->render(&op, &out.sink, &err), RETORT_OK) << err.message;
  EXPECT_EQ(out.statements, std::vector<std::string>{
                                "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, "
                                "\"na\"\"me\" VARCHAR(20) NOT NULL)"});
}

TEST_F(SqlitePluginAbi, FailuresArriveAsErrorValues) {
  retort_op op = make_op(RETORT_OP_ALTER_COLUMN, "users");
  op.name = retort::str("name");
  op.alter_nullable = 1;
  statement_collector out;
  retort_error err = fresh_error();
  ASSERT_EQ(functions_->render(&op, &out.sink, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(err.statement_index, -1);
  EXPECT_EQ(std::string(err.message).rfind("SQLite cannot ALTER COLUMN users.name", 0), 0u) << err.message;
  EXPECT_TRUE(out.statements.empty());
}

TEST_F(SqlitePluginAbi, AnOlderSmallerErrorStructIsWrittenOnlyWithinItsSize) {
  retort_op op = make_op(RETORT_OP_DROP_TABLE, "");
  statement_collector out;
  retort_error err{};
  std::memset(&err, 0x7f, sizeof err);
  err.struct_size = offsetof(retort_error, sqlstate);  // a host that knows only the first fields
  ASSERT_EQ(functions_->render(&op, &out.sink, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(err.message[0], 0x7f);  // untouched
}

TEST_F(SqlitePluginAbi, QuotesAndSplitsThroughTheFunctionTable) {
  text_collector quoted;
  functions_->quote_identifier(retort::str("a\"b"), &quoted.sink);
  functions_->quote_literal(retort::str("it's"), &quoted.sink);
  EXPECT_EQ(quoted.text, "\"a\"\"b\"'it''s'");

  statement_collector out;
  retort_error err = fresh_error();
  ASSERT_EQ(functions_->split(retort::str("SELECT ';'; -- x\nSELECT 2;"), &out.sink, &err), RETORT_OK);
  EXPECT_EQ(out.statements, (std::vector<std::string>{"SELECT ';'", "SELECT 2"}));
  ASSERT_EQ(functions_->split(retort::str("SELECT 'open"), &out.sink, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
}

TEST_F(SqlitePluginAbi, ConnectsLocksExecutesAndQueriesThroughTheFunctionTable) {
  temp_dir dir;
  std::string path = dir.file("abi.db");
  retort_option options[] = {{retort::str("url.database"), retort::str(path)}};
  retort_connect_params params{};
  params.struct_size = sizeof params;
  std::string url = "sqlite:///" + path;
  params.url = retort::str(url);
  params.options = options;
  params.option_count = 1;

  retort_connection* conn = nullptr;
  retort_error err = fresh_error();
  ASSERT_EQ(functions_->connect(&params, &conn, &err), RETORT_OK) << err.message;
  ASSERT_NE(conn, nullptr);
  ASSERT_EQ(functions_->lock(conn, retort::str("retort"), 1.0, &err), RETORT_OK) << err.message;
  ASSERT_EQ(functions_->begin(conn, &err), RETORT_OK) << err.message;
  ASSERT_EQ(functions_->execute(conn, retort::str("CREATE TABLE t (a, b); INSERT INTO t VALUES (1, NULL)"), &err),
            RETORT_OK)
      << err.message;
  ASSERT_EQ(functions_->commit(conn, &err), RETORT_OK) << err.message;
  ASSERT_EQ(functions_->unlock(conn, retort::str("retort"), &err), RETORT_OK) << err.message;

  row_collector rows;
  ASSERT_EQ(functions_->query(conn, retort::str("SELECT a, b FROM t"), &rows.sink, &err), RETORT_OK);
  EXPECT_EQ(rows.rows, (std::vector<std::vector<std::string>>{{"1", "NULL"}}));

  int exists = -1;
  ASSERT_EQ(functions_->table_exists(conn, retort::str(""), retort::str("t"), &exists, &err), RETORT_OK);
  EXPECT_EQ(exists, 1);

  ASSERT_EQ(functions_->execute(conn, retort::str("SELECT 1; INSERT INTO nope VALUES (1)"), &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(err.statement_index, 1);
  EXPECT_EQ(err.native_code, 1);  // SQLITE_ERROR
  EXPECT_STREQ(err.message, "statement 2 failed: no such table: nope; in: INSERT INTO nope VALUES (1)");
  EXPECT_STREQ(err.sqlstate, "");
  functions_->disconnect(conn);

  retort_connect_params no_database{};
  no_database.struct_size = sizeof no_database;
  retort_connection* none = nullptr;
  ASSERT_EQ(functions_->connect(&no_database, &none, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(none, nullptr);
}
