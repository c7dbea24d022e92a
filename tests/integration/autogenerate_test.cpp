// revision --autogenerate through the binary on every engine: models that
// change in steps (a table, a column with a default, an index and a unique,
// a foreign key, a rename with hints, a drop), a revision written after
// each, upgraded, equal to the models, and each downgrade restoring the
// schema before it. check fails while the models are ahead of the revisions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

INSTANTIATE_TEST_SUITE_P(Engines, Autogenerate, ::testing::ValuesIn(engine_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace it
