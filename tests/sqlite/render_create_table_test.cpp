// create_table as SQLite SQL: keys, autoincrement, constraints, defaults.
#include "render_support.hpp"

using namespace sqlite_test;

TEST(SqliteCreateTable, AutoincrementKeyIsExactlyTheRowidAlias) {
  retort_column id = make_column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT);
  retort_column name = make_column("name", "string(100)", RETORT_COLUMN_NOT_NULL);
  const retort_column* columns[] = {&id, &name};
  EXPECT_EQ(render_one(create_table("users", columns)),
            "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, "
            "\"name\" VARCHAR(100) NOT NULL)");
}

TEST(SqliteCreateTable, BigintAutoincrementKeyIsStillIntegerPrimaryKey) {
  retort_column id = make_column("id", "bigint",
                                 RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT |
                                     RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_UNIQUE);
  const retort_column* columns[] = {&id};
  EXPECT_EQ(render_one(create_table("t", columns)),
            "CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT)");
}

TEST(SqliteCreateTable, SingleKeyWithoutAutoincrementIsInline) {
  retort_column code = make_column("code", "uuid", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_NOT_NULL);
  retort_column label = make_column("label", "text");
  const retort_column* columns[] = {&code, &label};
  EXPECT_EQ(render_one(create_table("things", columns)),
            "CREATE TABLE \"things\" (\"code\" CHAR(36) PRIMARY KEY NOT NULL, \"label\" TEXT)");
}

TEST(SqliteCreateTable, SeveralKeyColumnsBecomeATableConstraint) {
  retort_column a = make_column("user_id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_NOT_NULL);
  retort_column b = make_column("role", "string(20)", RETORT_COLUMN_PRIMARY_KEY);
  const retort_column* columns[] = {&a, &b};
  EXPECT_EQ(render_one(create_table("user_roles", columns)),
            "CREATE TABLE \"user_roles\" (\"user_id\" INTEGER NOT NULL, \"role\" VARCHAR(20), "
            "PRIMARY KEY (\"user_id\",\"role\"))");
}

TEST(SqliteCreateTable, IfNotExistsAndSchemaQualifyTheTable) {
  retort_column x = make_column("x", "boolean");
  const retort_column* columns[] = {&x};
  retort_op op = create_table("flags", columns);
  op.flags = RETORT_OP_IF_NOT_EXISTS;
  op.schema = retort::str("aux");
  EXPECT_EQ(render_one(op), "CREATE TABLE IF NOT EXISTS \"aux\".\"flags\" (\"x\" BOOLEAN)");
}

TEST(SqliteCreateTable, UniqueDefaultAndForeignKeyConstraints) {
  retort_column email = make_column("email", "string(255)", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_UNIQUE);
  retort_column owner = make_column("owner_id", "integer", RETORT_COLUMN_NOT_NULL);
  owner.references_table = retort::str("users");
  owner.references_column = retort::str("id");
  owner.on_delete = retort::str("cascade");
  retort_column category = make_column("category_id", "integer");
  category.references_table = retort::str("categories");
  category.on_delete = retort::str("  set   null ");
  retort_column created = make_column("created_at", "datetime", RETORT_COLUMN_NOT_NULL);
  created.default_sql = retort::str("CURRENT_TIMESTAMP");
  const retort_column* columns[] = {&email, &owner, &category, &created};
  EXPECT_EQ(render_one(create_table("accounts", columns)),
            "CREATE TABLE \"accounts\" ("
            "\"email\" VARCHAR(255) NOT NULL UNIQUE, "
            "\"owner_id\" INTEGER NOT NULL REFERENCES \"users\"(\"id\") ON DELETE CASCADE, "
            "\"category_id\" INTEGER REFERENCES \"categories\" ON DELETE SET NULL, "
            "\"created_at\" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)");
}

TEST(SqliteCreateTable, LiteralDefaultsStayAndExpressionsAreParenthesized) {
  const char* cases[][2] = {
      {"0", "DEFAULT 0"},
      {"-1.5e3", "DEFAULT -1.5e3"},
      {"0x1F", "DEFAULT 0x1F"},
      {"'it''s'", "DEFAULT 'it''s'"},
      {"X'00ff'", "DEFAULT X'00ff'"},
      {"null", "DEFAULT null"},
      {"TRUE", "DEFAULT TRUE"},
      {"(datetime('now'))", "DEFAULT (datetime('now'))"},
      {"datetime('now')", "DEFAULT (datetime('now'))"},
      {"1 + 2", "DEFAULT (1 + 2)"},
      {"(1) + (2)", "DEFAULT ((1) + (2))"},
      {"'a' || 'b'", "DEFAULT ('a' || 'b')"},
      {"  42  ", "DEFAULT 42"},
  };
  for (const auto& [given, expected] : cases) {
    retort_column c = make_column("c", "text");
    c.default_sql = retort::str(given);
    const retort_column* columns[] = {&c};
    EXPECT_EQ(render_one(create_table("t", columns)),
              std::string("CREATE TABLE \"t\" (\"c\" TEXT ") + expected + ")")
        << "default " << given;
  }
}

TEST(SqliteCreateTable, NamesWithQuotesAreDoubledInsideIdentifiers) {
  retort_column c = make_column("say \"hi\"", "text");
  c.references_table = retort::str("o\"ther");
  c.references_column = retort::str("c\"ol");
  const retort_column* columns[] = {&c};
  EXPECT_EQ(render_one(create_table("we\"ird", columns)),
            "CREATE TABLE \"we\"\"ird\" (\"say \"\"hi\"\"\" TEXT REFERENCES \"o\"\"ther\"(\"c\"\"ol\"))");
}

TEST(SqliteCreateTable, VerbatimTypesPassThrough) {
  retort_column c = make_column("geo", "POINT NOT NULL");
  const retort_column* columns[] = {&c};
  EXPECT_EQ(render_one(create_table("t", columns)), "CREATE TABLE \"t\" (\"geo\" POINT NOT NULL)");
}
