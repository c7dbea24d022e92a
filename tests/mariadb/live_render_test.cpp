// Every rendered operation is SQL the server accepts and means what it says.
#include "live_server.hpp"
#include "op_builders.hpp"

#include <string>
#include <vector>

using namespace retort::mariadb::test;
using retort::str;

namespace {

class MariadbLiveRender : public live_mariadb {
 protected:
  // Renders `o` through the plugin and runs each statement.
  void apply(session& s, const retort_op& o) {
    std::vector<std::string> statements;
    retort_statement_sink sink{&statements, [](void* c, const char* d, size_t n) {
                                 static_cast<std::vector<std::string>*>(c)->emplace_back(d, n);
                               }};
    retort_error err = fresh_error();
    ASSERT_EQ(plugin_.dialect().render(&o, &sink, &err), RETORT_OK) << err.message;
    for (const std::string& sql : statements) {
      outcome r = s.execute(sql);
      ASSERT_TRUE(r.ok()) << r << "\n" << sql;
    }
  }

  // COLUMN_TYPE, IS_NULLABLE and COLUMN_DEFAULT of one column.
  std::string describe(session& s, const std::string& t, const std::string& column) {
    text_rows rows = s.query(
        "SELECT COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '-') FROM "
        "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + t +
        "' AND COLUMN_NAME = '" + column + "'");
    if (rows.empty()) return "absent";
    return *rows[0][0] + " " + *rows[0][1] + " " + *rows[0][2];
  }
};

}  // namespace

TEST_F(MariadbLiveRender, RenderedOperationsRunAndMeanWhatTheySay) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string parent = table("parent");
  const std::string child = table("child");
  const std::string renamed = table("renamed");

  retort_column parent_cols[] = {
      column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT),
      column("name", "string(50)", RETORT_COLUMN_NOT_NULL, "'x'")};
  const retort_column* parent_ptrs[] = {&parent_cols[0], &parent_cols[1]};
  retort_op create_parent = op(RETORT_OP_CREATE_TABLE, parent);
  create_parent.columns = parent_ptrs;
  create_parent.column_count = 2;
  apply(*s, create_parent);

  const char* types[] = {"bigint", "smallint", "boolean", "string", "text", "numeric(10,2)",
                         "float", "double", "date", "datetime", "timestamp_tz", "json", "uuid",
                         "binary"};
  std::vector<std::string> names;
  for (const char* t : types) names.push_back(std::string("c_") + t);
  names[5] = "c_numeric";
  std::vector<retort_column> cols;
  cols.push_back(references(column("parent_id", "integer", RETORT_COLUMN_NOT_NULL), parent, "id",
                            "CASCADE"));
  for (std::size_t i = 0; i < names.size(); ++i) cols.push_back(column(names[i], types[i]));
  std::vector<const retort_column*> ptrs;
  for (auto& c : cols) ptrs.push_back(&c);
  retort_op create_child = op(RETORT_OP_CREATE_TABLE, child);
  create_child.columns = ptrs.data();
  create_child.column_count = ptrs.size();
  apply(*s, create_child);
  EXPECT_EQ(describe(*s, child, "c_boolean"), "tinyint(1) YES NULL");
  EXPECT_EQ(describe(*s, child, "c_string"), "varchar(255) YES NULL");
  EXPECT_EQ(describe(*s, child, "c_numeric"), "decimal(10,2) YES NULL");
  EXPECT_EQ(describe(*s, child, "c_timestamp_tz"), "datetime(6) YES NULL");
  EXPECT_EQ(describe(*s, child, "c_uuid"), "char(36) YES NULL");
  EXPECT_EQ(describe(*s, child, "c_binary"), "longblob YES NULL");

  ASSERT_TRUE(s->execute("INSERT INTO `" + parent + "` (name) VALUES ('p');"
                         "INSERT INTO `" + child + "` (parent_id, c_json) VALUES (LAST_INSERT_ID(), '{\"a\": 1}')").ok());

  retort_column note = column("note", "text");
  const retort_column* note_ptr[] = {&note};
  retort_op add = op(RETORT_OP_ADD_COLUMN, child);
  add.columns = note_ptr;
  add.column_count = 1;
  apply(*s, add);
  EXPECT_EQ(describe(*s, child, "note"), "text YES NULL");

  retort_str index_cols[] = {str("c_string")};
  retort_op index = op(RETORT_OP_CREATE_INDEX, child);
  index.name = str("ux_string");
  index.flags = RETORT_OP_UNIQUE;
  index.index_columns = index_cols;
  index.index_column_count = 1;
  apply(*s, index);

  retort_op alter = op(RETORT_OP_ALTER_COLUMN, child);
  alter.name = str("c_smallint");
  alter.alter_type = str("integer");
  alter.alter_nullable = 0;
  alter.alter_default_action = RETORT_DEFAULT_SET;
  alter.alter_default_sql = str("5");
  ASSERT_TRUE(s->execute("UPDATE `" + child + "` SET c_smallint = 1").ok());
  apply(*s, alter);
  EXPECT_EQ(describe(*s, child, "c_smallint"), "int(11) NO 5");

  retort_op drop_default = op(RETORT_OP_ALTER_COLUMN, child);
  drop_default.name = str("c_smallint");
  drop_default.alter_default_action = RETORT_DEFAULT_DROP;
  apply(*s, drop_default);
  EXPECT_EQ(describe(*s, child, "c_smallint"), "int(11) NO -");

  retort_op rename_column = op(RETORT_OP_RENAME_COLUMN, child);
  rename_column.name = str("note");
  rename_column.new_name = str("remark");
  apply(*s, rename_column);
  EXPECT_EQ(describe(*s, child, "remark"), "text YES NULL");

  retort_op rename_table = op(RETORT_OP_RENAME_TABLE, child);
  rename_table.new_name = str(renamed);
  apply(*s, rename_table);
  EXPECT_TRUE(s->table_exists("", renamed));
  EXPECT_FALSE(s->table_exists("", child));

  retort_op drop_index = op(RETORT_OP_DROP_INDEX, renamed);
  drop_index.name = str("ux_string");
  apply(*s, drop_index);

  retort_op drop_column = op(RETORT_OP_DROP_COLUMN, renamed);
  drop_column.name = str("remark");
  apply(*s, drop_column);
  EXPECT_EQ(describe(*s, renamed, "remark"), "absent");

  ASSERT_TRUE(s->execute("DELETE FROM `" + parent + "`").ok());
  EXPECT_EQ(s->value("SELECT COUNT(*) FROM `" + renamed + "`"), "0") << "ON DELETE CASCADE";

  retort_op drop_child = op(RETORT_OP_DROP_TABLE, renamed);
  apply(*s, drop_child);
  retort_op drop_parent = op(RETORT_OP_DROP_TABLE, parent);
  drop_parent.flags = RETORT_OP_IF_EXISTS;
  apply(*s, drop_parent);
  EXPECT_FALSE(s->table_exists("", parent));
}

TEST_F(MariadbLiveRender, QuotedLiteralsRoundTripThroughTheServer) {
  auto s = open();
  ASSERT_TRUE(s);
  std::string quoted;
  retort_text_sink sink{&quoted, [](void* c, const char* d, size_t n) {
                          static_cast<std::string*>(c)->append(d, n);
                        }};
  const std::string nasty = "it's \\ a \"test\" \\' -- ; `x` \xC3\xA9";
  plugin_.dialect().quote_literal(str(nasty), &sink);
  EXPECT_EQ(s->value("SELECT " + quoted), nasty);
}

// MariaDB makes an index for a foreign key that has none to use, named
// after the key, and keeps it after DROP FOREIGN KEY; introspection counts
// it as part of the key. drop_foreign_key takes it too, so adding a key and
// dropping it leaves the table as it was; an index that was there before
// the key, which the key used, stays.
TEST_F(MariadbLiveRender, DroppingAForeignKeyDropsTheIndexMariadbMadeForItOnly) {
  auto s = open();
  ASSERT_TRUE(s);
  const std::string parent = table("fk_parent"), child = table("fk_child");
  ASSERT_TRUE(s->execute("CREATE TABLE `" + parent + "` (id INT PRIMARY KEY)").ok());
  ASSERT_TRUE(s->execute("CREATE TABLE `" + child + "` (id INT PRIMARY KEY, a INT, b INT, KEY ix_b (b))").ok());
  for (const char* column_name : {"a", "b"}) {
    retort_str columns[] = {str(column_name)}, referenced[] = {str("id")};
    retort_op add = op(RETORT_OP_ADD_FOREIGN_KEY, child);
    const std::string name = child.substr(0, 50) + "_" + column_name;  // foreign key names are per database
    add.name = str(name);
    add.index_columns = columns;
    add.index_column_count = 1;
    add.references_table = str(parent);
    add.references_columns = referenced;
    add.references_column_count = 1;
    apply(*s, add);
  }
  const auto has_index = [&](const std::string& name) {
    return s->value("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                    "AND TABLE_NAME = '" + child + "' AND INDEX_NAME = '" + name + "'") != "0";
  };
  const std::string fk_a = child.substr(0, 50) + "_a", fk_b = child.substr(0, 50) + "_b";
  EXPECT_TRUE(has_index(fk_a));
  EXPECT_FALSE(has_index(fk_b)) << "the key on b uses ix_b";
  for (const std::string& name : {fk_a, fk_b}) {
    retort_op drop = op(RETORT_OP_DROP_FOREIGN_KEY, child);
    drop.name = str(name);
    apply(*s, drop);
  }
  EXPECT_FALSE(has_index(fk_a));
  EXPECT_TRUE(has_index("ix_b"));
}
