// Where a schema comes from, through the binary on every engine: declarative
// SQL files (`file:PATH`) run by the engine on a scratch database and read
// back, and scratch_url, a database retort uses as is and leaves empty.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

class FileSource : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  void SetUp() override {
    project.use_shop();
    write_file(project.dir() / "schema/01_customers.sql",
               "-- customers first: orders point at them\n"
               "CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
               "CREATE INDEX ix_customers_name ON customers (name);\n");
    write_file(project.dir() / "schema/sales/02_orders.sql",
               "CREATE TABLE orders (\n"
               "  id INTEGER NOT NULL PRIMARY KEY,\n"
               "  customer_id INTEGER NOT NULL,\n"
               "  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)\n"
               ");\n");
  }
  void apply(const std::string& sql) {
    const fs::path script = project.dir() / "plan.sql";
    write_file(script, sql);
    Result r = project.db().apply_script(script);
    ASSERT_EQ(r.code, 0) << r.err << "\n" << sql;
  }
};

TEST_P(FileSource, AFolderOfDeclarativeSqlIsWhatTheEngineMakesOfIt) {
  Result plan = project.retort({"diff", "--from", "empty", "--to", "file:schema"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("customers"));
  EXPECT_THAT(plan.out, HasSubstr("fk_orders_customer"));
  apply(plan.out);
  EXPECT_EQ(project.db().tables(), "customers\norders\n");

  EXPECT_EXIT_CODE(project.retort({"diff", "--to", "file:schema"}), 0);
  Result json = project.retort({"--format", "json", "diff", "--from", "database", "--to", "file://schema"});
  EXPECT_EXIT_CODE(json, 0);
  EXPECT_THAT(json.out, HasSubstr("\"equal\": true"));
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

TEST_P(FileSource, OneFileOfTheFolderLacksWhatTheOtherAdds) {
  Result plan = project.retort({"diff", "--from", "file:schema/01_customers.sql", "--to", "file:schema"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_THAT(plan.out, HasSubstr("orders"));
  EXPECT_THAT(plan.out, ::testing::Not(HasSubstr("CREATE TABLE customers")));
}

TEST_P(FileSource, AStatementTheEngineRefusesNamesItsFileNumberAndLine) {
  write_file(project.dir() / "bad.sql", "CREATE TABLE a (id INTEGER);\n\nCREATE TABLE a (id INTEGER);\n");
  Result r = project.retort({"diff", "--to", "file:bad.sql"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, HasSubstr("file:bad.sql: statement 2, line 3 failed on"));
  EXPECT_EQ(project.db().tables(), "");
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

TEST_P(FileSource, PathsThatStateNoSchemaAreUsageErrors) {
  Result missing = project.retort({"diff", "--to", "file:nowhere.sql"});
  EXPECT_EXIT_CODE(missing, 2);
  EXPECT_THAT(missing.err, HasSubstr("file:nowhere.sql: no such file or folder"));

  fs::create_directories(project.dir() / "blank");
  write_file(project.dir() / "blank/README.md", "nothing here\n");
  Result folder = project.retort({"diff", "--to", "file:blank"});
  EXPECT_EXIT_CODE(folder, 2);
  EXPECT_THAT(folder.err, HasSubstr("file:blank: the folder holds no .sql file"));

  write_file(project.dir() / "comment.sql", "-- only a comment\n");
  Result empty = project.retort({"diff", "--to", "file:comment.sql"});
  EXPECT_EXIT_CODE(empty, 2);
  EXPECT_THAT(empty.err, HasSubstr("file:comment.sql: no SQL statement to run"));

  write_file(project.dir() / "rev.sql", "-- retort:revision abc123\n-- retort:message x\nCREATE TABLE r (id INTEGER);\n");
  Result revision = project.retort({"diff", "--to", "file:rev.sql"});
  EXPECT_EXIT_CODE(revision, 2);
  EXPECT_THAT(revision.err, HasSubstr("file:rev.sql is a revision file"));
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, FileSource, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

class ScratchUrl : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  std::unique_ptr<Engine> scratch = project.db().sibling();
  void SetUp() override {
    project.use_shop();
    ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  }
  Result retort(std::vector<std::string> args) const {
    return project.retort(std::move(args), {{"RETORT_SCRATCH_URL", scratch->url()}});
  }
};

TEST_P(ScratchUrl, AGivenDatabaseIsUsedAsIsAndLeftEmpty) {
  EXPECT_EXIT_CODE(retort({"check"}), 0);
  EXPECT_EQ(scratch->tables(), "");

  project.db().query("ALTER TABLE purchases ADD COLUMN note TEXT");
  Result drift = retort({"check"});
  EXPECT_EXIT_CODE(drift, 6);
  EXPECT_THAT(drift.out, HasSubstr("drift: purchases.note column added outside the revisions"));
  EXPECT_EQ(scratch->tables(), "");

  Result plan = retort({"diff", "--from", "empty", "--to", "head"});
  EXPECT_EXIT_CODE(plan, 6);
  EXPECT_EQ(scratch->tables(), "");
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

TEST_P(ScratchUrl, ADatabaseThatHoldsSomethingIsRefusedAndKept) {
  scratch->query("CREATE TABLE keep_me (id INTEGER)");
  Result r = retort({"check"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("is not empty (it holds table keep_me)"));
  EXPECT_EQ(scratch->tables(), "keep_me\n");
}

TEST_P(ScratchUrl, TheConfiguredDatabaseItselfIsRefused) {
  Result r = project.retort({"check"}, {{"RETORT_SCRATCH_URL", project.db().url()}});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("is the configured database itself"));
  EXPECT_THAT(project.db().tables(), HasSubstr("purchases"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ScratchUrl, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
