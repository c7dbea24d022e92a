#include "host/adopt/tools.hpp"

#include <algorithm>
#include <array>

namespace host::adopt {

namespace {
constexpr std::array<ToolTable, 6> all_tools{{
    {Tool::alembic, "alembic", "Alembic", "alembic_version"},
    {Tool::golang_migrate, "golang-migrate", "golang-migrate", "schema_migrations"},
    {Tool::goose, "goose", "goose", "goose_db_version"},
    {Tool::flyway, "flyway", "Flyway", "flyway_schema_history"},
    {Tool::dbmate, "dbmate", "dbmate", "schema_migrations"},
    {Tool::diesel, "diesel", "Diesel", "__diesel_schema_migrations"},
}};
}  // namespace

std::span<const ToolTable> tool_tables() { return all_tools; }

const ToolTable& tool_table(Tool tool) {
  for (const auto& t : all_tools)
    if (t.tool == tool) return t;
  return all_tools.front();  // unreachable: every Tool is listed
}

const ToolTable* find_tool(std::string_view name) {
  for (const auto& t : all_tools)
    if (t.name == name) return &t;
  return nullptr;
}

std::string tool_names() {
  std::string out;
  for (const auto& t : all_tools) out += (out.empty() ? "" : ", ") + std::string(t.name);
  return out;
}

std::vector<std::string_view> tool_table_names() {
  std::vector<std::string_view> names;
  for (const auto& t : all_tools)
    if (std::find(names.begin(), names.end(), t.table) == names.end()) names.push_back(t.table);
  return names;
}

}  // namespace host::adopt
