// The host's wrappers over a dialect's table: what they return, and how
// every failure a plugin reports, or commits, becomes a host error.
#include <retort/abi.h>
#include <gtest/gtest.h>

#include "host/abi/database_error.hpp"
#include "host/abi/dialect.hpp"
#include "test_support.hpp"

namespace plugin_tests {
namespace {

using host::DatabaseError;
using host::Dialect;
using host::ExitCode;

Dialect load_dialect(const char* name) { return Dialect(host::load_plugin(fixture(name))); }

retort_op op_of(int kind, std::string_view table) {
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = kind;
  op.table = {table.data(), table.size()};
  return op;
}

template <class Body>
DatabaseError database_error(Body&& body) {
  try {
    body();
  } catch (const DatabaseError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a DatabaseError";
  return DatabaseError(ExitCode::ok, "", "", "", 0, -1);
}

TEST(PluginErrorKinds, MapToExitCodesAndUnknownKindsArePluginErrors) {
  EXPECT_EQ(host::exit_code_for_error_kind(RETORT_ERROR_DATABASE), ExitCode::database);
  EXPECT_EQ(host::exit_code_for_error_kind(RETORT_ERROR_USAGE), ExitCode::usage);
  EXPECT_EQ(host::exit_code_for_error_kind(RETORT_ERROR_PLUGIN), ExitCode::plugin);
  EXPECT_EQ(host::exit_code_for_error_kind(RETORT_ERROR_REVISION), ExitCode::graph);
  EXPECT_EQ(host::exit_code_for_error_kind(RETORT_ERROR_LOCK_TIMEOUT), ExitCode::lock);
  EXPECT_EQ(host::exit_code_for_error_kind(0), ExitCode::plugin);
  EXPECT_EQ(host::exit_code_for_error_kind(6), ExitCode::plugin);
  EXPECT_EQ(host::exit_code_for_error_kind(-1), ExitCode::plugin);
}

TEST(DialectWrapper, ExposesWhatTheDescriptorAndTableSay) {
  const Dialect d = load_dialect("fake_dialect");
  EXPECT_EQ(d.name(), "fake");
  EXPECT_EQ(d.version(), "0.3.0");
  EXPECT_EQ(d.path(), fixture("fake_dialect"));
  EXPECT_EQ(d.schemes(), (std::vector<std::string>{"fake", "fakedb"}));
  EXPECT_TRUE(d.transactional_ddl());
  EXPECT_EQ(d.begin_sql(), "BEGIN TRANSACTION");
  EXPECT_EQ(d.commit_sql(), "COMMIT");
}

TEST(DialectWrapper, RendersSplitsAndQuotes) {
  const Dialect d = load_dialect("fake_dialect");
  EXPECT_EQ(d.render(op_of(RETORT_OP_CREATE_TABLE, "widgets")), std::vector<std::string>{"CREATE TABLE widgets"});
  retort_op rename = op_of(RETORT_OP_RENAME_TABLE, "a");
  rename.new_name = {"b", 1};
  EXPECT_EQ(d.render(rename), (std::vector<std::string>{"ALTER TABLE a RENAME TO b", "-- renamed"}));
  EXPECT_EQ(d.split("one; two;three;"), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(d.quote_identifier("users"), "\"users\"");
  EXPECT_EQ(d.quote_literal("it"), "'it'");
}

TEST(DialectWrapper, OperationItCannotRenderIsAUsageError) {
  const Dialect d = load_dialect("fake_dialect");
  const DatabaseError e = database_error([&] { d.render(op_of(RETORT_OP_DROP_INDEX, "t")); });
  EXPECT_EQ(e.code(), ExitCode::usage);
  EXPECT_STREQ(e.what(), "fake: fake cannot render operation 9");
  EXPECT_EQ(e.plugin_message(), "fake cannot render operation 9");
}

TEST(ConnectionWrapper, ExecutesQueriesAndAnswers) {
  const Dialect d = load_dialect("fake_dialect");
  auto c = d.connect("fake://somewhere", {{"url.database", "db"}});
  EXPECT_EQ(c->dialect(), "fake");
  c->begin();
  c->execute("CREATE TABLE t (x INT)");
  c->commit();
  c->rollback();
  c->lock("retort", 5);
  c->unlock("retort");
  using Row = host::Connection::Row;
  EXPECT_EQ(c->query("executed"),
            (std::vector<Row>{{"BEGIN"}, {"CREATE TABLE t (x INT)"}, {"COMMIT"}, {"ROLLBACK"}}));
  EXPECT_EQ(c->query("anything"),
            (std::vector<Row>{{"1", std::nullopt, "x"}, {"2", "two", std::nullopt}}));
  EXPECT_TRUE(c->table_exists("", "present"));
  EXPECT_FALSE(c->table_exists("public", "absent"));
}

TEST(ConnectionWrapper, DatabaseFailureKeepsEveryDetail) {
  const Dialect d = load_dialect("fake_dialect");
  auto c = d.connect("fake://", {});
  const DatabaseError e = database_error([&] { c->execute("fail"); });
  EXPECT_EQ(e.code(), ExitCode::database);
  EXPECT_STREQ(e.what(), "fake: no such table: missing");
  EXPECT_EQ(e.plugin_message(), "no such table: missing");
  EXPECT_EQ(e.sqlstate(), "42P01");
  EXPECT_EQ(e.native_code(), 7);
  EXPECT_EQ(e.statement_index(), 2);
}

TEST(ConnectionWrapper, EveryReportedKindBecomesItsExitCode) {
  const Dialect d = load_dialect("fake_dialect");
  auto c = d.connect("fake://", {});
  const std::pair<int, ExitCode> kinds[] = {{1, ExitCode::database}, {2, ExitCode::usage},
                                            {3, ExitCode::plugin},   {4, ExitCode::graph},
                                            {5, ExitCode::lock},     {99, ExitCode::plugin}};
  for (const auto& [kind, code] : kinds) {
    const DatabaseError e = database_error([&] { c->execute("kind:" + std::to_string(kind)); });
    EXPECT_EQ(e.code(), code) << kind;
    EXPECT_EQ(e.plugin_message(), "failure of kind " + std::to_string(kind));
  }
  EXPECT_EQ(database_error([&] { c->lock("busy", 1); }).code(), ExitCode::lock);
}

TEST(ConnectionWrapper, PluginExceptionIsReportedNotPropagated) {
  const Dialect d = load_dialect("fake_dialect");
  auto c = d.connect("fake://", {});
  const DatabaseError e = database_error([&] { c->execute("throw"); });
  EXPECT_EQ(e.code(), ExitCode::plugin);
  EXPECT_STREQ(e.what(), "fake: plugin exception: boom");
  EXPECT_EQ(e.statement_index(), -1);
}

TEST(ConnectionWrapper, PasswordEchoedByAFailedConnectIsMasked) {
  const Dialect d = load_dialect("fake_dialect");
  const DatabaseError e = database_error(
      [&] { d.connect("fake://me:hunter2@nowhere/refuse", {{"url.password", "hunter2"}, {"url.database", "refuse"}}); });
  EXPECT_EQ(e.code(), ExitCode::database);
  EXPECT_STREQ(e.what(), "fake: cannot connect as fake:***@nowhere");
  EXPECT_EQ(e.plugin_message(), "cannot connect as fake:***@nowhere");
}

TEST(ConnectionWrapper, DestructorDisconnects) {
  const Dialect d = load_dialect("fake_dialect");
  auto first = d.connect("fake://", {});
  {
    auto second = d.connect("fake://", {});
    EXPECT_EQ(first->query("connections"), std::vector<host::Connection::Row>{{"2"}});
  }
  EXPECT_EQ(first->query("connections"), std::vector<host::Connection::Row>{{"1"}});
}

TEST(ThrowingDialectPlugin, EveryExceptionStopsAtTheBoundary) {
  const Dialect d = load_dialect("throwing_dialect");
  const DatabaseError connect = database_error([&] { d.connect("throwing://", {}); });
  EXPECT_EQ(connect.code(), ExitCode::plugin);
  EXPECT_STREQ(connect.what(), "throwing: plugin exception: connect exploded");
  EXPECT_STREQ(database_error([&] { d.render(op_of(RETORT_OP_DROP_TABLE, "t")); }).what(),
               "throwing: plugin threw an unknown exception");
  EXPECT_STREQ(database_error([&] { d.split("x"); }).what(), "throwing: plugin exception: std::bad_alloc");
  const Caught quote = catch_error([&] { d.quote_identifier("x"); });
  EXPECT_EQ(quote.code, ExitCode::plugin);
  EXPECT_EQ(quote.message, "throwing: quote_identifier gave nothing for 'x'");
  EXPECT_EQ(catch_error([&] { d.quote_literal("x"); }).message, "throwing: quote_literal gave nothing");
}

TEST(GarbageDialectPlugin, NullStaticStringsReadAsDefaults) {
  const Dialect d = load_dialect("garbage_dialect");
  EXPECT_TRUE(d.schemes().empty());
  EXPECT_FALSE(d.transactional_ddl());
  EXPECT_EQ(d.begin_sql(), "BEGIN");
  EXPECT_EQ(d.commit_sql(), "COMMIT");
}

TEST(GarbageDialectPlugin, ConnectWithoutAConnectionIsAPluginError) {
  const Dialect d = load_dialect("garbage_dialect");
  const Caught e = catch_error([&] { d.connect("garbage://", {{"url.database", "null"}}); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "garbage: connect succeeded but returned no connection");
}

TEST(GarbageDialectPlugin, UnterminatedStringsAreCutNotOverread) {
  const Dialect d = load_dialect("garbage_dialect");
  auto c = d.connect("garbage://", {});
  const DatabaseError e = database_error([&] { c->execute("x"); });
  EXPECT_EQ(e.code(), ExitCode::plugin);  // kind 99
  EXPECT_EQ(e.plugin_message(), std::string(1023, 'x'));
  EXPECT_EQ(e.sqlstate(), "ABCDEFG");
  EXPECT_EQ(e.native_code(), 1234);
}

TEST(GarbageDialectPlugin, SilentFailuresAndOddReturnCodesAreStillFailures) {
  const Dialect d = load_dialect("garbage_dialect");
  auto c = d.connect("garbage://", {});
  const DatabaseError begin = database_error([&] { c->begin(); });
  EXPECT_EQ(begin.code(), ExitCode::plugin);
  EXPECT_STREQ(begin.what(), "garbage: begin failed and the plugin gave no reason");
  EXPECT_STREQ(database_error([&] { c->commit(); }).what(),
               "garbage: commit failed and the plugin gave no reason");
  EXPECT_TRUE(c->table_exists("", "t"));  // any non-zero answer is yes
}

TEST(GarbageDialectPlugin, MessagesAreKeptToOneLine) {
  const Dialect d = load_dialect("garbage_dialect");
  auto c = d.connect("garbage://", {});
  const DatabaseError e = database_error([&] { c->lock("k", 1); });
  EXPECT_EQ(e.code(), ExitCode::lock);
  EXPECT_STREQ(e.what(), "garbage: line one line two");
}

TEST(GarbageDialectPlugin, NullDataHandedToHostSinksIsAPluginError) {
  const Dialect d = load_dialect("garbage_dialect");
  auto c = d.connect("garbage://", {});
  const Caught rows = catch_error([&] { c->query("select"); });
  EXPECT_EQ(rows.code, ExitCode::plugin);
  EXPECT_EQ(rows.message, "garbage: passed the host a null row of 3 values");
  EXPECT_EQ(catch_error([&] { d.render(op_of(RETORT_OP_DROP_TABLE, "t")); }).message,
            "garbage: passed the host a null string of 3 bytes");
  EXPECT_EQ(catch_error([&] { d.quote_literal("x"); }).message,
            "garbage: passed the host a null string of 4 bytes");
  EXPECT_EQ(catch_error([&] { d.quote_identifier("x"); }).message,
            "garbage: quote_identifier gave nothing for 'x'");
  EXPECT_TRUE(d.split("anything").empty());
}

TEST(DialectWrapper, ProviderPluginIsNotADialect) {
  const Caught e = catch_error([] { Dialect d(host::load_plugin(fixture("fixture_revisions"))); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "plugin " + fixture("fixture_revisions").string() + " is a revision provider, not a dialect");
}

}  // namespace
}  // namespace plugin_tests
