// The SQLite dialect reads its live schema (ABI 1.2 introspect): golden
// descriptions of fixed schemas, and every generic type reading back as
// itself. Against real in-memory databases, through the dialect library.
#include <gtest/gtest.h>

#include <schema_capture.hpp>

#include "sqlite/connection.hpp"
#include "sqlite/types.hpp"

namespace {

using retort::sqlite::sqlite_connection;

std::string described(sqlite_connection& db, const std::vector<std::string>& skip = {}) {
  test_support::schema_capture capture;
  retort::schema_out out(capture.sink());
  db.introspect("", skip, out);
  return capture.text();
}

TEST(SqliteIntrospect, AnEmptyDatabaseDescribesNothing) {
  auto db = sqlite_connection::open(":memory:");
  EXPECT_EQ(described(*db), "");
}

TEST(SqliteIntrospect, TablesKeysConstraintsIndexesViewsAndTriggers) {
  auto db = sqlite_connection::open(":memory:");
  db->execute(R"sql(
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email VARCHAR(255) NOT NULL,
      note TEXT DEFAULT 'none',
      CONSTRAINT uq_customers_email UNIQUE (email)
    );
    CREATE TABLE orders (
      shop_id INTEGER NOT NULL,
      number BIGINT NOT NULL,
      customer_id INTEGER REFERENCES customers (id),
      parent_number BIGINT,
      total NUMERIC(10,2) NOT NULL DEFAULT 0,
      "placed at" DATETIME,
      doubled NUMERIC(10,2) GENERATED ALWAYS AS (total * 2) STORED,
      PRIMARY KEY (shop_id, number),
      CONSTRAINT fk_orders_parent FOREIGN KEY (shop_id, parent_number) REFERENCES orders (shop_id, number)
        ON DELETE CASCADE ON UPDATE SET NULL,
      CONSTRAINT ck_orders_total CHECK (total >= 0)
    );
    CREATE INDEX ix_orders_placed ON orders ("placed at");
    CREATE UNIQUE INDEX ix_orders_lower ON orders (lower(shop_id || '-' || number)) WHERE total > 100;
    CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000;
    CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN SELECT 1; END;
    CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL);
    CREATE INDEX ix_retort ON retort_version (version_num);
  )sql");
  EXPECT_EQ(described(*db, {"RETORT_VERSION"}),
            "index ix_orders_lower on orders (lower(shop_id || '-' || number)) unique where total > 100\n"
            "index ix_orders_placed on orders (placed at)\n"
            "table customers\n"
            "  column id integer not_null primary_key autoincrement\n"
            "  column email string(255) not_null\n"
            "  column note text default 'none'\n"
            "  unique uq_customers_email (email)\n"
            "table orders\n"
            "  column shop_id integer not_null primary_key 1\n"
            "  column number bigint not_null primary_key 2\n"
            "  column customer_id integer\n"
            "  column parent_number bigint\n"
            "  column total numeric(10,2) not_null default 0\n"
            "  column placed at datetime\n"
            "  column doubled numeric(10,2) generated stored total * 2\n"
            "  check ck_orders_total (total >= 0)\n"
            "  foreign_key  (customer_id) -> customers (id)\n"
            "  foreign_key fk_orders_parent (shop_id, parent_number) -> orders (shop_id, number) on_delete CASCADE "
            "on_update SET NULL\n"
            "unmanaged trigger orders.orders_audit\n"
            "view big_orders as SELECT * FROM orders WHERE total > 1000\n");
}

// What the description holds of them (VIRTUAL or STORED, an index entry's
// collation and order), and what it names without reading (a column's
// collation, WITHOUT ROWID, STRICT), so that no comparison skips them unsaid.
TEST(SqliteIntrospect, StorageCollationsAndTableOptionsAreReadOrNamed) {
  auto db = sqlite_connection::open(":memory:");
  db->execute(R"sql(
    CREATE TABLE codes (
      code TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
      label TEXT COLLATE BINARY,
      shout TEXT GENERATED ALWAYS AS (upper(label)) VIRTUAL,
      whisper TEXT AS (lower(label)),
      kept TEXT GENERATED ALWAYS AS (trim(label)) STORED
    ) WITHOUT ROWID;
    CREATE TABLE strict_rows (id INTEGER PRIMARY KEY, n INTEGER) STRICT;
    CREATE INDEX ix_codes_label ON codes (label COLLATE NOCASE DESC, code);
  )sql");
  EXPECT_EQ(described(*db),
            // An index entry has its column's collation unless it names another.
            "index ix_codes_label on codes (\"label\" COLLATE NOCASE DESC, \"code\" COLLATE NOCASE)\n"
            "table codes\n"
            "  column code text not_null primary_key\n"
            "  column label text\n"
            "  column shout text generated virtual upper(label)\n"
            "  column whisper text generated virtual lower(label)\n"
            "  column kept text generated stored trim(label)\n"
            "table strict_rows\n"
            "  column id integer not_null primary_key\n"
            "  column n integer\n"
            "unmanaged collation codes.code: COLLATE NOCASE\n"
            "unmanaged table option codes: WITHOUT ROWID\n"
            "unmanaged table option strict_rows: STRICT\n");
}

// The key's own order, which need not be the table's: PRIMARY KEY (code, id)
// is (code, id), each column saying its place.
TEST(SqliteIntrospect, ACompositeKeyReadsInItsOwnOrderNotTheTables) {
  auto db = sqlite_connection::open(":memory:");
  db->execute("CREATE TABLE parts (id INTEGER NOT NULL, note TEXT, code VARCHAR(8) NOT NULL, PRIMARY KEY (code, id))");
  EXPECT_EQ(described(*db),
            "table parts\n"
            "  column id integer not_null primary_key 2\n"
            "  column note text\n"
            "  column code string(8) not_null primary_key 1\n");
}

TEST(SqliteIntrospect, EveryGenericTypeReadsBackAsItself) {
  const std::vector<std::string> types = {"integer",  "bigint", "smallint",     "boolean", "string(40)",
                                          "text",     "numeric(12,3)", "float", "double",  "date",
                                          "datetime", "timestamp_tz",  "uuid",  "binary"};
  auto db = sqlite_connection::open(":memory:");
  std::string create = "CREATE TABLE t (";
  std::string expected = "table t\n";
  for (std::size_t i = 0; i < types.size(); ++i) {
    create += (i ? ", " : "") + std::string("c") + std::to_string(i) + " " + retort::sqlite::sqlite_type(types[i]);
    expected += "  column c" + std::to_string(i) + " " + types[i] + "\n";
  }
  db->execute(create + ")");
  EXPECT_EQ(described(*db), expected);
}

TEST(SqliteIntrospect, UnnamedChecksAndUniquesAreDescribedWithoutAName) {
  auto db = sqlite_connection::open(":memory:");
  db->execute("CREATE TABLE t (a INTEGER CHECK (a > 0), b TEXT UNIQUE, c INTEGER, CHECK (c <> a))");
  EXPECT_EQ(described(*db),
            "table t\n"
            "  column a integer\n"
            "  column b text\n"
            "  column c integer\n"
            "  check  (a > 0)\n"
            "  check  (c <> a)\n"
            "  unique  (b)\n");
}

}  // namespace
