// A tool's record mapped onto the revision graph: what retort stamps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host/adopt/tool_record.hpp"
#include "host/graph/graph.hpp"

namespace host::adopt {

struct Adoption {
  std::vector<std::string> applied;  ///< revision ids, in topological order
  std::vector<std::string> heads;    ///< the version rows: applied revisions nothing applied grew from
};

/// Maps `record`, read from `table`, onto `graph`. Versions are compared as
/// the tool compares them: numbers as numbers (goose's 1 is the file
/// 00001_x.sql), Flyway's dotted parts each as a number (1.01 is 1.1, 1.0
/// is 1); Alembic's are revision ids. A recorded version the folder has no
/// revision for, two revisions the tool cannot tell apart, or an applied
/// revision whose parent is not applied (a gap retort's version rows cannot
/// hold) is an Error (graph) naming them.
Adoption map_onto_graph(const Graph& graph, Tool tool, const ToolRecord& record, std::string_view table);

}  // namespace host::adopt
