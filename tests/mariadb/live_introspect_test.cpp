// MariaDB reads its live schema (ABI 1.2 introspect), through the built
// plugin's ABI: golden descriptions of fixed schemas, made through the
// dialect's own renderer where it can make them, each in a database of its
// own that is dropped after the test.
#include "live_server.hpp"
#include "op_builders.hpp"

#include <schema_capture.hpp>

#include <unistd.h>

#include <cctype>
#include <string>
#include <utility>
#include <vector>

using namespace retort::mariadb::test;
using retort::str;

namespace {

class MariadbLiveIntrospect : public live_mariadb {
 protected:
  void SetUp() override {
    live_mariadb::SetUp();
    if (HasFatalFailure()) return;
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    db_ = "introspect_" + name.substr(0, 38) + "_" + std::to_string(getpid());  // with "_copy", at most 64
    auto admin = open();
    ASSERT_TRUE(admin);
    ASSERT_TRUE(admin->execute("DROP DATABASE IF EXISTS `" + db_ + "`").ok());
    outcome created = admin->execute("CREATE DATABASE `" + db_ + "`");
    ASSERT_TRUE(created.ok()) << "the test user must be able to create databases: " << created;
    s_ = open_in(db_);
    ASSERT_TRUE(s_);
  }

  void TearDown() override {
    s_.reset();
    if (!db_.empty())
      if (auto admin = open())
        for (const std::string& name : {db_, db_ + "_copy"}) admin->execute("DROP DATABASE IF EXISTS `" + name + "`");
    live_mariadb::TearDown();
  }

  std::unique_ptr<session> open_in(const std::string& database) {
    auto [o, s] = try_open(with(options_, "url.database", database), url_);
    EXPECT_TRUE(o.ok()) << o;
    return std::move(s);
  }

  // Renders `o` through the plugin and runs each statement in the test's database.
  void apply(const retort_op& o) {
    std::vector<std::string> statements;
    retort_statement_sink sink{&statements, [](void* c, const char* d, size_t n) {
                                 static_cast<std::vector<std::string>*>(c)->emplace_back(d, n);
                               }};
    retort_error err = fresh_error();
    ASSERT_EQ(plugin_.dialect().render(&o, &sink, &err), RETORT_OK) << err.message;
    for (const std::string& sql : statements) {
      outcome r = s_->execute(sql);
      ASSERT_TRUE(r.ok()) << r << "\n" << sql;
    }
  }

  void run(const std::string& sql) {
    outcome r = s_->execute(sql);
    ASSERT_TRUE(r.ok()) << r << "\n" << sql;
  }

  // Runs introspect() of `schema` into `sink`, on a connection to
  // `connect_to` (the server URL's own database when empty).
  outcome introspect_to(const retort_schema_sink* sink, const std::string& schema,
                        const std::vector<std::string>& skip = {}, const std::string& connect_to = {}) {
    const option_list opts = connect_to.empty() ? options_ : with(options_, "url.database", connect_to);
    std::vector<retort_option> raw;
    for (const auto& [k, v] : opts) raw.push_back(retort_option{str(k), str(v)});
    retort_connect_params params{sizeof(retort_connect_params), str(url_), raw.data(), raw.size()};
    const retort_dialect_v1& d = plugin_.dialect();
    retort_connection* conn = nullptr;
    outcome o{0, fresh_error()};
    o.rc = d.connect(&params, &conn, &o.err);
    if (!o.ok()) return o;
    std::vector<retort_str> skipped;
    for (const std::string& s : skip) skipped.push_back(str(s));
    o.rc = d.introspect(conn, str(schema), skipped.data(), skipped.size(), sink, &o.err);
    d.disconnect(conn);
    return o;
  }

  // What introspect() says of `schema`, as schema_capture's text.
  std::pair<outcome, std::string> introspect(const std::string& schema, const std::vector<std::string>& skip = {},
                                             const std::string& connect_to = {}) {
    test_support::schema_capture capture;
    outcome o = introspect_to(capture.sink(), schema, skip, connect_to);
    return {o, capture.text()};
  }

  // The description of the test's database, asked for by name from a
  // connection to another database.
  std::string described(const std::vector<std::string>& skip = {}) {
    auto [o, text] = introspect(db_, skip);
    EXPECT_TRUE(o.ok()) << o;
    return text;
  }

  std::string db_;
  std::unique_ptr<session> s_;
};

retort_op constraint_op(int kind, std::string_view name, const retort_str* columns, std::size_t count) {
  retort_op c = op(kind);
  c.name = str(name);
  c.index_columns = columns;
  c.index_column_count = count;
  return c;
}

}  // namespace

TEST_F(MariadbLiveIntrospect, ASchemaMadeByTheRendererReadsBackAsItsOperations) {
  // Every generic type, defaults, NOT NULL, a named unique and a check.
  retort_column parent_cols[] = {
      column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT),
      column("code", "string(64)", RETORT_COLUMN_NOT_NULL),
      column("c_bigint", "bigint"),
      column("c_smallint", "smallint"),
      column("c_boolean", "boolean", RETORT_COLUMN_NOT_NULL, "TRUE"),
      column("c_string", "string"),
      column("c_text", "text"),
      column("c_numeric", "numeric(10,2)", RETORT_COLUMN_NOT_NULL, "0"),
      column("c_numeric_bare", "numeric"),
      column("c_float", "float"),
      column("c_double", "double"),
      column("c_date", "date", 0, "'2024-01-31'"),
      column("c_datetime", "datetime", 0, "CURRENT_TIMESTAMP(6)"),
      column("c_timestamp_tz", "timestamp_tz"),
      column("c_json", "json"),
      column("c_uuid", "uuid"),
      column("c_binary", "binary"),
      column("c_note", "string(20)", 0, "'it''s'"),
  };
  std::vector<const retort_column*> parent_ptrs;
  for (const auto& c : parent_cols) parent_ptrs.push_back(&c);
  const retort_str code[] = {str("code")};
  retort_op unique_code = constraint_op(RETORT_OP_ADD_UNIQUE, "uq_parent_code", code, 1);
  retort_op check_numeric = constraint_op(RETORT_OP_ADD_CHECK, "ck_parent_numeric", nullptr, 0);
  check_numeric.check_sql = str("c_numeric >= 0");
  const retort_op* parent_constraints[] = {&unique_code, &check_numeric};
  retort_op parent = op(RETORT_OP_CREATE_TABLE, "parent");
  parent.columns = parent_ptrs.data();
  parent.column_count = parent_ptrs.size();
  parent.constraints = parent_constraints;
  parent.constraint_count = 2;
  apply(parent);

  // A composite key and a foreign key with both actions; the generated
  // column and ON UPDATE are written by hand: the renderer does not write them.
  retort_column line_cols[] = {
      column("shop_id", "integer", RETORT_COLUMN_PRIMARY_KEY), column("number", "bigint", RETORT_COLUMN_PRIMARY_KEY),
      column("parent_id", "integer"), column("note", "string(20)", 0, "'none'")};
  const retort_column* line_ptrs[] = {&line_cols[0], &line_cols[1], &line_cols[2], &line_cols[3]};
  const retort_str parent_id[] = {str("parent_id")}, id[] = {str("id")};
  retort_op line_parent = constraint_op(RETORT_OP_ADD_FOREIGN_KEY, "fk_line_parent", parent_id, 1);
  line_parent.references_table = str("parent");
  line_parent.references_columns = id;
  line_parent.references_column_count = 1;
  line_parent.on_delete = str("cascade");
  line_parent.on_update = str("set null");
  const retort_op* line_constraints[] = {&line_parent};
  retort_op line = op(RETORT_OP_CREATE_TABLE, "line");
  line.columns = line_ptrs;
  line.column_count = 4;
  line.constraints = line_constraints;
  line.constraint_count = 1;
  apply(line);
  run("ALTER TABLE line ADD COLUMN doubled BIGINT GENERATED ALWAYS AS (number * 2) STORED, "
      "ADD COLUMN updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)");
  const retort_str note[] = {str("note")};
  retort_op note_index = constraint_op(RETORT_OP_CREATE_INDEX, "ix_line_note", note, 1);
  note_index.table = str("line");
  apply(note_index);

  // A foreign key of two columns.
  retort_column shipment_cols[] = {column("id", "integer", RETORT_COLUMN_PRIMARY_KEY),
                                   column("shop_id", "integer", RETORT_COLUMN_NOT_NULL),
                                   column("line_number", "bigint", RETORT_COLUMN_NOT_NULL)};
  const retort_column* shipment_ptrs[] = {&shipment_cols[0], &shipment_cols[1], &shipment_cols[2]};
  const retort_str shipment_key[] = {str("shop_id"), str("line_number")}, line_key[] = {str("shop_id"), str("number")};
  retort_op shipment_line = constraint_op(RETORT_OP_ADD_FOREIGN_KEY, "fk_shipment_line", shipment_key, 2);
  shipment_line.references_table = str("line");
  shipment_line.references_columns = line_key;
  shipment_line.references_column_count = 2;
  shipment_line.on_delete = str("CASCADE");
  const retort_op* shipment_constraints[] = {&shipment_line};
  retort_op shipment = op(RETORT_OP_CREATE_TABLE, "shipment");
  shipment.columns = shipment_ptrs;
  shipment.column_count = 3;
  shipment.constraints = shipment_constraints;
  shipment.constraint_count = 1;
  apply(shipment);

  // A table referencing itself.
  retort_column node_cols[] = {column("id", "integer", RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT),
                               column("parent_id", "integer")};
  const retort_column* node_ptrs[] = {&node_cols[0], &node_cols[1]};
  retort_op node_parent = constraint_op(RETORT_OP_ADD_FOREIGN_KEY, "fk_node_parent", parent_id, 1);
  node_parent.references_table = str("node");
  node_parent.references_columns = id;
  node_parent.references_column_count = 1;
  node_parent.on_delete = str("CASCADE");
  const retort_op* node_constraints[] = {&node_parent};
  retort_op node = op(RETORT_OP_CREATE_TABLE, "node");
  node.columns = node_ptrs;
  node.column_count = 2;
  node.constraints = node_constraints;
  node.constraint_count = 1;
  apply(node);

  // Two tables referencing each other, the keys added after both exist.
  retort_column a_cols[] = {column("id", "integer", RETORT_COLUMN_PRIMARY_KEY), column("b_id", "integer")};
  retort_column b_cols[] = {column("id", "integer", RETORT_COLUMN_PRIMARY_KEY),
                            column("a_id", "integer", RETORT_COLUMN_NOT_NULL)};
  const retort_column* a_ptrs[] = {&a_cols[0], &a_cols[1]};
  const retort_column* b_ptrs[] = {&b_cols[0], &b_cols[1]};
  retort_op cycle_a = op(RETORT_OP_CREATE_TABLE, "cycle_a");
  cycle_a.columns = a_ptrs;
  cycle_a.column_count = 2;
  apply(cycle_a);
  retort_op cycle_b = op(RETORT_OP_CREATE_TABLE, "cycle_b");
  cycle_b.columns = b_ptrs;
  cycle_b.column_count = 2;
  apply(cycle_b);
  const retort_str b_id[] = {str("b_id")}, a_id[] = {str("a_id")};
  retort_op a_to_b = constraint_op(RETORT_OP_ADD_FOREIGN_KEY, "fk_cycle_a_b", b_id, 1);
  a_to_b.table = str("cycle_a");
  a_to_b.references_table = str("cycle_b");
  a_to_b.references_columns = id;
  a_to_b.references_column_count = 1;
  a_to_b.on_update = str("SET NULL");
  a_to_b.on_delete = str("RESTRICT");  // MariaDB's default: reads back as no action given
  apply(a_to_b);
  retort_op b_to_a = constraint_op(RETORT_OP_ADD_FOREIGN_KEY, "fk_cycle_b_a", a_id, 1);
  b_to_a.table = str("cycle_b");
  b_to_a.references_table = str("cycle_a");
  b_to_a.references_columns = id;
  b_to_a.references_column_count = 1;
  b_to_a.on_delete = str("NO ACTION");
  apply(b_to_a);

  retort_op view = op(RETORT_OP_CREATE_VIEW, "v_parent_codes");
  view.sql = str("SELECT id, code FROM parent WHERE id > 0");
  apply(view);

  // The server qualifies every name with the database; the dialect drops it,
  // so the same view reads alike in any database (a scratch one too).
  const std::string q = "`parent`";
  EXPECT_EQ(described(),
            "index ix_line_note on line (note)\n"
            "table cycle_a\n"
            "  column id integer not_null primary_key\n"
            "  column b_id integer\n"
            "  foreign_key fk_cycle_a_b (b_id) -> cycle_b (id) on_update SET NULL\n"
            "table cycle_b\n"
            "  column id integer not_null primary_key\n"
            "  column a_id integer not_null\n"
            "  foreign_key fk_cycle_b_a (a_id) -> cycle_a (id) on_delete NO ACTION\n"
            "table line\n"
            "  column shop_id integer not_null primary_key 1\n"
            "  column number bigint not_null primary_key 2\n"
            "  column parent_id integer\n"
            "  column note string(20) default 'none'\n"
            "  column doubled bigint generated stored `number` * 2\n"
            "  column updated_at datetime not_null default current_timestamp(6) ON UPDATE current_timestamp(6)\n"
            "  foreign_key fk_line_parent (parent_id) -> parent (id) on_delete CASCADE on_update SET NULL\n"
            "table node\n"
            "  column id integer not_null primary_key autoincrement\n"
            "  column parent_id integer\n"
            "  foreign_key fk_node_parent (parent_id) -> node (id) on_delete CASCADE\n"
            "table parent\n"
            "  column id integer not_null primary_key autoincrement\n"
            "  column code string(64) not_null\n"
            "  column c_bigint bigint\n"
            "  column c_smallint smallint\n"
            "  column c_boolean boolean not_null default 1\n"
            "  column c_string string\n"
            "  column c_text text\n"
            "  column c_numeric numeric(10,2) not_null default 0.00\n"
            "  column c_numeric_bare numeric\n"
            "  column c_float float\n"
            "  column c_double double\n"
            "  column c_date date default '2024-01-31'\n"
            "  column c_datetime datetime default current_timestamp(6)\n"
            // timestamp_tz renders DATETIME(6), as datetime does: nothing tells them apart.
            "  column c_timestamp_tz datetime\n"
            "  column c_json json\n"
            "  column c_uuid uuid\n"
            "  column c_binary binary\n"
            "  column c_note string(20) default 'it''s'\n"
            "  check ck_parent_numeric (`c_numeric` >= 0)\n"
            "  unique uq_parent_code (code)\n"
            "table shipment\n"
            "  column id integer not_null primary_key\n"
            "  column shop_id integer not_null\n"
            "  column line_number bigint not_null\n"
            "  foreign_key fk_shipment_line (shop_id, line_number) -> line (shop_id, number) on_delete CASCADE\n"
            "view v_parent_codes as select " + q + ".`id` AS `id`," + q + ".`code` AS `code` from " + q +
                " where " + q + ".`id` > 0\n");
}

TEST_F(MariadbLiveIntrospect, WhatItDoesNotReadIsNamedAsUnmanaged) {
  run("CREATE TABLE t (id INT PRIMARY KEY, body TEXT, hidden INT INVISIBLE, FULLTEXT KEY ft_body (body))");
  run("CREATE TRIGGER trg_t BEFORE INSERT ON t FOR EACH ROW SET NEW.body = TRIM(NEW.body)");
  run("CREATE PROCEDURE pr_touch() UPDATE t SET body = body");
  run("CREATE FUNCTION fn_answer() RETURNS INT DETERMINISTIC RETURN 42");
  run("CREATE EVENT ev_nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t");
  run("CREATE SEQUENCE seq_numbers");
  EXPECT_EQ(described(),
            "table t\n"
            "  column id integer not_null primary_key\n"
            "  column body text\n"
            "  column hidden integer\n"
            "unmanaged event ev_nightly\n"
            "unmanaged fulltext index t.ft_body\n"
            "unmanaged function fn_answer\n"
            "unmanaged invisible column t.hidden\n"
            "unmanaged procedure pr_touch\n"
            "unmanaged sequence seq_numbers\n"
            "unmanaged trigger trg_t\n");
}

// VIRTUAL and STORED are read; what the description does not hold (a
// storage engine, a table's or a column's collation other than the
// default) is named, so no comparison skips it unsaid. A json column's
// utf8mb4_bin is its type's, not named.
TEST_F(MariadbLiveIntrospect, VirtualColumnsAreReadEnginesAndCollationsNamed) {
  run("CREATE TABLE codes (id INT PRIMARY KEY, label VARCHAR(20), "
      "code VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin, doc JSON, "
      "shout VARCHAR(20) AS (UPPER(label)) VIRTUAL, kept VARCHAR(20) AS (TRIM(label)) STORED)");
  run("CREATE TABLE archived (id INT PRIMARY KEY, note VARCHAR(20)) ENGINE=MyISAM DEFAULT CHARSET=latin1 "
      "COLLATE=latin1_swedish_ci");
  EXPECT_EQ(described(),
            "table archived\n"
            "  column id integer not_null primary_key\n"
            "  column note string(20)\n"
            "table codes\n"
            "  column id integer not_null primary_key\n"
            "  column label string(20)\n"
            "  column code string(20)\n"
            "  column doc json\n"
            "  column shout string(20) generated virtual ucase(`label`)\n"
            "  column kept string(20) generated stored trim(`label`)\n"
            "unmanaged collation codes.code: COLLATE latin1_bin\n"
            "unmanaged table option archived: COLLATE=latin1_swedish_ci\n"
            "unmanaged table option archived: ENGINE=MyISAM\n");
}

TEST_F(MariadbLiveIntrospect, SkippedTablesAndWhatIsTheirsAreLeftOut) {
  run("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT ck_v CHECK (version_num <> ''))");
  run("CREATE INDEX ix_version ON retort_version (version_num)");
  run("CREATE TRIGGER trg_version BEFORE INSERT ON retort_version FOR EACH ROW SET NEW.version_num = NEW.version_num");
  run("CREATE TABLE retort_history (id INT AUTO_INCREMENT PRIMARY KEY, json_col JSON)");
  run("CREATE TABLE Retort_Version (id INT PRIMARY KEY)");  // names are exact: not skipped
  run("CREATE TABLE kept (id INT PRIMARY KEY)");
  run("CREATE TRIGGER trg_kept BEFORE INSERT ON kept FOR EACH ROW SET NEW.id = NEW.id");
  EXPECT_EQ(described({"retort_version", "retort_history"}),
            "table Retort_Version\n"
            "  column id integer not_null primary_key\n"
            "table kept\n"
            "  column id integer not_null primary_key\n"
            "unmanaged trigger trg_kept\n");
}

TEST_F(MariadbLiveIntrospect, AnEmptyDatabaseDescribesNothing) {
  EXPECT_EQ(described(), "");
  // An empty schema is the connection's database.
  run("CREATE TABLE only_here (id INT PRIMARY KEY)");
  auto [o, text] = introspect("", {}, db_);
  ASSERT_TRUE(o.ok()) << o;
  EXPECT_EQ(text, "table only_here\n  column id integer not_null primary_key\n");
}

TEST_F(MariadbLiveIntrospect, AMissingDatabaseIsOneLineNamingIt) {
  auto [o, text] = introspect(db_ + "_missing");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.err.kind, RETORT_ERROR_DATABASE);
  EXPECT_EQ(std::string(o.err.message),
            "introspect: database `" + db_ + "_missing` does not exist or this user cannot see it");
  EXPECT_EQ(text, "");
}

// The key's own order (KEY_COLUMN_USAGE's ORDINAL_POSITION), which need not
// be the table's; a foreign key to it must name the columns in that order.
TEST_F(MariadbLiveIntrospect, ACompositeKeyReadsInItsOwnOrderNotTheTables) {
  run("CREATE TABLE parts (id INT NOT NULL, note TEXT, code VARCHAR(8) NOT NULL, PRIMARY KEY (code, id))");
  run("CREATE TABLE refs (part_code VARCHAR(8), part_id INT, "
      "CONSTRAINT fk_refs_part FOREIGN KEY (part_code, part_id) REFERENCES parts (code, id))");
  EXPECT_EQ(described(),
            "table parts\n"
            "  column id integer not_null primary_key 2\n"
            "  column note text\n"
            "  column code string(8) not_null primary_key 1\n"
            "table refs\n"
            "  column part_code string(8)\n"
            "  column part_id integer\n"
            "  foreign_key fk_refs_part (part_code, part_id) -> parts (code, id)\n");
}

TEST_F(MariadbLiveIntrospect, TheIndexOfADroppedForeignKeyIsAnIndex) {
  run("CREATE TABLE parent (id INT PRIMARY KEY)");
  run("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, other_id INT, "
      "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id), "
      "FOREIGN KEY (other_id) REFERENCES parent (id) ON DELETE SET NULL)");
  const std::string tables =
      "table parent\n"
      "  column id integer not_null primary_key\n";
  EXPECT_EQ(described(),
            "table child\n"
            "  column id integer not_null primary_key\n"
            "  column parent_id integer\n"
            "  column other_id integer\n"
            "  foreign_key child_ibfk_1 (other_id) -> parent (id) on_delete SET NULL\n"
            "  foreign_key fk_child_parent (parent_id) -> parent (id)\n" +
                tables);

  run("ALTER TABLE child DROP FOREIGN KEY fk_child_parent, DROP FOREIGN KEY child_ibfk_1");
  EXPECT_EQ(described(),
            "index fk_child_parent on child (parent_id)\n"
            "index other_id on child (other_id)\n"
            "table child\n"
            "  column id integer not_null primary_key\n"
            "  column parent_id integer\n"
            "  column other_id integer\n" +
                tables);
}

TEST_F(MariadbLiveIntrospect, IndexEntriesKeepPrefixesAndDescendingOrder) {
  run("CREATE TABLE t (id INT PRIMARY KEY, a INT, `b c` TEXT, d VARCHAR(10), "
      "UNIQUE KEY ux_a_desc (a DESC), KEY ix_prefix (`b c`(10), a DESC), UNIQUE KEY ux_d (d, a))");
  EXPECT_EQ(described(),
            "index ix_prefix on t (`b c`(10), a DESC)\n"
            "index ux_a_desc on t (a DESC) unique\n"
            "table t\n"
            "  column id integer not_null primary_key\n"
            "  column a integer\n"
            "  column b c text\n"
            "  column d string(10)\n"
            "  unique ux_d (d, a)\n");
}

// What the description says, rendered by the same plugin into another
// database, reads back the same. Views are left out: MariaDB qualifies
// every name in a view's SELECT with its database, so a copy's view would
// still read the original's tables. Generated columns too: no renderer
// writes them yet.
TEST_F(MariadbLiveIntrospect, ADescriptionRendersBackIntoTheSameSchema) {
  run("CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(64) NOT NULL, "
      "flag BOOLEAN NOT NULL DEFAULT TRUE, total DECIMAL(10,2) DEFAULT 0, amount DECIMAL, doc JSON, "
      "note VARCHAR(20) DEFAULT 'it''s', body TEXT, ref CHAR(36), "
      "touched DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), "
      "seen DATETIME ON UPDATE CURRENT_TIMESTAMP, "
      "CONSTRAINT uq_code UNIQUE (code), CONSTRAINT ck_total CHECK (total >= 0))");
  run("CREATE INDEX ix_body ON parent (body(10), code DESC)");
  run("CREATE UNIQUE INDEX ux_flag_desc ON parent (flag DESC, id)");
  run("CREATE TABLE child (shop INT NOT NULL, id BIGINT NOT NULL, parent_id INT, other_id INT, left_id INT, "
      "PRIMARY KEY (shop, id), "
      "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL, "
      "CONSTRAINT fk_child_other FOREIGN KEY (other_id) REFERENCES parent (id) ON DELETE RESTRICT ON UPDATE NO ACTION, "
      "CONSTRAINT fk_child_left FOREIGN KEY (left_id) REFERENCES parent (id))");
  run("ALTER TABLE child DROP FOREIGN KEY fk_child_left");
  run("CREATE INDEX ix_child_other ON child (other_id, shop)");
  const std::string original = described();

  struct replay {
    const retort_dialect_v1* dialect;
    std::vector<std::string> statements;
    static int object(void* self, const retort_op* o, retort_error* err) {
      auto* r = static_cast<replay*>(self);
      retort_statement_sink sink{&r->statements, [](void* c, const char* d, size_t n) {
                                   static_cast<std::vector<std::string>*>(c)->emplace_back(d, n);
                                 }};
      return r->dialect->render(o, &sink, err);
    }
  } rendered{&plugin_.dialect(), {}};
  retort_schema_sink sink{sizeof(retort_schema_sink), &rendered, &replay::object,
                          [](void*, retort_str kind, retort_str name) {
                            ADD_FAILURE() << "unmanaged " << std::string(kind.data, kind.size) << " "
                                          << std::string(name.data, name.size);
                          }};
  outcome o = introspect_to(&sink, db_);
  ASSERT_TRUE(o.ok()) << o;

  const std::string copy = db_ + "_copy";
  ASSERT_TRUE(s_->execute("CREATE DATABASE `" + copy + "`").ok());
  auto target = open_in(copy);
  ASSERT_TRUE(target);
  ASSERT_TRUE(target->execute("SET foreign_key_checks = 0").ok());  // the tables come in name order
  for (const std::string& sql : rendered.statements) {
    outcome r = target->execute(sql);
    ASSERT_TRUE(r.ok()) << r << "\n" << sql;
  }
  auto [again, text] = introspect(copy);
  ASSERT_TRUE(again.ok()) << again;
  EXPECT_EQ(text, original);
  EXPECT_NE(original.find("  column seen datetime(0) default NULL ON UPDATE current_timestamp()\n"), std::string::npos)
      << original;
  EXPECT_NE(original.find("  foreign_key fk_child_other (other_id) -> parent (id) on_update NO ACTION\n"),
            std::string::npos)
      << original;
}
