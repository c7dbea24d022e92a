// plan_changes(): the order of steps, what each destroys, and what is refused.
#include "host/schema/change_plan.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace host::schema;

Column col(std::string name, std::string type, bool nullable = true) {
  return Column{std::move(name), std::move(type), nullable, std::nullopt, false, ""};
}

std::vector<std::string> described(const ChangePlan& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan.steps) out.push_back(describe(s) + (s.destroys.empty() ? "" : " !"));
  return out;
}

Schema two_tables_in_a_cycle() {
  Schema s;
  s.tables = {{"a", {col("id", "integer", false), col("b_id", "integer")}, {"id"}, {{"fk_a_b", {"b_id"}, "b", {"id"}, "", ""}}, {}, {}},
              {"b", {col("id", "integer", false), col("a_id", "integer")}, {"id"}, {{"fk_b_a", {"a_id"}, "a", {"id"}, "", ""}}, {}, {}}};
  sort_schema(s);
  return s;
}

TEST(SchemaPlan, TablesComeBeforeTheForeignKeysThatPointAtThemWhichBreaksCycles) {
  EXPECT_EQ(described(plan_changes({}, two_tables_in_a_cycle())),
            (std::vector<std::string>{"create table a", "create table b", "add foreign key a.fk_a_b",
                                      "add foreign key b.fk_b_a"}));
}

TEST(SchemaPlan, AnEngineThatRebuildsTablesDeclaresForeignKeysInCreateTable) {
  const ChangePlan plan = plan_changes({}, two_tables_in_a_cycle(), {true});
  EXPECT_EQ(described(plan), (std::vector<std::string>{"create table a", "create table b"}));
  EXPECT_EQ(plan.steps[0].definition.foreign_keys.size(), 1u);
}

TEST(SchemaPlan, DroppingACycleDropsItsKeysFirstAndMarksTheTablesDestructive) {
  EXPECT_EQ(described(plan_changes(two_tables_in_a_cycle(), {})),
            (std::vector<std::string>{"drop foreign key a.fk_a_b", "drop foreign key b.fk_b_a", "drop table a !",
                                      "drop table b !"}));
}

TEST(SchemaPlan, ViewsAreDroppedFirstAndCreatedLast) {
  Schema from = two_tables_in_a_cycle(), to = two_tables_in_a_cycle();
  from.views = {{"v", "SELECT 1"}};
  to.views = {{"v", "SELECT 2"}};
  to.tables[0].columns.push_back(col("note", "text"));
  EXPECT_EQ(described(plan_changes(from, to)),
            (std::vector<std::string>{"drop view v", "add column a.note", "create view v"}));
}

TEST(SchemaPlan, WideningIsSafeNarrowingAndNotNullAreMarked) {
  Schema from, to;
  from.tables = {{"t", {col("s", "string(10)"), col("n", "integer"), col("w", "string(20)"), col("z", "text")}, {}, {}, {}, {}}};
  to.tables = {{"t", {col("s", "string(20)"), col("n", "bigint"), col("w", "string(5)"), col("z", "text", false)}, {}, {}, {}, {}}};
  const ChangePlan plan = plan_changes(from, to);
  EXPECT_EQ(described(plan), (std::vector<std::string>{"alter column t.s", "alter column t.n", "alter column t.w !",
                                                       "alter column t.z !"}));
  EXPECT_THAT(plan.steps[2].destroys, ::testing::HasSubstr("string(20) -> string(5)"));
  EXPECT_THAT(plan.steps[3].destroys, ::testing::HasSubstr("NULL"));
}

// MariaDB narrows a multi-column index or unique to the columns a dropped
// column leaves, under the same name: those on a replaced column must be
// dropped before it and made again after, not assumed gone with it.
TEST(SchemaPlan, AReplacedColumnsIndexesAndConstraintsAreDroppedBeforeItAndMadeAgainAfter) {
  Schema from, to;
  from.tables = {{"t", {col("id", "integer", false), col("d", "date"), col("n", "integer")}, {"id"}, {}, {{"uq_t", {"n", "d"}}}, {}}};
  from.indexes = {{"ix_t", "t", {"id", "d"}, false, ""}, {"ix_t_n", "t", {"n"}, false, ""}};
  to = from;
  to.tables[0].columns[1] = col("d", "integer");  // a date becomes a number: no engine converts it
  const ChangePlan plan = plan_changes(from, to);
  EXPECT_TRUE(plan.refused.empty());
  EXPECT_EQ(described(plan), (std::vector<std::string>{"drop index ix_t", "drop unique t.uq_t", "drop column t.d !",
                                                       "add column t.d", "add unique t.uq_t", "create index ix_t"}));
}

// MariaDB refuses to drop an index a foreign key uses (one that starts
// with the key's columns): the key is dropped around it, where tables are
// altered in place; an index it cannot stand on is dropped alone.
TEST(SchemaPlan, AForeignKeyIsDroppedAndAddedAgainAroundAnIndexItMayStandOn) {
  Schema from, to;
  from.tables = {{"p", {col("id", "integer", false)}, {"id"}, {}, {}, {}},
                 {"c", {col("id", "integer", false), col("p_id", "integer"), col("n", "integer")}, {"id"},
                  {{"fk_c_p", {"p_id"}, "p", {"id"}, "CASCADE", ""}}, {{"uq_c", {"p_id", "n"}}}, {}}};
  from.indexes = {{"ix_c", "c", {"p_id"}, false, ""}, {"ix_c_n", "c", {"n", "p_id"}, false, ""}};
  sort_schema(from);
  to = from;
  to.tables[0].uniques.clear();  // c
  to.indexes.clear();
  EXPECT_EQ(described(plan_changes(from, to)),
            (std::vector<std::string>{"drop foreign key c.fk_c_p", "drop index ix_c", "drop index ix_c_n",
                                      "drop unique c.uq_c", "add foreign key c.fk_c_p"}));
  Schema fewer_indexes = from;  // SQLite drops an index in place, and its keys need none
  fewer_indexes.indexes.clear();
  EXPECT_EQ(described(plan_changes(from, fewer_indexes, {true})),
            (std::vector<std::string>{"drop index ix_c", "drop index ix_c_n"}));
}

TEST(SchemaPlan, WhatTheVocabularyCannotSayIsRefusedNotApproximated) {
  Schema from, to;
  from.tables = {{"t", {col("id", "integer", false), col("c", "integer")}, {"id"}, {}, {}, {}}};
  to = from;
  to.tables[0].primary_key = {"id", "c"};
  to.tables[0].columns[1].autoincrement = true;
  from.enums = {{"mood", {"a"}}};
  to.enums = {{"mood", {"a", "b"}}};
  const ChangePlan plan = plan_changes(from, to);
  ASSERT_EQ(plan.refused.size(), 3u);
  EXPECT_THAT(plan.refused, ::testing::Contains(::testing::HasSubstr("primary key (id) -> (id, c)")));
  EXPECT_THAT(plan.refused, ::testing::Contains(::testing::HasSubstr("t.c: changing autoincrement")));
  EXPECT_THAT(plan.refused, ::testing::Contains(::testing::HasSubstr("enum mood")));
}

TEST(SchemaPlan, AnEngineThatRebuildsTablesAddsAndDropsColumnsInPlaceAndRebuildsForTheRest) {
  Schema from, to;
  from.tables = {{"t", {col("a", "integer"), col("b", "integer")}, {}, {}, {}, {}},
                 {"u", {col("a", "integer"), col("b", "integer")}, {}, {}, {}, {}}};
  from.indexes = {{"ix_t_a", "t", {"a"}, false, ""}};
  from.views = {{"v", "SELECT a FROM t"}};
  to = from;
  to.tables[0].columns = {col("a", "bigint", false), col("c", "text")};  // t: a changes: rebuild
  to.tables[1].columns = {col("a", "integer"), col("c", "text")};        // u: add and drop in place
  const ChangePlan plan = plan_changes(from, to, {true});
  EXPECT_TRUE(plan.refused.empty());
  EXPECT_EQ(described(plan), (std::vector<std::string>{"drop view v", "rebuild table t !", "add column u.c",
                                                       "drop column u.b !", "create index ix_t_a", "create view v"}));
  const Step& rebuild = plan.steps[1];
  EXPECT_EQ(rebuild.copied, std::vector<std::string>{"a"});
  EXPECT_THAT(rebuild.destroys, ::testing::HasSubstr("column t.b and its values"));
  EXPECT_THAT(rebuild.destroys, ::testing::HasSubstr("fails if t.a holds NULL"));
}

// With foreign keys on, SQLite's DROP TABLE first deletes the table's rows:
// a key still pointing at it cascades (the children's rows go) or fails.
// So the key goes first: dropped in place, or by the rebuild that removes it.
TEST(SchemaPlan, AKeyToADroppedTableGoesBeforeTheTableOnEveryEngine) {
  Schema from, to;
  from.tables = {{"p", {col("id", "integer", false)}, {"id"}, {}, {}, {}},
                 {"u", {col("id", "integer", false), col("p_id", "integer")}, {"id"},
                  {{"fk_u_p", {"p_id"}, "p", {"id"}, "CASCADE", ""}}, {}, {}},
                 {"w", {col("id", "integer", false)}, {"id"}, {}, {}, {}}};
  sort_schema(from);
  to.tables = {{"u", {col("id", "integer", false), col("p_id", "integer")}, {"id"}, {}, {}, {}},
               {"w", {col("id", "integer", false), col("n", "integer", false)}, {"id"}, {}, {}, {}}};
  sort_schema(to);
  EXPECT_EQ(described(plan_changes(from, to)),
            (std::vector<std::string>{"drop foreign key u.fk_u_p", "drop table p !", "add column w.n !"}));
  // Where tables are rebuilt, u's rebuild drops its key: it comes before the
  // drop, w's (which points at nothing dropped) where rebuilds always are.
  EXPECT_EQ(described(plan_changes(from, to, {true})),
            (std::vector<std::string>{"rebuild table u", "drop table p !", "rebuild table w !"}));
}

// A rebuilt child checks its own keys: its parent, whose primary key grows
// in the same plan, is rebuilt first although its name sorts after.
TEST(SchemaPlan, AnEngineThatRebuildsTablesRebuildsParentsBeforeTheirChildren) {
  Schema from, to;
  from.tables = {{"z", {col("id", "integer", false), col("x", "integer", false)}, {"id"}, {}, {}, {}},
                 {"b", {col("id", "integer", false), col("z_id", "integer"), col("z_x", "integer")}, {"id"},
                  {{"fk_b_z", {"z_id"}, "z", {"id"}, "", ""}}, {}, {}}};
  sort_schema(from);
  to = from;
  to.tables[0].foreign_keys[0] = {"fk_b_z", {"z_id", "z_x"}, "z", {"id", "x"}, "", ""};
  to.tables[1].primary_key = {"id", "x"};
  ASSERT_EQ(to.tables[1].name, "z");
  EXPECT_EQ(described(plan_changes(from, to, {true})),
            (std::vector<std::string>{"rebuild table z", "rebuild table b"}));
}

// A rebuild makes the table anew from its description, which holds none of
// what retort does not read: the table's triggers and attributes go, and
// the step says so (so `diff` refuses it unless destruction is allowed).
TEST(SchemaPlan, ARebuildDestroysTheTriggersAndUnreadAttributesOfItsTableOnly) {
  Schema from, to;
  from.tables = {{"orders", {col("id", "integer", false), col("code", "text")}, {"id"}, {}, {}, {}},
                 {"orders_archive", {col("id", "integer", false)}, {"id"}, {}, {}, {}}};
  from.unmanaged = {{"trigger", "orders.trg_o"},
                    {"collation", "orders.code: COLLATE NOCASE"},
                    {"table option", "orders: STRICT"},
                    {"trigger", "orders_archive.trg_a"}};
  sort_schema(from);
  to = from;
  to.tables[0].checks = {{"ck_orders_id", "id > 0"}};
  const ChangePlan plan = plan_changes(from, to, {true});
  ASSERT_EQ(described(plan), (std::vector<std::string>{"rebuild table orders !"}));
  EXPECT_EQ(plan.steps[0].destroys, "collation code: COLLATE NOCASE; table option STRICT; trigger trg_o");
}

// A generated column's values are computed, so a new expression or storage
// replaces the column (dropped and added) without destroying anything.
TEST(SchemaPlan, AGeneratedColumnWhoseStorageChangesIsReplacedWithoutLoss) {
  Schema from, to;
  Column stored = col("doubled", "integer");
  stored.generated = "n * 2";
  from.tables = {{"t", {col("id", "integer", false), col("n", "integer"), stored}, {"id"}, {}, {}, {}}};
  from.indexes = {{"ix_t_doubled", "t", {"doubled"}, false, ""}};
  to = from;
  to.tables[0].columns[2].generated_virtual = true;
  EXPECT_EQ(described(plan_changes(from, to)),
            (std::vector<std::string>{"drop index ix_t_doubled", "drop column t.doubled", "add column t.doubled",
                                      "create index ix_t_doubled"}));
  EXPECT_EQ(described(plan_changes(from, to, {true})), (std::vector<std::string>{"rebuild table t", "create index ix_t_doubled"}));
}

}  // namespace
