// revision --autogenerate through the binary on every engine: models that
// change in steps (a table, a column with a default, an index and a unique,
// a foreign key, a rename with hints, a drop), a revision written after
// each, upgraded, equal to the models, and each downgrade restoring the
// schema before it. check fails while the models are ahead of the revisions.
// Also: a revision the proof refuses is never written nor named, the shop's
// models plugin agrees with the shop on every engine, and a models plugin's
// rename hints become renames.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

// The models after each step, in portable SQL every engine reads.
const std::vector<std::string> models_in_steps = {
    // 1. a table
    "CREATE TABLE customers (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  name VARCHAR(40) NOT NULL\n"
    ");\n",
    // 2. a column with a default
    "CREATE TABLE customers (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  name VARCHAR(40) NOT NULL,\n"
    "  status VARCHAR(10) NOT NULL DEFAULT 'new'\n"
    ");\n",
    // 3. an index and a unique constraint
    "CREATE TABLE customers (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  name VARCHAR(40) NOT NULL,\n"
    "  status VARCHAR(10) NOT NULL DEFAULT 'new',\n"
    "  CONSTRAINT uq_customers_name UNIQUE (name)\n"
    ");\n"
    "CREATE INDEX ix_customers_status ON customers (status);\n",
    // 4. a table with a foreign key
    "CREATE TABLE customers (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  name VARCHAR(40) NOT NULL,\n"
    "  status VARCHAR(10) NOT NULL DEFAULT 'new',\n"
    "  CONSTRAINT uq_customers_name UNIQUE (name)\n"
    ");\n"
    "CREATE INDEX ix_customers_status ON customers (status);\n"
    "CREATE TABLE orders (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  customer_id INTEGER NOT NULL,\n"
    "  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)\n"
    ");\n",
    // 5. renames, hinted
    "CREATE TABLE clients ( -- retort:renamed_from customers\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  full_name VARCHAR(40) NOT NULL, -- retort:renamed_from name\n"
    "  status VARCHAR(10) NOT NULL DEFAULT 'new',\n"
    "  CONSTRAINT uq_customers_name UNIQUE (full_name)\n"
    ");\n"
    "CREATE INDEX ix_customers_status ON clients (status);\n"
    "CREATE TABLE orders (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  customer_id INTEGER NOT NULL,\n"
    "  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES clients (id)\n"
    ");\n",
    // 6. a column dropped (destructive), with its index
    "CREATE TABLE clients ( -- retort:renamed_from customers\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  full_name VARCHAR(40) NOT NULL, -- retort:renamed_from name\n"
    "  CONSTRAINT uq_customers_name UNIQUE (full_name)\n"
    ");\n"
    "CREATE TABLE orders (\n"
    "  id INTEGER NOT NULL PRIMARY KEY,\n"
    "  customer_id INTEGER NOT NULL,\n"
    "  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES clients (id)\n"
    ");\n",
};

class Autogenerate : public ::testing::TestWithParam<std::string> {
 protected:
  Project project{GetParam()};
  void SetUp() override {
    fs::create_directories(project.dir() / "migrations");
    project.configure("migrations", "models = models");
  }
  void set_models(const std::string& sql) { write_file(project.dir() / "models" / "schema.sql", sql); }
  std::size_t revision_files() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(project.dir() / "migrations")) n += e.path().extension() == ".sql";
    return n;
  }
  std::string schema() const { return project.retort({"--format", "json", "schema"}).out; }
};

TEST_P(Autogenerate, ModelsChangingInStepsBecomeRevisionsThatUpgradeAndDowngradeExactly) {
  std::vector<std::string> schemas{schema()};
  for (std::size_t step = 0; step < models_in_steps.size(); ++step) {
    SCOPED_TRACE("step " + std::to_string(step + 1));
    set_models(models_in_steps[step]);
    Result ahead = project.retort({"check"});
    EXPECT_EXIT_CODE(ahead, 6);
    EXPECT_THAT(ahead.out, HasSubstr("models differ from head"));
    EXPECT_THAT(ahead.out, HasSubstr("run retort revision --autogenerate"));

    const bool destructive = step + 1 == models_in_steps.size();
    if (destructive) {
      Result refused = project.retort({"revision", "--autogenerate", "-m", "step " + std::to_string(step + 1)});
      EXPECT_EXIT_CODE(refused, 2);
      EXPECT_THAT(refused.err, HasSubstr("drop column clients.status"));
      EXPECT_EQ(revision_files(), step);
    }
    std::vector<std::string> args{"revision", "--autogenerate", "-m", "step " + std::to_string(step + 1)};
    if (destructive) args.push_back("--allow-destructive");
    Result written = project.retort(args);
    ASSERT_EQ(written.code, 0) << written.err;
    ASSERT_EQ(revision_files(), step + 1);
    const std::string text = read_file(written.out.substr(0, written.out.find('\n')));
    if (step == 4) {
      EXPECT_THAT(text, HasSubstr("RENAME"));
      EXPECT_THAT(text, ::testing::Not(HasSubstr("DROP TABLE")));
    }
    if (destructive) EXPECT_THAT(text, HasSubstr("-- destroys: column clients.status"));

    Result up = project.retort({"upgrade", "head"});
    ASSERT_EQ(up.code, 0) << up.err;
    EXPECT_EXIT_CODE(project.retort({"diff", "--from", "database", "--to", "models"}), 0);
    Result green = project.retort({"check"});
    EXPECT_EXIT_CODE(green, 0);
    schemas.push_back(schema());

    Result again = project.retort({"revision", "--autogenerate", "-m", "nothing"});
    EXPECT_EXIT_CODE(again, 0);
    EXPECT_THAT(again.out, HasSubstr("nothing to autogenerate"));
    EXPECT_EQ(revision_files(), step + 1);
  }
  for (std::size_t step = models_in_steps.size(); step > 0; --step) {
    SCOPED_TRACE("downgrade of step " + std::to_string(step));
    Result down = project.retort({"downgrade", "-1"});
    ASSERT_EQ(down.code, 0) << down.err;
    EXPECT_EQ(schema(), schemas[step - 1]);
  }
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

TEST_P(Autogenerate, FromTheDatabaseNeedsItAtTheHeads) {
  set_models(models_in_steps[0]);
  ASSERT_EQ(project.retort({"revision", "--autogenerate", "-m", "one"}).code, 0);
  Result behind = project.retort({"revision", "--autogenerate", "--from", "database", "-m", "two"});
  EXPECT_EXIT_CODE(behind, 2);
  EXPECT_THAT(behind.err, HasSubstr("not at the heads"));
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  set_models(models_in_steps[1]);
  Result from_db = project.retort({"revision", "--autogenerate", "--from", "database", "-m", "two"});
  EXPECT_EXIT_CODE(from_db, 0);
  EXPECT_EQ(revision_files(), 2u);
}

// A real case the proof catches: with --from database the plan starts from
// the live schema, and a column added there by hand (drift) is in no
// revision, so head plus the new revision cannot reach the models.
TEST_P(Autogenerate, ARevisionThatDoesNotReachTheModelsIsRefusedAndNeverWritten) {
  set_models(models_in_steps[0]);
  ASSERT_EQ(project.retort({"revision", "--autogenerate", "-m", "one"}).code, 0);
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  project.db().query("ALTER TABLE customers ADD COLUMN note VARCHAR(20)");
  set_models(
      "CREATE TABLE customers (\n"
      "  id INTEGER NOT NULL PRIMARY KEY,\n"
      "  name VARCHAR(40) NOT NULL,\n"
      "  note VARCHAR(20)\n"
      ");\n"
      "CREATE TABLE tags (\n"
      "  id INTEGER NOT NULL PRIMARY KEY\n"
      ");\n");

  for (const bool json : {false, true}) {
    SCOPED_TRACE(json ? "--format json" : "text");
    std::vector<std::string> args{"revision", "--autogenerate", "--from", "database", "-m", "two"};
    if (json) args.insert(args.begin(), {"--format", "json"});
    Result refused = project.retort(args);
    EXPECT_EXIT_CODE(refused, 1);
    EXPECT_THAT(refused.err, HasSubstr("does not reach the models; still different:"));
    EXPECT_THAT(refused.err, HasSubstr("note"));
    EXPECT_THAT(refused.err, HasSubstr("nothing was written"));
    EXPECT_EQ(refused.out, "") << "stdout names no file that was never written";
    EXPECT_EQ(revision_files(), 1u);
  }
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

// The shop's models plugin (revisions/shop/models) is one set of models for
// every dialect: the shop upgraded to head agrees with it on each engine.
TEST_P(Autogenerate, ShopModelsPluginAgreesWithTheShopAtHead) {
  const fs::path shop_models = shop_plugin().parent_path() / "retort_shop_models.so";
  project.configure(shop_plugin().string(), "models = " + shop_models.string());
  Result up = project.retort({"upgrade", "head"});
  ASSERT_EQ(up.code, 0) << up.err;
  // On MariaDB too, whose unnamed keys are named by the order they are
  // made (purchases_ibfk_1, _2): the plan makes them in column order, as the
  // revisions declared them on their columns.
  Result green = project.retort({"check"});
  EXPECT_EXIT_CODE(green, 0);
  EXPECT_EXIT_CODE(project.retort({"diff", "--from", "database", "--to", "models"}), 0);
  EXPECT_EQ(leftover_scratch_databases(project.db()), "");
}

// A C++ models plugin's renamed_from hints (on a table and on a column)
// make autogenerate write renames, and the rename's downgrade renames back.
TEST_P(Autogenerate, ModelsPluginRenameHintsBecomeRenamesNotDropAndAdd) {
  set_models(
      "CREATE TABLE customers (\n"
      "  id INTEGER NOT NULL PRIMARY KEY,\n"
      "  name VARCHAR(40) NOT NULL\n"
      ");\n");
  ASSERT_EQ(project.retort({"revision", "--autogenerate", "-m", "customers"}).code, 0);
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  const std::string before = schema();
  project.configure("migrations", "models = " RETORT_IT_FIXTURES "/renamed_models.so");

  Result written = project.retort({"revision", "--autogenerate", "-m", "renamed"});
  ASSERT_EQ(written.code, 0) << written.err;
  const std::string text = read_file(written.out.substr(0, written.out.find('\n')));
  const std::string upgrade = text.substr(0, text.find("-- retort:downgrade"));
  EXPECT_THAT(upgrade, HasSubstr("RENAME"));
  EXPECT_THAT(upgrade, HasSubstr("clients"));
  EXPECT_THAT(upgrade, HasSubstr("full_name"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("DROP")));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("destroys")));

  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  EXPECT_EXIT_CODE(project.retort({"check"}), 0);
  EXPECT_THAT(project.db().tables(), HasSubstr("clients"));
  EXPECT_THAT(project.db().tables(), ::testing::Not(HasSubstr("customers")));
  ASSERT_EQ(project.retort({"downgrade", "-1"}).code, 0);
  EXPECT_EQ(schema(), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, Autogenerate, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

// A rename hint in SQL models that cannot say what it renames is refused,
// naming the file and line, before anything is planned or written.
TEST(AutogenerateRenameHints, AHintThatRenamesNothingIsAUsageErrorNamingItsLine) {
  struct Case {
    std::string models;
    std::string line_and_message;
  };
  const std::vector<Case> cases = {
      {"-- retort:renamed_from people\n"
       "CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY);\n",
       "schema.sql:1: retort:renamed_from outside a CREATE TABLE statement"},
      {"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY);\n"
       "CREATE INDEX ix_customers_id ON customers (id); -- retort:renamed_from ix_old\n",
       "schema.sql:2: retort:renamed_from outside a CREATE TABLE statement"},
      {"CREATE TABLE customers (\n"
       "  id INTEGER NOT NULL PRIMARY KEY,\n"
       "  -- retort:renamed_from name\n"
       "  full_name VARCHAR(40)\n"
       ");\n",
       "schema.sql:3: retort:renamed_from on a line that names no column"},
      {"CREATE TABLE customers (\n"
       "  id INTEGER NOT NULL PRIMARY KEY,\n"
       "  name VARCHAR(40),\n"
       "  CONSTRAINT uq_customers_name UNIQUE (name) -- retort:renamed_from uq_people_name\n"
       ");\n",
       "schema.sql:4: retort:renamed_from on a line that names no column"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.models);
    Project project("sqlite");
    fs::create_directories(project.dir() / "migrations");
    project.configure("migrations", "models = models");
    write_file(project.dir() / "models" / "schema.sql", c.models);
    Result refused = project.retort({"revision", "--autogenerate", "-m", "hinted"});
    EXPECT_EXIT_CODE(refused, 2);
    EXPECT_THAT(refused.err, HasSubstr(c.line_and_message));
    EXPECT_EQ(refused.out, "");
    EXPECT_TRUE(fs::is_empty(project.dir() / "migrations"));
  }
}

}  // namespace
}  // namespace it
