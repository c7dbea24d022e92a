// Rendered SQL is not only the expected text: SQLite runs it.
#include "render_support.hpp"

#include <sqlite/connection.hpp>

using namespace sqlite_test;
using retort::sqlite::sqlite_connection;

namespace {

void apply(sqlite_connection& db, const retort_op& op) {
  for (const auto& statement : render(op)) db.execute(statement);
}

std::vector<std::string> column_of(sqlite_connection& db, std::string_view sql) {
  std::vector<std::string> values;
  db.query(sql, [&](const retort::row& r) { values.emplace_back(r.at(0).value_or("NULL")); });
  return values;
}

}  // namespace

TEST(SqliteRenderedSql, EveryOperationRunsOnSqlite) {
  auto db = sqlite_connection::open(":memory:");

  retort_column id = make_column("id", "bigint", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT);
  retort_column name = make_column("name", "string(100)", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_UNIQUE);
  const retort_column* category_columns[] = {&id, &name};
  apply(*db, create_table("categories", category_columns));

  const char* types[] = {"integer", "smallint", "boolean", "string", "text", "numeric(10,2)",
                         "float", "double", "date", "datetime", "timestamp_tz", "json", "uuid", "binary"};
  std::vector<retort_column> typed;
  for (const char* t : types) typed.push_back(make_column(t, t));
  retort_column category = make_column("category_id", "integer", RETORT_COLUMN_NOT_NULL);
  category.references_table = retort::str("categories");
  category.references_column = retort::str("id");
  category.on_delete = retort::str("cascade");
  retort_column price = make_column("price", "numeric(10,2)", RETORT_COLUMN_NOT_NULL);
  price.default_sql = retort::str("abs(-0)");
  std::vector<const retort_column*> product_columns{&id, &category, &price};
  for (const auto& c : typed) product_columns.push_back(&c);
  retort_op products = make_op(RETORT_OP_CREATE_TABLE, "products");
  products.columns = product_columns.data();
  products.column_count = product_columns.size();
  apply(*db, products);

  retort_column note = make_column("note", "text");
  note.default_sql = retort::str("'n/a'");
  const retort_column* note_columns[] = {&note};
  apply(*db, with_columns(make_op(RETORT_OP_ADD_COLUMN, "products"), note_columns));

  retort_str entries[] = {retort::str("category_id"), retort::str("lower(note)")};
  retort_op index = make_op(RETORT_OP_CREATE_INDEX, "products");
  index.name = retort::str("ix_products");
  index.flags = RETORT_OP_UNIQUE;
  index.index_columns = entries;
  index.index_column_count = 2;
  index.where = retort::str("note IS NOT NULL");
  apply(*db, index);

  retort_op insert = make_op(RETORT_OP_EXECUTE);
  insert.sql = retort::str("INSERT INTO categories (name) VALUES ('tea'); INSERT INTO products (category_id) VALUES (1)");
  apply(*db, insert);
  EXPECT_EQ(column_of(*db, "SELECT note || ' ' || price FROM products"), std::vector<std::string>{"n/a 0"});

  retort_op rename_column = make_op(RETORT_OP_RENAME_COLUMN, "products");
  rename_column.name = retort::str("note");
  rename_column.new_name = retort::str("remark");
  apply(*db, rename_column);
  retort_op drop_index = make_op(RETORT_OP_DROP_INDEX, "products");
  drop_index.name = retort::str("ix_products");
  apply(*db, drop_index);
  retort_op drop_column = make_op(RETORT_OP_DROP_COLUMN, "products");
  drop_column.name = retort::str("remark");
  apply(*db, drop_column);
  retort_op rename_table = make_op(RETORT_OP_RENAME_TABLE, "products");
  rename_table.new_name = retort::str("items");
  apply(*db, rename_table);

  EXPECT_EQ(column_of(*db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence' ORDER BY name"),
            (std::vector<std::string>{"categories", "items"}));
  EXPECT_EQ(column_of(*db, "SELECT type FROM pragma_table_info('items') WHERE name = 'json'"),
            std::vector<std::string>{"TEXT"});

  retort_op drop = make_op(RETORT_OP_DROP_TABLE, "items");
  apply(*db, drop);
  drop.flags = RETORT_OP_IF_EXISTS;
  apply(*db, drop);
  EXPECT_FALSE(db->table_exists("", "items"));
}
