// check: exit 0 only if the database is at the heads, every applied revision
// still has the checksum it was applied with, and nothing unknown, pending or
// failed is recorded; otherwise list each finding with its reason and exit 6.
#include <iostream>
#include <map>
#include <set>

#include "host/cli/commands.hpp"
#include "host/cli/online.hpp"
#include "host/cli/output.hpp"

namespace host {

namespace {
struct Finding {
  std::string kind;  // not_at_head | changed | unknown | pending | failed
  std::string revision;
  std::string reason;
  // For `changed`: what the history recorded and what the revision has now.
  std::string recorded_checksum{}, checksum{};
};
}  // namespace

int cmd_check(App& app) {
  const Graph& g = app.graph();
  ReadOnlySession session(app);
  std::vector<std::string> versions = session.store().versions();
  std::vector<HistoryRow> history = session.store().history();
  std::vector<Finding> findings;

  std::vector<std::string> known;
  for (const auto& v : versions) {
    if (g.find(v)) known.push_back(v);
    else
      findings.push_back(
          {"unknown", v, "recorded in " + session.books().version_table() + " but no configured provider has it"});
  }
  std::set<std::string> applied;
  for (const auto& id : g.ancestors_of(known)) applied.insert(id);
  for (const auto& id : g.topological_order())
    if (!applied.count(id)) findings.push_back({"not_applied", id, "not applied yet"});

  // The checksum each applied revision was last applied or stamped with.
  std::map<std::string, std::string> recorded;
  std::map<std::string, const HistoryRow*> latest;
  for (const auto& row : history) {
    latest[row.revision] = &row;
    if (row.state == "applied" && row.direction != "downgrade" && !row.checksum.empty())
      recorded[row.revision] = row.checksum;
  }
  if (!applied.empty()) {
    // Online, as the checksum is always an online run's (docs/checksums.md).
    Collector collector = app.collector(false);
    for (const auto& id : g.topological_order()) {
      auto it = recorded.find(id);
      if (!applied.count(id) || it == recorded.end()) continue;
      std::string now = collector.collect(g.at(id), Direction::upgrade, false).checksum;
      if (now != it->second)
        findings.push_back({"changed", id, "changed since it was applied (recorded " + it->second + ", now " + now + ")",
                            it->second, now});
    }
  }
  for (const auto& row : unresolved_pending(history))
    findings.push_back({"pending", row.revision,
                        "left 'pending' by a run started " + row.started_at + " after " +
                            std::to_string(row.statements_done) + " statement(s); the database may be partly changed"});
  for (const auto& [revision, row] : latest)
    if (row->state == "failed" && !applied.count(revision))
      findings.push_back({"failed", revision, "its last run failed at " + row->started_at + ": " + row->error_message});

  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& f : findings) {
      Json finding{{"kind", f.kind}, {"revision", f.revision}, {"reason", f.reason}};
      if (!f.checksum.empty()) {
        finding["recorded_checksum"] = f.recorded_checksum;
        finding["checksum"] = f.checksum;
      }
      list.push_back(std::move(finding));
    }
    print_json(Json{{"ok", findings.empty()}, {"current", versions}, {"heads", g.heads()}, {"findings", list}});
  } else if (findings.empty()) {
    std::cout << "ok: the database is at the heads and matches the revisions\n";
  } else {
    for (const auto& f : findings) std::cout << f.kind << ": " << f.revision << " " << f.reason << "\n";
  }
  return findings.empty() ? 0 : static_cast<int>(ExitCode::check);
}

}  // namespace host
