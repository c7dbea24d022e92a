// The exact SQL the dialect writes for each operation.
#include "mariadb/render.hpp"
#include "op_builders.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace retort::mariadb;
using namespace retort::mariadb::test;
using retort::str;
using strings = std::vector<std::string>;

namespace {

std::string only(const retort_op& o) {
  strings out = render_op(o);
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? "" : out[0];
}

}  // namespace

TEST(MariadbRender, CreateTableWithAutoIncrementKeyDefaultsAndUnique) {
  retort_column cols[] = {
      column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT),
      column("email", "string(200)", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_UNIQUE),
      column("active", "boolean", RETORT_COLUMN_NOT_NULL, "TRUE"),
      column("note", "text"),
  };
  const retort_column* ptrs[] = {&cols[0], &cols[1], &cols[2], &cols[3]};
  retort_op o = op(RETORT_OP_CREATE_TABLE, "users");
  o.columns = ptrs;
  o.column_count = 4;
  EXPECT_EQ(only(o),
            "CREATE TABLE `users` (`id` INT AUTO_INCREMENT PRIMARY KEY, "
            "`email` VARCHAR(200) NOT NULL UNIQUE, `active` BOOLEAN NOT NULL DEFAULT TRUE, "
            "`note` TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
}

TEST(MariadbRender, CreateTableWithEveryGenericType) {
  const char* types[] = {"integer", "bigint", "smallint", "boolean", "string(10)", "string",
                         "text", "numeric(10,2)", "float", "double", "date", "datetime",
                         "timestamp_tz", "json", "uuid", "binary", "MEDIUMINT UNSIGNED"};
  std::vector<std::string> names;
  for (int i = 0; i < 17; ++i) names.push_back("c" + std::to_string(i));
  std::vector<retort_column> cols;
  for (int i = 0; i < 17; ++i) cols.push_back(column(names[i], types[i]));
  std::vector<const retort_column*> ptrs;
  for (auto& c : cols) ptrs.push_back(&c);
  retort_op o = op(RETORT_OP_CREATE_TABLE, "all_types");
  o.columns = ptrs.data();
  o.column_count = ptrs.size();
  EXPECT_EQ(only(o),
            "CREATE TABLE `all_types` (`c0` INT, `c1` BIGINT, `c2` SMALLINT, `c3` BOOLEAN, "
            "`c4` VARCHAR(10), `c5` VARCHAR(255), `c6` TEXT, `c7` DECIMAL(10,2), `c8` FLOAT, "
            "`c9` DOUBLE, `c10` DATE, `c11` DATETIME(6), `c12` DATETIME(6), `c13` JSON, "
            "`c14` CHAR(36), `c15` LONGBLOB, `c16` MEDIUMINT UNSIGNED) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
}

TEST(MariadbRender, CreateTableWithCompositeKeyForeignKeysSchemaAndIfNotExists) {
  retort_column cols[] = {
      references(column("user_id", "bigint", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_PRIMARY_KEY),
                 "users", "id", "CASCADE"),
      references(column("product_id", "bigint", RETORT_COLUMN_NOT_NULL | RETORT_COLUMN_PRIMARY_KEY),
                 "products", "id"),
  };
  const retort_column* ptrs[] = {&cols[0], &cols[1]};
  retort_op o = op(RETORT_OP_CREATE_TABLE, "purchases");
  o.schema = str("shop");
  o.flags = RETORT_OP_IF_NOT_EXISTS;
  o.columns = ptrs;
  o.column_count = 2;
  EXPECT_EQ(only(o),
            "CREATE TABLE IF NOT EXISTS `shop`.`purchases` (`user_id` BIGINT NOT NULL, "
            "`product_id` BIGINT NOT NULL, PRIMARY KEY (`user_id`, `product_id`), "
            "FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, "
            "FOREIGN KEY (`product_id`) REFERENCES `products` (`id`)) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
}

TEST(MariadbRender, AutoIncrementWithoutPrimaryKeyBecomesThePrimaryKey) {
  retort_column cols[] = {column("n", "bigint", RETORT_COLUMN_AUTOINCREMENT | RETORT_COLUMN_NOT_NULL),
                          column("v", "text")};
  const retort_column* ptrs[] = {&cols[0], &cols[1]};
  retort_op o = op(RETORT_OP_CREATE_TABLE, "seq");
  o.columns = ptrs;
  o.column_count = 2;
  EXPECT_EQ(only(o),
            "CREATE TABLE `seq` (`n` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `v` TEXT) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
}

TEST(MariadbRender, NamesWithBackticksAreQuoted) {
  retort_column c = column("we`ird", "integer");
  const retort_column* ptrs[] = {&c};
  retort_op o = op(RETORT_OP_CREATE_TABLE, "t`1");
  o.columns = ptrs;
  o.column_count = 1;
  EXPECT_EQ(only(o), "CREATE TABLE `t``1` (`we``ird` INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
}

TEST(MariadbRender, DropTable) {
  retort_op o = op(RETORT_OP_DROP_TABLE, "users");
  EXPECT_EQ(only(o), "DROP TABLE `users`");
  o.flags = RETORT_OP_IF_EXISTS;
  o.schema = str("shop");
  EXPECT_EQ(only(o), "DROP TABLE IF EXISTS `shop`.`users`");
}

TEST(MariadbRender, AddColumn) {
  retort_column c = column("nick", "string(30)", RETORT_COLUMN_NOT_NULL, "''");
  const retort_column* ptrs[] = {&c};
  retort_op o = op(RETORT_OP_ADD_COLUMN, "users");
  o.columns = ptrs;
  o.column_count = 1;
  EXPECT_EQ(only(o), "ALTER TABLE `users` ADD COLUMN `nick` VARCHAR(30) NOT NULL DEFAULT ''");
  o.flags = RETORT_OP_IF_NOT_EXISTS;
  EXPECT_EQ(only(o),
            "ALTER TABLE `users` ADD COLUMN IF NOT EXISTS `nick` VARCHAR(30) NOT NULL DEFAULT ''");
}

TEST(MariadbRender, AddColumnWithForeignKeyAddsTheConstraintInTheSameStatement) {
  retort_column c = references(column("category_id", "integer"), "categories", "id", "SET NULL");
  const retort_column* ptrs[] = {&c};
  retort_op o = op(RETORT_OP_ADD_COLUMN, "products");
  o.columns = ptrs;
  o.column_count = 1;
  EXPECT_EQ(only(o),
            "ALTER TABLE `products` ADD COLUMN `category_id` INT, ADD FOREIGN KEY (`category_id`) "
            "REFERENCES `categories` (`id`) ON DELETE SET NULL");
}

TEST(MariadbRender, DropColumn) {
  retort_op o = op(RETORT_OP_DROP_COLUMN, "users");
  o.name = str("nick");
  EXPECT_EQ(only(o), "ALTER TABLE `users` DROP COLUMN `nick`");
  o.flags = RETORT_OP_IF_EXISTS;
  EXPECT_EQ(only(o), "ALTER TABLE `users` DROP COLUMN IF EXISTS `nick`");
}

TEST(MariadbRender, AlterColumnTypeAndNullabilityIsModifyColumn) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  o.alter_type = str("bigint");
  o.alter_nullable = 0;
  EXPECT_EQ(only(o), "ALTER TABLE `users` MODIFY COLUMN `age` BIGINT NOT NULL");
  o.alter_nullable = 1;
  EXPECT_EQ(only(o), "ALTER TABLE `users` MODIFY COLUMN `age` BIGINT NULL");
}

TEST(MariadbRender, AlterColumnWithTypeAndDefaultRestatesTheDefault) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  o.alter_type = str("integer");
  o.alter_nullable = 0;
  o.alter_default_action = RETORT_DEFAULT_SET;
  o.alter_default_sql = str("18");
  EXPECT_EQ(only(o), "ALTER TABLE `users` MODIFY COLUMN `age` INT NOT NULL DEFAULT 18");
  o.alter_default_action = RETORT_DEFAULT_DROP;
  EXPECT_EQ(only(o), "ALTER TABLE `users` MODIFY COLUMN `age` INT NOT NULL");
}

TEST(MariadbRender, AlterColumnDefaultAlone) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("status");
  o.alter_default_action = RETORT_DEFAULT_SET;
  o.alter_default_sql = str("'new'");
  EXPECT_EQ(only(o), "ALTER TABLE `users` ALTER COLUMN `status` SET DEFAULT 'new'");
  o.alter_default_action = RETORT_DEFAULT_DROP;
  EXPECT_EQ(only(o), "ALTER TABLE `users` ALTER COLUMN `status` DROP DEFAULT");
}

TEST(MariadbRender, RenameColumn) {
  retort_op o = op(RETORT_OP_RENAME_COLUMN, "users");
  o.name = str("nick");
  o.new_name = str("handle");
  EXPECT_EQ(only(o), "ALTER TABLE `users` RENAME COLUMN `nick` TO `handle`");
}

TEST(MariadbRender, RenameTableKeepsTheSchema) {
  retort_op o = op(RETORT_OP_RENAME_TABLE, "users");
  o.new_name = str("customers");
  EXPECT_EQ(only(o), "RENAME TABLE `users` TO `customers`");
  o.schema = str("shop");
  EXPECT_EQ(only(o), "RENAME TABLE `shop`.`users` TO `shop`.`customers`");
}

TEST(MariadbRender, CreateIndexQuotesColumnsAndPassesExpressions) {
  retort_str cols[] = {str("last_name"), str("first_name(10)"), str("created_at DESC")};
  retort_op o = op(RETORT_OP_CREATE_INDEX, "users");
  o.name = str("ix_users_name");
  o.index_columns = cols;
  o.index_column_count = 3;
  EXPECT_EQ(only(o),
            "CREATE INDEX `ix_users_name` ON `users` (`last_name`, first_name(10), created_at DESC)");
  o.flags = RETORT_OP_UNIQUE | RETORT_OP_IF_NOT_EXISTS;
  o.schema = str("shop");
  o.index_column_count = 1;
  EXPECT_EQ(only(o),
            "CREATE UNIQUE INDEX IF NOT EXISTS `ix_users_name` ON `shop`.`users` (`last_name`)");
}

TEST(MariadbRender, DropIndexNamesItsTable) {
  retort_op o = op(RETORT_OP_DROP_INDEX, "users");
  o.name = str("ix_users_name");
  EXPECT_EQ(only(o), "DROP INDEX `ix_users_name` ON `users`");
  o.flags = RETORT_OP_IF_EXISTS;
  EXPECT_EQ(only(o), "DROP INDEX IF EXISTS `ix_users_name` ON `users`");
}

TEST(MariadbRender, ExecutePassesTheScriptVerbatimAsOneStatement) {
  retort_op o = op(RETORT_OP_EXECUTE);
  o.sql = str("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);");
  EXPECT_EQ(render_op(o), (strings{"INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);"}));
}
