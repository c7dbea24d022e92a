// Files written for goose: {version}_{title}.sql with `-- +goose Up` and
// `-- +goose Down` sections, StatementBegin ... StatementEnd blocks sent
// whole, NO TRANSACTION honoured, and every malformed file named in one line.
#include "layout_folder.hpp"

using sqldir::FolderProvider;

namespace {

const std::string users =
    "-- +goose Up\n"
    "CREATE TABLE users (id INT);\n"
    "\n"
    "-- +goose Down\n"
    "DROP TABLE users;\n";

// A function whose body holds semicolons, between two plain statements.
const std::string function_file =
    "-- +goose Up\n"
    "CREATE TABLE audit (id INT);\n"
    "-- +goose StatementBegin\n"
    "CREATE FUNCTION touch() RETURNS trigger AS $$\n"
    "BEGIN\n"
    "  NEW.at := now();\n"
    "  RETURN NEW;\n"
    "END;\n"
    "$$ LANGUAGE plpgsql;\n"
    "-- +goose StatementEnd\n"
    "CREATE INDEX ix_audit ON audit (id);\n"
    "\n"
    "-- +goose Down\n"
    "-- +goose StatementBegin\n"
    "DROP FUNCTION touch();\n"
    "-- +goose StatementEnd\n"
    "DROP TABLE audit;\n";

}  // namespace

TEST(SqldirGooseFile, FilesChainInNumericVersionOrderWithTheirTitles) {
  TempFolder dir;
  dir.write("00010_add_tags.sql", users);
  dir.write("00002_add_posts.sql", users);
  dir.write("00001_create_users.sql", users);
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"00001 <-: create users", "00002 <- 00001: add posts",
                                                   "00010 <- 00002: add tags"}));
}

TEST(SqldirGooseFile, TimestampVersionsAreIdsAsWritten) {
  TempFolder dir;
  dir.write("20240101000000_create_users.sql", users);
  dir.write("20240102093000_add_posts.sql", users);
  FolderProvider p(dir.path());
  EXPECT_EQ(chain_of(p), (std::vector<std::string>{"20240101000000 <-: create users",
                                                   "20240102093000 <- 20240101000000: add posts"}));
}

TEST(SqldirGooseFile, UpAndDownSectionsAreTheScripts) {
  TempFolder dir;
  dir.write("00001_create_users.sql", "-- a comment above is fine\n\n" + users);
  FolderProvider p(dir.path());
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE), std::vector<std::string>{"CREATE TABLE users (id INT);"});
  EXPECT_EQ(sent_by(p, 0, RETORT_DOWNGRADE), std::vector<std::string>{"DROP TABLE users;"});
  EXPECT_EQ(retort::view(p.revision_at(0)->origin), dir.path() + "/00001_create_users.sql");
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

TEST(SqldirGooseFile, AFileWithoutADownSectionHasNoDowngrade) {
  TempFolder dir;
  dir.write("00001_x.sql", "-- +goose Up\nSELECT 1;\n");
  FolderProvider p(dir.path());
  EXPECT_TRUE(sent_by(p, 0, RETORT_DOWNGRADE).empty());
}

TEST(SqldirGooseFile, AnnotationsAreReadInAnyLetterCaseWithCrlfAndABom) {
  TempFolder dir;
  dir.write("00001_x.sql", "\xEF\xBB\xBF-- +goose up\r\nSELECT 1;\r\n--+goose DOWN\r\nSELECT 0;\r\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE), std::vector<std::string>{"SELECT 1;"});
  EXPECT_EQ(sent_by(p, 0, RETORT_DOWNGRADE), std::vector<std::string>{"SELECT 0;"});
}

TEST(SqldirGooseFile, EachStatementBlockIsSentWholeAsAnOperationOfItsOwn) {
  TempFolder dir;
  dir.write("00001_touch.sql", function_file);
  FolderProvider p(dir.path());
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE),
            (std::vector<std::string>{"CREATE TABLE audit (id INT);",
                                      "CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.at := now();\n"
                                      "  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;",
                                      "CREATE INDEX ix_audit ON audit (id);"}));
  EXPECT_EQ(sent_by(p, 0, RETORT_DOWNGRADE), (std::vector<std::string>{"DROP FUNCTION touch();", "DROP TABLE audit;"}));
}

TEST(SqldirGooseFile, ReadingTheSameFileAgainSendsTheSameOperations) {
  TempFolder dir;
  dir.write("00001_touch.sql", function_file);
  FolderProvider first(dir.path());
  FolderProvider second(dir.path());
  EXPECT_EQ(sent_by(first, 0, RETORT_UPGRADE), sent_by(second, 0, RETORT_UPGRADE));
}

TEST(SqldirGooseFile, NoTransactionMakesTheRevisionNonTransactional) {
  TempFolder dir;
  dir.write("00001_x.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY ix ON t (id);\n");
  dir.write("00002_y.sql", "-- +goose Up\n-- +goose no transaction\nVACUUM;\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 0);
  EXPECT_EQ(p.revision_at(1)->transactional, 0);
  EXPECT_EQ(sent_by(p, 0, RETORT_UPGRADE), std::vector<std::string>{"CREATE INDEX CONCURRENTLY ix ON t (id);"});
}

// goose runs such a file in a transaction, and it fails there; the layout
// has its own say, so retort does not guess as it does for Flyway.
TEST(SqldirGooseFile, WithoutNoTransactionTheRevisionIsTransactional) {
  TempFolder dir;
  dir.write("00001_x.sql", "-- +goose Up\nCREATE INDEX CONCURRENTLY ix ON t (id);\n");
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_at(0)->transactional, 1);
}

struct MalformedGoose {
  std::string content;
  std::string error;  // after "PATH"
};

class SqldirGooseMalformed : public ::testing::TestWithParam<MalformedGoose> {};

TEST_P(SqldirGooseMalformed, IsRefusedInOneLineNamingTheFile) {
  TempFolder dir;
  dir.write("00001_x.sql", GetParam().content);
  EXPECT_EQ(error_opening(dir), dir.path() + "/00001_x.sql" + GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Files, SqldirGooseMalformed,
    ::testing::Values(
        MalformedGoose{"-- +goose Down\nSELECT 0;\n", ":1: '-- +goose Down' before '-- +goose Up'"},
        MalformedGoose{"-- +goose NO TRANSACTION\n",
                       ": no '-- +goose Up' line (a goose migration starts its "
                       "upgrade with it)"},
        MalformedGoose{"SELECT 1;\n-- +goose Up\n", ":1: SQL before '-- +goose Up'"},
        MalformedGoose{"-- +goose Up\n-- +goose Up\n", ":2: second '-- +goose Up' (first at line 1)"},
        MalformedGoose{"-- +goose Up\n-- +goose Down\n-- +goose Down\n",
                       ":3: second '-- +goose Down' (first at line 2)"},
        MalformedGoose{"-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n",
                       ":2: '-- +goose StatementBegin' without a '-- +goose StatementEnd'"},
        MalformedGoose{"-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n",
                       ":3: '-- +goose StatementEnd' without a '-- +goose StatementBegin'"},
        MalformedGoose{"-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementBegin\n",
                       ":3: '-- +goose StatementBegin' inside the block begun at line 2 (blocks do not nest)"},
        MalformedGoose{"-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n",
                       ":4: '-- +goose Down' inside the block begun at line 2"},
        MalformedGoose{"-- +goose StatementBegin\n", ":1: '-- +goose StatementBegin' before '-- +goose Up'"},
        MalformedGoose{"-- +goose Up\n-- +goose Sideways\n",
                       ":2: unknown goose annotation 'Sideways' (expected Up, Down, StatementBegin, StatementEnd, "
                       "NO TRANSACTION)"},
        MalformedGoose{"-- +goose ENVSUB ON\n-- +goose Up\nSELECT '${X}';\n",
                       ":1: '-- +goose ENVSUB ON' is not supported: retort sends a script as written, without "
                       "replacing ${VARIABLES}"},
        MalformedGoose{std::string("-- +goose Up\nSELECT '\0';\n", 24), ":2: NUL byte (not a text file?)"}));

TEST(SqldirGooseFile, AGooseFileNamedOtherwiseIsNamed) {
  TempFolder dir;
  dir.write("create_users.sql", users);
  EXPECT_EQ(error_opening(dir), dir.path() +
                                    "/create_users.sql: a goose migration (it has '-- +goose' lines) must "
                                    "be named {version}_{title}.sql");
}

TEST(SqldirGooseFile, TwoFilesOfOneVersionAreDuplicates) {
  TempFolder dir;
  dir.write("1_a.sql", users);
  dir.write("001_b.sql", users);
  EXPECT_EQ(error_opening(dir),
            "duplicate goose version 1: " + dir.path() + "/001_b.sql and " + dir.path() + "/1_a.sql");
}

TEST(SqldirGooseFile, AnIndentedOrOtherwiseWordedCommentIsNoAnnotation) {
  TempFolder dir;
  // Neither line is goose's, so the file is judged by its name, and refused.
  dir.write("00001_x.sql", "  -- +goose Up\n-- +gooseberry\nSELECT 1;\n");
  EXPECT_NE(error_opening(dir).find("00001_x.sql: no '-- retort:revision' header, no goose or dbmate section"),
            std::string::npos);
}
