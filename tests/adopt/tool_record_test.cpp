// Each tool's rows read as that tool reads them: what counts as applied,
// and the states the tool itself would not go on from.
#include <gmock/gmock.h>

#include "host/adopt/tool_record.hpp"
#include "host/errors/error.hpp"

namespace host::adopt {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

ToolRow row(std::initializer_list<std::optional<std::string>> values) { return ToolRow(values); }

std::string refusal(Tool tool, const std::vector<ToolRow>& rows) {
  try {
    read_record(tool, rows);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::database);
    return e.what();
  }
  ADD_FAILURE() << "no refusal";
  return "";
}

TEST(GolangMigrate, TheOneRowIsTheVersionReachedAndEverythingBelow) {
  const ToolRecord r = read_record(Tool::golang_migrate, {row({"3", "f"})});
  EXPECT_THAT(r.applied, ElementsAre("3"));
  EXPECT_EQ(r.through, "3");
  EXPECT_THAT(read_record(Tool::golang_migrate, {row({"20240101", "0"})}).applied, ElementsAre("20240101"));
}

TEST(GolangMigrate, NoRowIsNothingApplied) {
  EXPECT_THAT(read_record(Tool::golang_migrate, {}).applied, IsEmpty());
  EXPECT_FALSE(read_record(Tool::golang_migrate, {}).through);
}

TEST(GolangMigrate, DirtyIsRefusedWithTheWayOut) {
  for (const char* dirty : {"t", "true", "1", "TRUE"}) {
    const std::string m = refusal(Tool::golang_migrate, {row({"4", dirty})});
    EXPECT_THAT(m, HasSubstr("version 4 is dirty"));
    EXPECT_THAT(m, HasSubstr("migrate force"));
  }
}

TEST(GolangMigrate, SeveralRowsAreNotItsTable) {
  EXPECT_THAT(refusal(Tool::golang_migrate, {row({"1", "0"}), row({"2", "0"})}), HasSubstr("keeps one"));
}

TEST(Goose, TheLatestRowOfAVersionDecides) {
  const ToolRecord r = read_record(Tool::goose, {row({"0", "t"}), row({"1", "t"}), row({"2", "t"}), row({"3", "t"}),
                                                 row({"3", "f"}), row({"2", "f"}), row({"2", "t"})});
  EXPECT_THAT(r.applied, ElementsAre("1", "2"));
  EXPECT_FALSE(r.through);
}

TEST(Goose, VersionZeroIsTheTablesOwnRow) {
  EXPECT_THAT(read_record(Tool::goose, {row({"0", "1"})}).applied, IsEmpty());
}

TEST(Flyway, SuccessfulVersionedRowsInRankOrder) {
  // version, type, success, script
  const ToolRecord r = read_record(Tool::flyway, {row({"1", "SQL", "t", "V1__a.sql"}),
                                                  row({"1.1", "SQL", "1", "V1.1__b.sql"}),
                                                  row({std::nullopt, "SQL", "t", "R__views.sql"}),
                                                  row({"2", "JDBC", "true", "db.migration.V2__c"})});
  EXPECT_THAT(r.applied, ElementsAre("1", "1.1", "2"));
}

TEST(Flyway, UndoAndDeleteRowsTakeAVersionBack) {
  const ToolRecord r = read_record(Tool::flyway, {row({"1", "SQL", "t", "V1__a.sql"}), row({"2", "SQL", "t", "V2__b.sql"}),
                                                  row({"3", "SQL", "t", "V3__c.sql"}),
                                                  row({"3", "UNDO_SQL", "t", "U3__c.sql"}),
                                                  row({"2", "DELETE", "t", "V2__b.sql"})});
  EXPECT_THAT(r.applied, ElementsAre("1"));
}

TEST(Flyway, BaselineStandsForEverythingBelowIt) {
  const ToolRecord r = read_record(Tool::flyway, {row({"0", "SCHEMA", "t", "\"public\""}),
                                                  row({"5", "BASELINE", "t", "<< Flyway Baseline >>"}),
                                                  row({"6", "SQL", "t", "V6__f.sql"})});
  EXPECT_THAT(r.applied, ElementsAre("6"));
  EXPECT_EQ(r.through, "5");
}

TEST(Flyway, AFailedRowIsRefusedNamingIt) {
  const std::string m = refusal(Tool::flyway, {row({"1", "SQL", "t", "V1__a.sql"}), row({"2", "SQL", "0", "V2__b.sql"})});
  EXPECT_THAT(m, HasSubstr("failed migration (2, V2__b.sql)"));
  EXPECT_THAT(m, HasSubstr("flyway repair"));
}

TEST(OneColumnTools, EveryRowIsAnAppliedVersion) {
  for (Tool tool : {Tool::alembic, Tool::dbmate, Tool::diesel}) {
    const ToolRecord r = read_record(tool, {row({"20240101000000"}), row({"20240102000000"})});
    EXPECT_THAT(r.applied, ElementsAre("20240101000000", "20240102000000"));
    EXPECT_FALSE(r.through);
  }
}

TEST(ToolQuery, GooseAndFlywayAreReadInTheirOrder) {
  EXPECT_EQ(tool_query(Tool::goose).order_by, "id");
  EXPECT_EQ(tool_query(Tool::flyway).order_by, "installed_rank");
  EXPECT_EQ(tool_query(Tool::golang_migrate).columns.size(), 2u);
}

}  // namespace
}  // namespace host::adopt
