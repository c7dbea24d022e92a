// Targets and history ranges (host/plan/target.hpp, history_range) over a
// small fixed graph with a branch, a merge, a labelled second root and a
// dependency. The first input byte picks the database's version rows, the
// rest is the text. Text outside the grammar is a usage error, text the
// graph cannot resolve a graph error; both are one line, nothing crashes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "host/errors/error.hpp"
#include "host/graph/graph.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/plan/target_state.hpp"
#include "host/plan/version_state.hpp"

namespace {

host::Revision revision(std::string id, std::vector<std::string> down, std::vector<std::string> labels = {},
                        std::vector<std::string> depends = {}) {
  host::Revision r;
  r.id = std::move(id);
  r.down_revisions = std::move(down);
  r.branch_labels = std::move(labels);
  r.depends_on = std::move(depends);
  return r;
}

//   aaaa0001 -> bbbb0002 -> cccc0003 (feature) -> eeee0005 (merge)
//                       \-> dddd0004 ----------/
//   ffff0006 (other, depends on bbbb0002) -> 1234abcd
const host::Graph& graph() {
  static const host::Graph g({
      revision("aaaa0001", {}),
      revision("bbbb0002", {"aaaa0001"}),
      revision("cccc0003", {"bbbb0002"}, {"feature"}),
      revision("dddd0004", {"bbbb0002"}),
      revision("eeee0005", {"cccc0003", "dddd0004"}),
      revision("ffff0006", {}, {"other"}, {"bbbb0002"}),
      revision("1234abcd", {"ffff0006"}),
  });
  return g;
}

const std::vector<std::vector<std::string>> row_choices = {
    {}, {"bbbb0002"}, {"cccc0003", "dddd0004"}, {"eeee0005", "1234abcd"}, {"ffff0006"}, {"unknown0"},
};

void require_reported(const host::Error& e, std::string_view input) {
  FUZZ_REQUIRE(e.code() == host::ExitCode::usage || e.code() == host::ExitCode::graph, input);
  FUZZ_REQUIRE(fuzz::is_one_line(e.what()), input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::vector<std::string>& rows = row_choices[data[0] % row_choices.size()];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const host::TargetSpec spec = host::parse_target(text);
    try {
      const std::vector<host::Graph::Node> current = host::version_nodes(graph(), rows);
      const host::ResolvedTarget resolved = host::resolve_target(graph(), spec, current);
      const host::NodeSet applied = host::applied_at_target(graph(), resolved);
      (void)host::reverted_at_target(graph(), resolved, applied);
    } catch (const host::Error& e) {
      FUZZ_REQUIRE(e.code() == host::ExitCode::graph, text);
      FUZZ_REQUIRE(fuzz::is_one_line(e.what()), text);
    }
  } catch (const host::Error& e) {
    FUZZ_REQUIRE(e.code() == host::ExitCode::usage, text);
    FUZZ_REQUIRE(fuzz::is_one_line(e.what()), text);
  }
  try {
    const auto newest_first = host::history_range(graph(), text, rows);
    FUZZ_REQUIRE(newest_first.size() <= graph().size(), text);
  } catch (const host::Error& e) {
    require_reported(e, text);
  }
  return 0;
}
