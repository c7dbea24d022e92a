// A change plan written as a C++ revision: one ops-builder call per step,
// asking for what host/abi/step_render.cpp makes of the same step, every
// string a correctly escaped literal, destructive steps announced, and a
// table rebuild refused. tests/integration/autogenerate_cpp_test.cpp builds
// and runs what these functions write.
#include "host/cli/authoring/cpp_steps.hpp"

#include <gtest/gtest.h>

#include "host/cli/authoring/revision_file.hpp"
#include "host/errors/error.hpp"

namespace {

using host::schema::Step;
using Kind = Step::Kind;

Step step(Kind kind, std::string table) {
  Step s{};
  s.kind = kind;
  s.table = std::move(table);
  return s;
}

host::schema::Column column(std::string name, std::string type, bool nullable = true) {
  host::schema::Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

std::string one(const Step& s) { return host::cpp_statements({s}, ""); }

TEST(CppStatements, CreateTableDeclaresColumnsAndTheTablesConstraints) {
  Step s = step(Kind::create_table, "orders");
  s.definition.name = "orders";
  auto id = column("id", "bigint");
  id.autoincrement = true;
  auto total = column("total", "numeric(10,2)", false);
  total.default_sql = "0";
  auto doubled = column("doubled", "numeric(10,2)");
  doubled.generated = "total * 2";
  s.definition.columns = {id, column("customer_id", "integer", false), total, doubled, column("note", "text")};
  s.definition.primary_key = {"id"};
  s.definition.foreign_keys = {{"fk_orders_customer", {"customer_id"}, "customers", {"id"}, "CASCADE", "SET NULL"}};
  s.definition.uniques = {{"uq_orders_note", {"note", "customer_id"}}};
  s.definition.checks = {{"ck_orders_total", "total >= 0"}};
  EXPECT_EQ(host::cpp_statements({s}, "  "),
            "  op.create_table(\"orders\", {\n"
            "      retort::column(\"id\", \"bigint\").primary_key().autoincrement(),\n"
            "      retort::column(\"customer_id\", \"integer\").not_null(),\n"
            "      retort::column(\"total\", \"numeric(10,2)\").not_null().default_sql(\"0\"),\n"
            "      retort::column(\"doubled\", \"numeric(10,2)\").generated(\"total * 2\"),\n"
            "      retort::column(\"note\", \"text\"),\n"
            "  }, {\n"
            "      retort::foreign_key(\"fk_orders_customer\", {\"customer_id\"}, \"customers\", {\"id\"})"
            ".on_delete(\"CASCADE\").on_update(\"SET NULL\"),\n"
            "      retort::unique(\"uq_orders_note\", {\"note\", \"customer_id\"}),\n"
            "      retort::check(\"ck_orders_total\", \"total >= 0\"),\n"
            "  });\n");
}

TEST(CppStatements, AVirtualGeneratedColumnIsGeneratedVirtual) {
  Step s = step(Kind::add_column, "orders");
  s.column = column("tripled", "integer");
  s.column.generated = "qty * 3";
  s.column.generated_virtual = true;
  EXPECT_EQ(one(s), "op.add_column(\"orders\", retort::column(\"tripled\", \"integer\").generated_virtual(\"qty * 3\"));\n");
}

TEST(CppStatements, CreateTableWithoutConstraintsHasNoSecondList) {
  Step s = step(Kind::create_table, "t");
  s.definition.name = "t";
  s.definition.columns = {column("a", "integer")};
  EXPECT_EQ(one(s), "op.create_table(\"t\", {\n    retort::column(\"a\", \"integer\"),\n});\n");
}

// As step_render: a key column is NOT NULL whatever its nullable flag says,
// which .primary_key() implies; a composite key marks each of its columns.
TEST(CppStatements, KeyColumnsArePrimaryKeyAndThereforeNotNull) {
  Step s = step(Kind::create_table, "lines");
  s.definition.name = "lines";
  s.definition.columns = {column("order_id", "integer", true), column("n", "integer", false), column("x", "text")};
  s.definition.primary_key = {"order_id", "n"};
  EXPECT_EQ(one(s),
            "op.create_table(\"lines\", {\n"
            "    retort::column(\"order_id\", \"integer\").primary_key(),\n"
            "    retort::column(\"n\", \"integer\").primary_key(),\n"
            "    retort::column(\"x\", \"text\"),\n"
            "});\n");
}

// Positions only where the key's order is not the table's (ABI 1.2), so a
// key in table order stays readable by a host of 1.1.
TEST(CppStatements, AKeyOutOfTableOrderNumbersItsColumns) {
  Step s = step(Kind::create_table, "pairs");
  s.definition.name = "pairs";
  s.definition.columns = {column("a", "integer"), column("b", "integer"), column("c", "integer")};
  s.definition.primary_key = {"b", "a"};
  EXPECT_EQ(one(s),
            "op.create_table(\"pairs\", {\n"
            "    retort::column(\"a\", \"integer\").primary_key(2),\n"
            "    retort::column(\"b\", \"integer\").primary_key(1),\n"
            "    retort::column(\"c\", \"integer\"),\n"
            "});\n");
}

TEST(CppStatements, ColumnsAddedDroppedAndRenamed) {
  Step add = step(Kind::add_column, "t");
  add.column = column("status", "string(10)", false);
  add.column.default_sql = "'new'";
  EXPECT_EQ(one(add), "op.add_column(\"t\", retort::column(\"status\", \"string(10)\").not_null().default_sql(\"'new'\"));\n");
  Step drop = step(Kind::drop_column, "t");
  drop.name = "status";
  EXPECT_EQ(one(drop), "op.drop_column(\"t\", \"status\");\n");
  Step rename = step(Kind::rename_column, "t");
  rename.name = "name";
  rename.column = column("full_name", "text");
  EXPECT_EQ(one(rename), "op.rename_column(\"t\", \"name\", \"full_name\");\n");
}

TEST(CppStatements, AlterColumnSaysOnlyWhatChanges) {
  Step s = step(Kind::alter_column, "t");
  s.column = column("c", "bigint", false);
  s.column.default_sql = "1";
  EXPECT_EQ(one(s), "op.alter_column(\"t\", \"c\", retort::alteration());\n");
  s.change_type = true;
  EXPECT_EQ(one(s), "op.alter_column(\"t\", \"c\", retort::alteration().type(\"bigint\"));\n");
  s.change_type = false;
  s.change_nullable = true;
  EXPECT_EQ(one(s), "op.alter_column(\"t\", \"c\", retort::alteration().nullable(false));\n");
  s.change_nullable = false;
  s.change_default = true;
  EXPECT_EQ(one(s), "op.alter_column(\"t\", \"c\", retort::alteration().default_sql(\"1\"));\n");
  s.change_type = s.change_nullable = true;
  s.column.nullable = true;
  s.column.default_sql.reset();
  EXPECT_EQ(one(s), "op.alter_column(\"t\", \"c\", retort::alteration().type(\"bigint\").nullable(true).drop_default());\n");
}

TEST(CppStatements, TablesDroppedAndRenamed) {
  EXPECT_EQ(one(step(Kind::drop_table, "t")), "op.drop_table(\"t\");\n");
  Step rename = step(Kind::rename_table, "customers");
  rename.name = "clients";
  EXPECT_EQ(one(rename), "op.rename_table(\"customers\", \"clients\");\n");
}

TEST(CppStatements, IndexesWithTheirOptionsOnlyWhenSet) {
  Step plain = step(Kind::create_index, "t");
  plain.index = {"ix_t_a", "t", {"a", "lower(b)"}, false, ""};
  EXPECT_EQ(one(plain), "op.create_index(\"ix_t_a\", \"t\", {\"a\", \"lower(b)\"});\n");
  Step partial = step(Kind::create_index, "t");
  partial.index = {"ux_t_a", "t", {"a"}, true, "a IS NOT NULL"};
  EXPECT_EQ(one(partial),
            "op.create_index(\"ux_t_a\", \"t\", {\"a\"}, retort::index_options{true, \"a IS NOT NULL\"});\n");
  partial.index.unique = false;
  EXPECT_EQ(one(partial),
            "op.create_index(\"ux_t_a\", \"t\", {\"a\"}, retort::index_options{false, \"a IS NOT NULL\"});\n");
  Step drop = step(Kind::drop_index, "t");
  drop.name = "ix_t_a";
  EXPECT_EQ(one(drop), "op.drop_index(\"ix_t_a\", \"t\");\n");
  drop.table.clear();
  EXPECT_EQ(one(drop), "op.drop_index(\"ix_t_a\");\n");
}

TEST(CppStatements, ConstraintsAddedAndDropped) {
  Step fk = step(Kind::add_foreign_key, "orders");
  fk.foreign_key = {"fk_o_c", {"a", "b"}, "customers", {"x", "y"}, "", "CASCADE"};
  EXPECT_EQ(one(fk), "op.add_constraint(\"orders\", retort::foreign_key(\"fk_o_c\", {\"a\", \"b\"}, \"customers\", "
                     "{\"x\", \"y\"}).on_update(\"CASCADE\"));\n");
  Step unique = step(Kind::add_unique, "orders");
  unique.unique = {"uq_o", {"a"}};
  EXPECT_EQ(one(unique), "op.add_constraint(\"orders\", retort::unique(\"uq_o\", {\"a\"}));\n");
  Step check = step(Kind::add_check, "orders");
  check.check = {"ck_o", "a > 0"};
  EXPECT_EQ(one(check), "op.add_constraint(\"orders\", retort::check(\"ck_o\", \"a > 0\"));\n");
  for (auto [kind, call] : {std::pair{Kind::drop_foreign_key, "drop_foreign_key"},
                            std::pair{Kind::drop_unique, "drop_unique"}, std::pair{Kind::drop_check, "drop_check"}}) {
    Step drop = step(kind, "orders");
    drop.name = "c1";
    EXPECT_EQ(one(drop), std::string("op.") + call + "(\"orders\", \"c1\");\n");
  }
}

TEST(CppStatements, ViewsAndEnums) {
  Step view = step(Kind::create_view, "v");
  view.view = {"v", "SELECT a FROM t"};
  EXPECT_EQ(one(view), "op.create_view(\"v\", \"SELECT a FROM t\");\n");
  EXPECT_EQ(one(step(Kind::drop_view, "v")), "op.drop_view(\"v\");\n");
  Step create = step(Kind::create_enum, "mood");
  create.enum_type = {"mood", {"sad", "ok", "happy"}};
  EXPECT_EQ(one(create), "op.create_enum(\"mood\", {\"sad\", \"ok\", \"happy\"});\n");
  Step drop = step(Kind::drop_enum, "mood");
  drop.enum_type = {"mood", {}};
  EXPECT_EQ(one(drop), "op.drop_enum(\"mood\");\n");
}

TEST(CppStatements, EachDestructiveStepIsPrecededByWhatItDestroys) {
  Step drop = step(Kind::drop_table, "t");
  drop.destroys = "table t and every row in it";
  Step safe = step(Kind::drop_view, "v");
  EXPECT_EQ(host::cpp_statements({safe, drop}, "\t"),
            "\top.drop_view(\"v\");\n\t// destroys: table t and every row in it\n\top.drop_table(\"t\");\n");
  EXPECT_EQ(host::cpp_statements({}, "  "), "");
}

// A comment ends at its line: a newline would put the rest outside it, a
// final backslash would splice the next statement into it.
TEST(CppStatements, TheDestroysCommentStaysOneLineThatSplicesNothing) {
  Step drop = step(Kind::drop_column, "t");
  drop.name = "c\\";
  drop.destroys = "column t.c\\\nop.drop_table(\"x\"); and its values \\";
  EXPECT_EQ(one(drop), "// destroys: column t.c\\ op.drop_table(\"x\"); and its values \\.\n"
                       "op.drop_column(\"t\", \"c\\\\\");\n");
  drop.destroys = "column t.c?" "?/";  // ??/ was a backslash before C++17
  EXPECT_EQ(one(drop).substr(0, one(drop).find('\n')), "// destroys: column t.c?" "?/.");
}

TEST(CppStatements, ATableRebuildIsRefusedWithAdvice) {
  Step rebuild = step(Kind::rebuild_table, "users");
  rebuild.definition.name = "users";
  try {
    host::cpp_statements({step(Kind::drop_view, "v"), rebuild}, "");
    FAIL() << "a rebuild was written";
  } catch (const host::Error& e) {
    EXPECT_EQ(e.code(), host::ExitCode::usage);
    EXPECT_NE(std::string(e.what()).find("rebuild table users"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("portable C++ revision cannot express"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(".sql"), std::string::npos) << e.what();
  }
}

TEST(CppStringLiteral, EscapesWhatWouldEndOrChangeTheLiteral) {
  EXPECT_EQ(host::cpp_string_literal(""), "\"\"");
  EXPECT_EQ(host::cpp_string_literal(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(host::cpp_string_literal("SELECT a\nFROM t\twhere\r"), R"("SELECT a\nFROM t\twhere\015")");
  // What a raw string could not hold.
  EXPECT_EQ(host::cpp_string_literal(")\" x"), R"(")\" x")");
  // Octal escapes take no digit that follows them, as \x would.
  EXPECT_EQ(host::cpp_string_literal(std::string("\x01" "7f", 3)), R"("\0017f")");
  EXPECT_EQ(host::cpp_string_literal(std::string("a\0b", 3)), R"("a\000b")");
  EXPECT_EQ(host::cpp_string_literal("\x7f"), R"("\177")");
  // No trigraph: ??/ was a backslash before C++17.
  EXPECT_EQ(host::cpp_string_literal("a?" "?/b???"), R"("a?\?/b?\?\?")");
}

TEST(CppStringLiteral, KeepsUtf8AndEscapesBytesThatAreNot) {
  EXPECT_EQ(host::cpp_string_literal("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82"),
            "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82\"");
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
  EXPECT_EQ(host::cpp_string_literal("\x80"), R"("\200")");
  EXPECT_EQ(host::cpp_string_literal("\xc3"), R"("\303")");
  EXPECT_EQ(host::cpp_string_literal("\xc0\xaf"), R"("\300\257")");
  EXPECT_EQ(host::cpp_string_literal("\xed\xa0\x80"), R"("\355\240\200")");
  // A bidirectional control (U+202E) would reorder how the source reads.
  EXPECT_EQ(host::cpp_string_literal("a\xe2\x80\xae" "b"), R"("a\342\200\256b")");
}

TEST(CppStatements, EveryStringIsAnEscapedLiteral) {
  Step view = step(Kind::create_view, "v\"1");
  view.view = {"v\"1", "SELECT 'a\\b', \"q\"\nFROM t -- )\""};
  EXPECT_EQ(one(view), "op.create_view(\"v\\\"1\", \"SELECT 'a\\\\b', \\\"q\\\"\\nFROM t -- )\\\"\");\n");
  Step check = step(Kind::add_check, "t");
  check.check = {"ck", "note <> 'it''s \"x\"\n'"};
  EXPECT_EQ(one(check), "op.add_constraint(\"t\", retort::check(\"ck\", \"note <> 'it''s \\\"x\\\"\\n'\"));\n");
}

host::Revision revision() {
  host::Revision r;
  r.id = "ab12cd34ef56";
  r.down_revisions = {"0123456789ab"};
  r.message = "add \"orders\"";
  return r;
}

TEST(CppRevisionText, IsTheTemplatesShapeWithTheBodiesInside) {
  const std::string text = host::cpp_revision_text(revision(), "          op.drop_view(\"v\");\n",
                                                   "          // destroys: x\n          op.drop_table(\"t\");\n");
  EXPECT_EQ(text,
            "// retort:revision ab12cd34ef56\n"
            "#include <retort/sdk/revision.hpp>\n"
            "\n"
            "using retort::column;\n"
            "\n"
            "static retort::registration revision_ab12cd34ef56 =\n"
            "    retort::revision(\"ab12cd34ef56\")\n"
            "        .down(\"0123456789ab\")\n"
            "        .message(\"add \\\"orders\\\"\")\n"
            "        .upgrade([](retort::ops& op) {\n"
            "          op.drop_view(\"v\");\n"
            "        })\n"
            "        .downgrade([](retort::ops& op) {\n"
            "          // destroys: x\n"
            "          op.drop_table(\"t\");\n"
            "        });\n");
}

TEST(CppRevisionText, ABodyWithoutStatementsStillUsesOp) {
  const std::string text = host::cpp_revision_text(revision(), "", "          // autogenerated\n");
  EXPECT_NE(text.find(".upgrade([](retort::ops& op) {\n          static_cast<void>(op);\n        })"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(".downgrade([](retort::ops& op) {\n          // autogenerated\n          "
                      "static_cast<void>(op);\n        });"),
            std::string::npos)
      << text;
}

// The empty revision `retort revision --template cpp` writes is the same
// template with an example in comments.
TEST(CppRevisionText, TheEmptyRevisionIsTheSameShape) {
  const std::string text = host::revision_file_text(revision(), host::RevisionLanguage::cpp);
  EXPECT_NE(text.find(".upgrade([](retort::ops& op) {\n          // op.create_table(\"orders\""), std::string::npos)
      << text;
  EXPECT_NE(text.find("          // op.drop_table(\"orders\");\n          static_cast<void>(op);\n        });"),
            std::string::npos)
      << text;
}

}  // namespace
