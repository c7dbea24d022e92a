// Every operation other than create_table, as SQLite SQL.
#include "render_support.hpp"

#include <sqlite/quote.hpp>

using namespace sqlite_test;

TEST(SqliteRender, DropTable) {
  EXPECT_EQ(render_one(make_op(RETORT_OP_DROP_TABLE, "users")), "DROP TABLE \"users\"");
  retort_op op = make_op(RETORT_OP_DROP_TABLE, "users");
  op.flags = RETORT_OP_IF_EXISTS;
  op.schema = retort::str("aux");
  EXPECT_EQ(render_one(op), "DROP TABLE IF EXISTS \"aux\".\"users\"");
}

TEST(SqliteRender, AddColumn) {
  retort_column c = make_column("nickname", "string(50)", RETORT_COLUMN_NOT_NULL);
  c.default_sql = retort::str("''");
  const retort_column* columns[] = {&c};
  EXPECT_EQ(render_one(with_columns(make_op(RETORT_OP_ADD_COLUMN, "users"), columns)),
            "ALTER TABLE \"users\" ADD COLUMN \"nickname\" VARCHAR(50) NOT NULL DEFAULT ''");
}

TEST(SqliteRender, AddColumnWithForeignKey) {
  retort_column c = make_column("category_id", "bigint");
  c.references_table = retort::str("categories");
  c.references_column = retort::str("id");
  c.on_delete = retort::str("restrict");
  const retort_column* columns[] = {&c};
  retort_op op = with_columns(make_op(RETORT_OP_ADD_COLUMN, "products"), columns);
  op.schema = retort::str("main");
  EXPECT_EQ(render_one(op),
            "ALTER TABLE \"main\".\"products\" ADD COLUMN \"category_id\" BIGINT "
            "REFERENCES \"categories\"(\"id\") ON DELETE RESTRICT");
}

TEST(SqliteRender, DropColumn) {
  retort_op op = make_op(RETORT_OP_DROP_COLUMN, "users");
  op.name = retort::str("nickname");
  EXPECT_EQ(render_one(op), "ALTER TABLE \"users\" DROP COLUMN \"nickname\"");
}

TEST(SqliteRender, RenameColumn) {
  retort_op op = make_op(RETORT_OP_RENAME_COLUMN, "users");
  op.name = retort::str("nick");
  op.new_name = retort::str("nickname");
  EXPECT_EQ(render_one(op), "ALTER TABLE \"users\" RENAME COLUMN \"nick\" TO \"nickname\"");
}

TEST(SqliteRender, RenameTableKeepsTheNewNameUnqualified) {
  retort_op op = make_op(RETORT_OP_RENAME_TABLE, "users_old");
  op.new_name = retort::str("users");
  EXPECT_EQ(render_one(op), "ALTER TABLE \"users_old\" RENAME TO \"users\"");
  op.schema = retort::str("aux");
  EXPECT_EQ(render_one(op), "ALTER TABLE \"aux\".\"users_old\" RENAME TO \"users\"");
}

TEST(SqliteRender, CreateIndexQuotesNamesAndPassesExpressions) {
  retort_str entries[] = {retort::str("email"), retort::str("lower(name)"), retort::str("created_at DESC")};
  retort_op op = make_op(RETORT_OP_CREATE_INDEX, "users");
  op.name = retort::str("ix_users_email");
  op.index_columns = entries;
  op.index_column_count = 3;
  EXPECT_EQ(render_one(op),
            "CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\",lower(name),created_at DESC)");
}

TEST(SqliteRender, CreateUniquePartialIndexIfNotExistsInASchema) {
  retort_str entries[] = {retort::str("payment_id")};
  retort_op op = make_op(RETORT_OP_CREATE_INDEX, "purchases");
  op.name = retort::str("uq_payment");
  op.schema = retort::str("aux");
  op.flags = RETORT_OP_UNIQUE | RETORT_OP_IF_NOT_EXISTS;
  op.index_columns = entries;
  op.index_column_count = 1;
  op.where = retort::str("payment_id IS NOT NULL");
  // SQLite qualifies the index, never the table.
  EXPECT_EQ(render_one(op),
            "CREATE UNIQUE INDEX IF NOT EXISTS \"aux\".\"uq_payment\" ON \"purchases\" "
            "(\"payment_id\") WHERE payment_id IS NOT NULL");
}

TEST(SqliteRender, DropIndex) {
  retort_op op = make_op(RETORT_OP_DROP_INDEX, "users");
  op.name = retort::str("ix_users_email");
  EXPECT_EQ(render_one(op), "DROP INDEX \"ix_users_email\"");
  op.flags = RETORT_OP_IF_EXISTS;
  op.schema = retort::str("aux");
  EXPECT_EQ(render_one(op), "DROP INDEX IF EXISTS \"aux\".\"ix_users_email\"");
}

TEST(SqliteRender, ExecutePassesTheScriptThroughAsOneUnchangedStatement) {
  const char* script = "INSERT INTO t VALUES (1);\n  -- two\nINSERT INTO t VALUES (2);  ";
  retort_op op = make_op(RETORT_OP_EXECUTE);
  op.sql = retort::str(script);
  auto statements = render(op);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0], script);
}

TEST(SqliteRender, AlterColumnThatChangesNothingRendersNothing) {
  retort_op op = make_op(RETORT_OP_ALTER_COLUMN, "users");
  op.name = retort::str("name");
  EXPECT_TRUE(render(op).empty());
}

TEST(SqliteQuote, IdentifiersDoubleEmbeddedDoubleQuotes) {
  EXPECT_EQ(retort::sqlite::quote_identifier("users"), "\"users\"");
  EXPECT_EQ(retort::sqlite::quote_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(retort::sqlite::quote_identifier("\"\""), "\"\"\"\"\"\"");
  EXPECT_EQ(retort::sqlite::quote_identifier("it's"), "\"it's\"");
  EXPECT_EQ(retort::sqlite::quote_identifier(""), "\"\"");
}

TEST(SqliteQuote, LiteralsDoubleEmbeddedSingleQuotes) {
  EXPECT_EQ(retort::sqlite::quote_literal("abc"), "'abc'");
  EXPECT_EQ(retort::sqlite::quote_literal("it's"), "'it''s'");
  EXPECT_EQ(retort::sqlite::quote_literal("''"), "''''''");
  EXPECT_EQ(retort::sqlite::quote_literal("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(retort::sqlite::quote_literal(""), "''");
}
