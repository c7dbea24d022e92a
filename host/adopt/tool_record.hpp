// What another tool's table says is applied, read as that tool reads it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/adopt/tools.hpp"

namespace host::adopt {

/// The columns retort selects from the tool's table, and the column whose
/// order the rows must come in ("" when order does not matter).
struct ToolQuery {
  std::vector<std::string_view> columns;
  std::string_view order_by;
};
ToolQuery tool_query(Tool tool);

using ToolRow = std::vector<std::optional<std::string>>;  ///< nullopt is SQL NULL

struct ToolRecord {
  /// Versions as the tool spells them, each of which the folder must have.
  std::vector<std::string> applied;
  /// Every version up to this one is applied too (golang-migrate keeps only
  /// its latest version; a Flyway baseline stands for all below it), which
  /// the folder need not have when it is a baseline.
  std::optional<std::string> through;
};

/// Reads the rows of tool_query(tool), in its order. A state the tool itself
/// would refuse to go on from (golang-migrate's dirty flag, a failed Flyway
/// migration) is an Error (database) saying how to clear it.
ToolRecord read_record(Tool tool, const std::vector<ToolRow>& rows);

}  // namespace host::adopt
