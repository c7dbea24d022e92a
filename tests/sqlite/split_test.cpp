// Splitting scripts into statements, cross-checked with sqlite3_complete().
#include "support.hpp"

#include <sqlite/split.hpp>

#include <sqlite3.h>

#include <random>

using namespace sqlite_test;
using retort::sqlite::split_statements;

namespace {

std::vector<std::string> split(std::string_view script) {
  std::vector<std::string> out;
  for (auto s : split_statements(script)) out.emplace_back(s);
  return out;
}

// SQLite's own judgement: each piece is unfinished alone and complete once a
// ';' is added, so the splitter cut exactly where SQLite would.
void expect_sqlite_agrees(std::string_view script) {
  for (const auto& s : split(script)) {
    EXPECT_EQ(sqlite3_complete(s.c_str()), 0) << "already complete: " << s;
    EXPECT_EQ(sqlite3_complete((s + ";").c_str()), 1) << "incomplete: " << s;
  }
}

using statements = std::vector<std::string>;

}  // namespace

TEST(SqliteSplit, SplitsOnSemicolonsAndTrimsEachStatement) {
  EXPECT_EQ(split("CREATE TABLE a (x);\n  INSERT INTO a VALUES (1) ;\n\nSELECT 1"),
            (statements{"CREATE TABLE a (x)", "INSERT INTO a VALUES (1)", "SELECT 1"}));
}

TEST(SqliteSplit, EmptyAndCommentOnlyPiecesYieldNothing) {
  EXPECT_EQ(split(""), statements{});
  EXPECT_EQ(split(" ;; ;\n"), statements{});
  EXPECT_EQ(split("-- only a comment; really\n/* and ; this */"), statements{});
  EXPECT_EQ(split("SELECT 1;;; -- done\n"), statements{"SELECT 1"});
}

TEST(SqliteSplit, SemicolonsInsideStringsDoNotSplit) {
  const char* script = "INSERT INTO t VALUES ('a;b', 'it''s; fine', X'3B');SELECT ';'";
  EXPECT_EQ(split(script),
            (statements{"INSERT INTO t VALUES ('a;b', 'it''s; fine', X'3B')", "SELECT ';'"}));
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, SemicolonsInsideQuotedIdentifiersDoNotSplit) {
  const char* script =
      "CREATE TABLE \"a;b\" (\"c\"\";d\" INT, `e;f` INT, [g;h] INT);"
      "SELECT `x``;y` FROM [p;q]";
  EXPECT_EQ(split(script), (statements{"CREATE TABLE \"a;b\" (\"c\"\";d\" INT, `e;f` INT, [g;h] INT)",
                                       "SELECT `x``;y` FROM [p;q]"}));
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, CommentsBetweenStatementsAreDroppedAndInsideAreKept) {
  const char* script =
      "-- leading; comment\n"
      "SELECT 1 /* inner; comment */ + 2; -- trailing 'quote\n"
      "/* block\n ; */ SELECT -- why; not\n 3;";
  EXPECT_EQ(split(script),
            (statements{"SELECT 1 /* inner; comment */ + 2", "SELECT -- why; not\n 3"}));
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, TheLastStatementNeverEndsInsideATrailingComment) {
  // A caller appending ";" must not have it swallowed by a -- comment.
  EXPECT_EQ(split("SELECT 1 -- no semicolon after me"), statements{"SELECT 1"});
}

TEST(SqliteSplit, TriggerBodiesStayInOneStatement) {
  const char* script =
      "CREATE TABLE t (a, b);\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
      "  UPDATE t SET b = CASE WHEN new.a > 0 THEN 'pos;' ELSE 'neg' END WHERE rowid = new.rowid;\n"
      "  INSERT INTO log VALUES (new.a); -- body comment; still the trigger\n"
      "END;\n"
      "INSERT INTO t VALUES (1, 2)";
  auto pieces = split(script);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], "CREATE TABLE t (a, b)");
  EXPECT_EQ(pieces[1].rfind("CREATE TRIGGER tr", 0), 0u);
  EXPECT_EQ(pieces[1].substr(pieces[1].size() - 4), "\nEND");
  EXPECT_EQ(pieces[2], "INSERT INTO t VALUES (1, 2)");
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, TempTriggersAndLowerCaseKeywordsAreTriggersToo) {
  const char* script =
      "create temp trigger x before delete on t begin select raise(abort, 'no;'); end;"
      "explain create temporary trigger y after update on t begin delete from u; end;select 2";
  EXPECT_EQ(split(script), (statements{
                               "create temp trigger x before delete on t begin select raise(abort, 'no;'); end",
                               "explain create temporary trigger y after update on t begin delete from u; end",
                               "select 2"}));
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, TheWordTriggerElsewhereIsNotATrigger) {
  const char* script = "CREATE TABLE \"trigger\" (x); SELECT trigger FROM t; CREATE INDEX trigger ON t (x); SELECT 2";
  EXPECT_EQ(split(script).size(), 4u);
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, AnUnterminatedTriggerIsTheRemainderAsOneStatement) {
  EXPECT_EQ(split("SELECT 1; CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2;"),
            (statements{"SELECT 1", "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2;"}));
}

TEST(SqliteSplit, AnUnterminatedBlockCommentRunsToTheEndAsInSqlite) {
  EXPECT_EQ(split("SELECT 1; /* never closed; SELECT 2;"), statements{"SELECT 1"});
  EXPECT_EQ(split("SELECT 1 /* never closed; SELECT 2;"), statements{"SELECT 1"});
}

TEST(SqliteSplit, AnUnterminatedStringIsAUsageErrorNamingWhere) {
  auto f = failure_of([] { split("SELECT 1;\nINSERT INTO t VALUES ('oops);\nSELECT 2;"); });
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_STREQ(f.what(), "unterminated string literal at line 2, column 23: 'oops);");
}

TEST(SqliteSplit, AnUnterminatedQuotedIdentifierIsAUsageError) {
  for (const char* script : {"SELECT \"abc", "SELECT `abc", "SELECT [abc", "SELECT \"a\"\"b"}) {
    auto f = failure_of([&] { split(script); });
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << script;
    EXPECT_EQ(std::string(f.what()).rfind("unterminated quoted identifier at line 1, column 8: ", 0), 0u)
        << f.what();
  }
}

TEST(SqliteSplit, Utf8AndOddCharactersPassThrough) {
  const char* script = "INSERT INTO t VALUES ('héllo; wörld');SELECT \"naïve;\" FROM t";
  EXPECT_EQ(split(script), (statements{"INSERT INTO t VALUES ('héllo; wörld')", "SELECT \"naïve;\" FROM t"}));
  expect_sqlite_agrees(script);
}

TEST(SqliteSplit, AgreesWithSqlite3CompleteOnGeneratedScripts) {
  // Scripts glued from awkward fragments; every finished statement must be
  // exactly what sqlite3_complete() accepts, and re-splitting the joined
  // statements must give them back unchanged.
  const char* fragments[] = {"SELECT", " ", "\n", ";", "'a;b'", "'it''s'", "\"x;\"", "`q`", "[b;]",
                             "-- c;\n", "/* ; */", "CREATE", "TRIGGER", "TEMP", "BEGIN", "END",
                             "CASE", "1", "(", ")", "x", "EXPLAIN", "\xc3\xa9"};
  std::mt19937 random(20240601);
  for (int round = 0; round < 20000; ++round) {
    std::string script;
    for (int n = random() % 30; n > 0; --n) script += fragments[random() % std::size(fragments)];
    std::vector<std::string> pieces;
    try {
      pieces = split(script);
    } catch (const retort::failure&) {
      continue;  // an unterminated quote: covered above
    }
    // An unfinished trigger is the remainder and may stay incomplete.
    if (!pieces.empty() && sqlite3_complete((pieces.back() + ";").c_str()) != 1) pieces.pop_back();
    std::string joined;
    for (const auto& piece : pieces) {
      ASSERT_EQ(sqlite3_complete((piece + ";").c_str()), 1) << "script: " << script << "\npiece: " << piece;
      ASSERT_EQ(sqlite3_complete(piece.c_str()), 0) << "script: " << script << "\npiece: " << piece;
      joined += piece + ";\n";
    }
    ASSERT_EQ(split(joined), pieces) << "script: " << script;
  }
}
