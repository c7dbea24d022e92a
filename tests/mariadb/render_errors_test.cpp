// What the dialect refuses to render, and how the refusal reaches the host.
#include "mariadb/render.hpp"
#include "op_builders.hpp"
#include "plugin_under_test.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace retort::mariadb;
using namespace retort::mariadb::test;
using retort::str;

namespace {

// The usage failure's message, or "" if rendering succeeded.
std::string refusal(const retort_op& o) {
  try {
    render_op(o);
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE) << f.what();
    return f.what();
  }
  ADD_FAILURE() << "rendered without complaint";
  return "";
}

}  // namespace

TEST(MariadbRenderErrors, NullabilityChangeWithoutTypeAsksForTheType) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  o.alter_nullable = 0;
  const std::string m = refusal(o);
  EXPECT_NE(m.find("`users`.`age`"), std::string::npos) << m;
  EXPECT_NE(m.find("alteration().type(...)"), std::string::npos) << m;
}

TEST(MariadbRenderErrors, TypeChangeWithoutNullabilityAsksForIt) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  o.alter_type = str("bigint");
  const std::string m = refusal(o);
  EXPECT_NE(m.find("nullable"), std::string::npos) << m;
}

TEST(MariadbRenderErrors, AlterColumnThatChangesNothingIsRefused) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  EXPECT_NE(refusal(o).find("changes nothing"), std::string::npos);
}

TEST(MariadbRenderErrors, SetDefaultNeedsAnExpression) {
  retort_op o = op(RETORT_OP_ALTER_COLUMN, "users");
  o.name = str("age");
  o.alter_default_action = RETORT_DEFAULT_SET;
  EXPECT_NE(refusal(o).find("SQL expression"), std::string::npos);
}

TEST(MariadbRenderErrors, PartialIndexesAreUnsupported) {
  retort_str cols[] = {str("email")};
  retort_op o = op(RETORT_OP_CREATE_INDEX, "users");
  o.name = str("ix_active");
  o.index_columns = cols;
  o.index_column_count = 1;
  o.where = str("active");
  EXPECT_NE(refusal(o).find("no partial indexes"), std::string::npos);
}

TEST(MariadbRenderErrors, DropIndexWithoutTableIsRefused) {
  retort_op o = op(RETORT_OP_DROP_INDEX);
  o.name = str("ix_x");
  EXPECT_NE(refusal(o).find("needs its table"), std::string::npos);
}

TEST(MariadbRenderErrors, MissingNamesAreRefused) {
  EXPECT_NE(refusal(op(RETORT_OP_DROP_TABLE)).find("table name"), std::string::npos);
  retort_op drop_column = op(RETORT_OP_DROP_COLUMN, "t");
  EXPECT_NE(refusal(drop_column).find("column name"), std::string::npos);
  retort_op create_index = op(RETORT_OP_CREATE_INDEX, "t");
  EXPECT_NE(refusal(create_index).find("index name"), std::string::npos);
  retort_op rename = op(RETORT_OP_RENAME_TABLE, "t");
  EXPECT_NE(refusal(rename).find("new name"), std::string::npos);
}

TEST(MariadbRenderErrors, CreateTableWithoutColumnsIsRefused) {
  EXPECT_NE(refusal(op(RETORT_OP_CREATE_TABLE, "t")).find("at least one column"),
            std::string::npos);
}

TEST(MariadbRenderErrors, ForeignKeyWithoutReferencedColumnIsRefused) {
  retort_column c = references(column("user_id", "integer"), "users", "");
  const retort_column* ptrs[] = {&c};
  retort_op o = op(RETORT_OP_ADD_COLUMN, "orders");
  o.columns = ptrs;
  o.column_count = 1;
  EXPECT_NE(refusal(o).find("referenced column"), std::string::npos);
}

TEST(MariadbRenderErrors, UnknownOperationKindIsRefused) {
  EXPECT_NE(refusal(op(99, "t")).find("operation kind 99"), std::string::npos);
}

TEST(MariadbRenderErrors, RefusalReachesTheHostAsUsageErrorAndNothingIsEmitted) {
  plugin_under_test plugin;
  std::vector<std::string> emitted;
  retort_statement_sink sink{&emitted, [](void* c, const char* d, size_t n) {
                               static_cast<std::vector<std::string>*>(c)->emplace_back(d, n);
                             }};
  retort_op o = op(RETORT_OP_DROP_INDEX);
  o.name = str("ix_x");
  retort_error err = fresh_error();
  ASSERT_EQ(plugin.dialect().render(&o, &sink, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_NE(std::string(err.message).find("DROP INDEX `ix_x` needs its table"), std::string::npos)
      << err.message;
  EXPECT_TRUE(emitted.empty());
}
