// retort_ddl_after_write=forbid without a server: which statements write or
// change the schema, how the URL parameter is read, and that libpq never
// sees it.
#include "postgresql/conninfo.hpp"
#include "postgresql/ddl_after_write.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using retort::postgresql::build_conninfo;
using retort::postgresql::classify_statement;
using retort::postgresql::ddl_after_write_guard;
using retort::postgresql::ddl_after_write_rule;
using retort::postgresql::read_ddl_after_write_rule;
using retort::postgresql::statement_kind;

TEST(PostgresqlDdlAfterWrite, EachWriteKeywordIsAWrite) {
  for (const char* sql : {"INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t", "MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING",
                          "COPY t FROM STDIN"})
    EXPECT_EQ(classify_statement(sql), statement_kind::write) << sql;
}

TEST(PostgresqlDdlAfterWrite, EachSchemaKeywordIsDdl) {
  for (const char* sql : {"CREATE TABLE t (id int)", "ALTER TABLE t ADD COLUMN b int", "DROP TABLE t", "TRUNCATE t",
                          "COMMENT ON TABLE t IS 'x'", "RENAME TABLE t TO u"})
    EXPECT_EQ(classify_statement(sql), statement_kind::ddl) << sql;
}

TEST(PostgresqlDdlAfterWrite, EverythingElseIsOther) {
  for (const char* sql : {"SELECT 1", "SET lock_timeout = '1s'", "WITH x AS (INSERT INTO t VALUES (1)) SELECT 1",
                          "", "   ", "-- only a comment", "/* unterminated", "INSERTED", "CREATED_AT", "(SELECT 1)",
                          "\"CREATE\""})
    EXPECT_EQ(classify_statement(sql), statement_kind::other) << sql;
}

TEST(PostgresqlDdlAfterWrite, CaseDoesNotMatter) {
  EXPECT_EQ(classify_statement("insert into t values (1)"), statement_kind::write);
  EXPECT_EQ(classify_statement("Create Table t (id int)"), statement_kind::ddl);
  EXPECT_EQ(classify_statement("dRoP index i"), statement_kind::ddl);
}

TEST(PostgresqlDdlAfterWrite, LeadingWhitespaceAndCommentsAreSkipped) {
  EXPECT_EQ(classify_statement(" \t\r\n\f\vUPDATE t SET a = 1"), statement_kind::write);
  EXPECT_EQ(classify_statement("-- add a table\nCREATE TABLE t (id int)"), statement_kind::ddl);
  EXPECT_EQ(classify_statement("/* why */ DELETE FROM t"), statement_kind::write);
  EXPECT_EQ(classify_statement("/* outer /* nested */ still outer */ALTER TABLE t DROP COLUMN a"),
            statement_kind::ddl);
  EXPECT_EQ(classify_statement("-- one\n  /* two */\n-- three\n\tTRUNCATE t"), statement_kind::ddl);
  // A keyword inside the comment is not the statement's.
  EXPECT_EQ(classify_statement("/* CREATE */ SELECT 1"), statement_kind::other);
  EXPECT_EQ(classify_statement("-- INSERT\nSELECT 1"), statement_kind::other);
}

TEST(PostgresqlDdlAfterWrite, AbsentOrAllowMeansAllow) {
  EXPECT_EQ(read_ddl_after_write_rule({}), ddl_after_write_rule::allow);
  EXPECT_EQ(read_ddl_after_write_rule({{"param.sslmode", "disable"}}), ddl_after_write_rule::allow);
  EXPECT_EQ(read_ddl_after_write_rule({{"param.retort_ddl_after_write", "allow"}}), ddl_after_write_rule::allow);
  EXPECT_EQ(read_ddl_after_write_rule({{"param.retort_ddl_after_write", "forbid"}}), ddl_after_write_rule::forbid);
}

TEST(PostgresqlDdlAfterWrite, AnyOtherValueIsAUsageErrorNamingTheAcceptedValues) {
  for (const char* value : {"", "Forbid", "yes", "deny"}) {
    try {
      read_ddl_after_write_rule({{"param.retort_ddl_after_write", value}});
      ADD_FAILURE() << "accepted '" << value << "'";
    } catch (const retort::failure& f) {
      EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
      EXPECT_EQ(std::string(f.what()), "invalid value '" + std::string(value) +
                                           "' for URL parameter retort_ddl_after_write: expected allow or forbid");
    }
  }
}

TEST(PostgresqlDdlAfterWrite, TheParameterIsNotPassedToLibpq) {
  EXPECT_EQ(build_conninfo({{"url.host", "127.0.0.1"}, {"param.retort_ddl_after_write", "forbid"},
                            {"param.sslmode", "disable"}}),
            "host='127.0.0.1' sslmode='disable' application_name='retort'");
}

TEST(PostgresqlDdlAfterWrite, LibpqsUnknownParameterErrorNamesRetortsOwn) {
  try {
    build_conninfo({{"param.retort_ddl_after_writ", "forbid"}});
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
    EXPECT_NE(std::string(f.what()).find("or retort's own retort_ddl_after_write"), std::string::npos) << f.what();
  }
}

TEST(PostgresqlDdlAfterWrite, ForbidRefusesDdlAfterAWriteUntilTheNextTransaction) {
  ddl_after_write_guard guard(ddl_after_write_rule::forbid);
  guard.began_transaction();
  EXPECT_NO_THROW(guard.check("CREATE TABLE t (id int)"));
  EXPECT_NO_THROW(guard.check("INSERT INTO t VALUES (1)"));
  EXPECT_NO_THROW(guard.check("SELECT 1"));
  try {
    guard.check("\n  CREATE TABLE a_table_with_a_rather_long_name_for_the_message (id integer primary key)");
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_DATABASE);
    EXPECT_EQ(std::string(f.what()),
              "DDL after a write in one transaction (retort_ddl_after_write=forbid, as CockroachDB): "
              "CREATE TABLE a_table_with_a_rather_long_name_for_the_message");
  }
  guard.began_transaction();
  EXPECT_NO_THROW(guard.check("DROP TABLE t"));
}

// A revision's script reaches the connection whole.
TEST(PostgresqlDdlAfterWrite, EachStatementOfAScriptCounts) {
  ddl_after_write_guard guard(ddl_after_write_rule::forbid);
  guard.began_transaction();
  EXPECT_NO_THROW(guard.check("CREATE TABLE t (id int);\n-- then a row\nINSERT INTO t VALUES (1);"));
  guard.began_transaction();
  try {
    guard.check("CREATE TABLE t (id int);\nINSERT INTO t VALUES ('a;b');\n/* more */ ALTER TABLE t ADD b int;");
    ADD_FAILURE() << "accepted";
  } catch (const retort::failure& f) {
    EXPECT_EQ(std::string(f.what()),
              "DDL after a write in one transaction (retort_ddl_after_write=forbid, as CockroachDB): "
              "ALTER TABLE t ADD b int");
  }
  guard.began_transaction();
  guard.check("UPDATE t SET id = 2;");
  EXPECT_THROW(guard.check("SELECT 1; DROP TABLE t"), retort::failure);
}

TEST(PostgresqlDdlAfterWrite, AllowNeverRefuses) {
  ddl_after_write_guard guard(ddl_after_write_rule::allow);
  guard.began_transaction();
  EXPECT_NO_THROW(guard.check("INSERT INTO t VALUES (1)"));
  EXPECT_NO_THROW(guard.check("CREATE TABLE u (id int)"));
}

}  // namespace
