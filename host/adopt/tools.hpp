// The migration tools whose databases `retort adopt` takes over, and the
// bookkeeping table each keeps (docs/adopting.md).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace host::adopt {

enum class Tool { alembic, golang_migrate, goose, flyway, dbmate, diesel };

struct ToolTable {
  Tool tool;
  std::string_view name;   ///< as --from spells it
  std::string_view title;  ///< as messages name it
  std::string_view table;  ///< golang-migrate and dbmate share schema_migrations
};

/// Every tool, in the order detection reports them.
std::span<const ToolTable> tool_tables();
const ToolTable& tool_table(Tool tool);
/// nullptr for a name no tool has.
const ToolTable* find_tool(std::string_view name);
/// "alembic, golang-migrate, ...", for messages.
std::string tool_names();
/// Each tool's table once (schema_migrations is two tools'), in tool order.
std::vector<std::string_view> tool_table_names();

}  // namespace host::adopt
