// What SQLite cannot do, missing names, and malformed structs: each is a
// failure of the right kind with a message naming what is wrong.
#include "render_support.hpp"

using namespace sqlite_test;

namespace {

retort::failure render_failure(const retort_op& op) {
  return failure_of([&] { render(op); });
}

}  // namespace

TEST(SqliteRenderErrors, AlterColumnExplainsTheRebuild) {
  retort_op op = make_op(RETORT_OP_ALTER_COLUMN, "users");
  op.name = retort::str("name");
  op.alter_type = retort::str("text");
  auto f = render_failure(op);
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(),
               "SQLite cannot ALTER COLUMN users.name (type/nullability/default): rebuild the table "
               "with create_table + execute(INSERT … SELECT) + drop_table + rename_table");

  retort_op nullability = make_op(RETORT_OP_ALTER_COLUMN, "users");
  nullability.name = retort::str("name");
  nullability.alter_nullable = 0;
  EXPECT_EQ(render_failure(nullability).kind(), RETORT_ERROR_USAGE);

  retort_op default_drop = make_op(RETORT_OP_ALTER_COLUMN, "users");
  default_drop.name = retort::str("name");
  default_drop.alter_default_action = RETORT_DEFAULT_DROP;
  EXPECT_EQ(render_failure(default_drop).kind(), RETORT_ERROR_USAGE);
}

TEST(SqliteRenderErrors, EmptyNamesAreUsageErrorsNamingTheOperation) {
  struct named_case {
    retort_op op;
    const char* message;
  };
  retort_op drop_column = make_op(RETORT_OP_DROP_COLUMN, "users");
  retort_op rename_column = make_op(RETORT_OP_RENAME_COLUMN, "users");
  rename_column.name = retort::str("a");
  retort_op rename_table = make_op(RETORT_OP_RENAME_TABLE, "users");
  retort_op create_index = make_op(RETORT_OP_CREATE_INDEX, "users");
  retort_op drop_index = make_op(RETORT_OP_DROP_INDEX, "users");
  named_case cases[] = {
      {make_op(RETORT_OP_DROP_TABLE, ""), "drop_table: table name is empty"},
      {make_op(RETORT_OP_CREATE_TABLE, ""), "create_table: table name is empty"},
      {drop_column, "drop_column users: column name is empty"},
      {rename_column, "rename_column users: new column name is empty"},
      {rename_table, "rename_table users: new table name is empty"},
      {create_index, "create_index users: index name is empty"},
      {drop_index, "drop_index: index name is empty"},
  };
  for (const auto& c : cases) {
    auto f = render_failure(c.op);
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << c.message;
    EXPECT_STREQ(f.what(), c.message);
  }
}

TEST(SqliteRenderErrors, CreateTableNeedsColumnsWithNamesAndTypes) {
  EXPECT_STREQ(render_failure(make_op(RETORT_OP_CREATE_TABLE, "t")).what(), "create_table t: no columns");

  retort_column unnamed = make_column("", "text");
  const retort_column* columns1[] = {&unnamed};
  EXPECT_STREQ(render_failure(create_table("t", columns1)).what(),
               "create_table t: column 1 name is empty");

  retort_column ok = make_column("a", "text");
  retort_column untyped = make_column("b", "  ");
  const retort_column* columns2[] = {&ok, &untyped};
  auto f = render_failure(create_table("t", columns2));
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(), "create_table t: column t.b has no type");
}

TEST(SqliteRenderErrors, AutoincrementOnlyOnASingleIntegerKey) {
  retort_column not_key = make_column("n", "integer", RETORT_COLUMN_AUTOINCREMENT);
  const retort_column* columns1[] = {&not_key};
  EXPECT_STREQ(render_failure(create_table("t", columns1)).what(),
               "create_table t: SQLite allows AUTOINCREMENT only on a single INTEGER PRIMARY KEY "
               "column; t.n is not the primary key");

  retort_column a = make_column("a", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT);
  retort_column b = make_column("b", "integer", RETORT_COLUMN_PRIMARY_KEY);
  const retort_column* columns2[] = {&a, &b};
  EXPECT_STREQ(render_failure(create_table("t", columns2)).what(),
               "create_table t: SQLite allows AUTOINCREMENT only on a single INTEGER PRIMARY KEY "
               "column; t.a is part of a composite primary key");

  retort_column text_key = make_column("k", "text", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT);
  const retort_column* columns3[] = {&text_key};
  auto f = render_failure(create_table("t", columns3));
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(),
               "create_table t: SQLite allows AUTOINCREMENT only on a single INTEGER PRIMARY KEY "
               "column; t.k has type text");
}

TEST(SqliteRenderErrors, ForeignKeyOptionsAreChecked) {
  retort_column bad_action = make_column("u", "integer");
  bad_action.references_table = retort::str("users");
  bad_action.on_delete = retort::str("CASCADE; DROP TABLE users");
  const retort_column* columns1[] = {&bad_action};
  EXPECT_STREQ(render_failure(create_table("t", columns1)).what(),
               "create_table t: column t.u has on_delete 'CASCADE; DROP TABLE users', not one of "
               "CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION");

  retort_column no_table = make_column("u", "integer");
  no_table.on_delete = retort::str("CASCADE");
  const retort_column* columns2[] = {&no_table};
  EXPECT_STREQ(render_failure(create_table("t", columns2)).what(),
               "create_table t: column t.u has references_column or on_delete but no references_table");
}

TEST(SqliteRenderErrors, AddColumnRefusesWhatSqliteCannotAdd) {
  retort_column key = make_column("id", "integer", RETORT_COLUMN_PRIMARY_KEY);
  const retort_column* columns1[] = {&key};
  EXPECT_STREQ(render_failure(with_columns(make_op(RETORT_OP_ADD_COLUMN, "t"), columns1)).what(),
               "SQLite cannot add the PRIMARY KEY column t.id: rebuild the table with create_table + "
               "execute(INSERT … SELECT) + drop_table + rename_table");

  retort_column unique = make_column("email", "text", RETORT_COLUMN_UNIQUE);
  const retort_column* columns2[] = {&unique};
  EXPECT_STREQ(render_failure(with_columns(make_op(RETORT_OP_ADD_COLUMN, "t"), columns2)).what(),
               "SQLite cannot add the UNIQUE column t.email: add it without unique, then create a "
               "unique index on it");

  const retort_column* columns3[] = {&unique, &key};
  EXPECT_STREQ(render_failure(with_columns(make_op(RETORT_OP_ADD_COLUMN, "t"), columns3)).what(),
               "add_column t: add_column takes exactly one column, got 2");
  EXPECT_STREQ(render_failure(make_op(RETORT_OP_ADD_COLUMN, "t")).what(),
               "add_column t: add_column takes exactly one column, got 0");
}

TEST(SqliteRenderErrors, IndexNeedsColumns) {
  retort_op op = make_op(RETORT_OP_CREATE_INDEX, "t");
  op.name = retort::str("ix");
  EXPECT_STREQ(render_failure(op).what(), "create_index t: index ix has no columns");
  retort_str entries[] = {retort::str("a"), retort::str("  ")};
  op.index_columns = entries;
  op.index_column_count = 2;
  EXPECT_STREQ(render_failure(op).what(),
               "create_index t: index column 2 of index ix is empty or contains NUL");
}

TEST(SqliteRenderErrors, EmptyExecuteAndUnknownKinds) {
  retort_op execute = make_op(RETORT_OP_EXECUTE);
  execute.sql = retort::str(" \n ");
  EXPECT_STREQ(render_failure(execute).what(), "execute: the SQL is empty");

  auto f = render_failure(make_op(99, "t"));
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(), "operation kind 99 is unknown to the sqlite dialect (ABI " RETORT_STRINGIFY(
                            RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR) ")");
}

TEST(SqliteRenderErrors, NamesWithNulBytesAreRefused) {
  retort_op op = make_op(RETORT_OP_DROP_TABLE, std::string_view("a\0b", 3));
  EXPECT_STREQ(render_failure(op).what(), "drop_table: table name contains a NUL byte");
}

TEST(SqliteRenderErrors, MalformedStructsArePluginFailuresNotCrashes) {
  retort_op small = make_op(RETORT_OP_DROP_TABLE, "t");
  small.struct_size = 8;
  EXPECT_EQ(render_failure(small).kind(), RETORT_ERROR_PLUGIN);

  retort_op null_table = make_op(RETORT_OP_DROP_TABLE);
  null_table.table = retort_str{nullptr, 5};
  auto f = render_failure(null_table);
  EXPECT_EQ(f.kind(), RETORT_ERROR_PLUGIN);
  EXPECT_STREQ(f.what(), "malformed string in table name: null data with size 5");

  retort_op null_columns = make_op(RETORT_OP_CREATE_TABLE, "t");
  null_columns.column_count = 3;
  EXPECT_STREQ(render_failure(null_columns).what(),
               "create_table: column array is null but its count is 3");

  const retort_column* holes[] = {nullptr};
  EXPECT_STREQ(render_failure(create_table("t", holes)).what(),
               "create_table: column 1 is a null pointer");

  retort_column tiny = make_column("a", "text");
  tiny.struct_size = 4;
  const retort_column* tiny_columns[] = {&tiny};
  EXPECT_EQ(render_failure(create_table("t", tiny_columns)).kind(), RETORT_ERROR_PLUGIN);

  retort_column null_type = make_column("a", "text");
  null_type.type = retort_str{nullptr, 4};
  const retort_column* typed[] = {&null_type};
  EXPECT_EQ(render_failure(create_table("t", typed)).kind(), RETORT_ERROR_PLUGIN);

  retort_op null_entries = make_op(RETORT_OP_CREATE_INDEX, "t");
  null_entries.name = retort::str("ix");
  null_entries.index_column_count = 1;
  EXPECT_EQ(render_failure(null_entries).kind(), RETORT_ERROR_PLUGIN);

  retort_op null_sql = make_op(RETORT_OP_EXECUTE);
  null_sql.sql = retort_str{nullptr, 10};
  EXPECT_EQ(render_failure(null_sql).kind(), RETORT_ERROR_PLUGIN);
}
