// check: exit 0 only if the database is at the heads, every applied revision
// still has the checksum it was applied with, every repeatable revision ran
// with the checksum it has now, and nothing unknown, pending or failed is
// recorded; otherwise list each finding with its reason and exit 6.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "host/cli/commands.hpp"
#include "host/cli/models.hpp"
#include "host/cli/online.hpp"
#include "host/cli/output.hpp"
#include "host/cli/scratch.hpp"
#include "host/errors/error.hpp"
#include "host/run/repeatables.hpp"
#include "host/schema/compare.hpp"

namespace host {

namespace {
struct Finding {
  std::string kind;  // not_applied | changed | repeatable | unknown | pending | failed | drift | models
  std::string revision;  // for drift: the object ("orders.note")
  std::string reason;
  // For `changed` and `repeatable`: what the history recorded and what the revision has now.
  std::string recorded_checksum{}, checksum{};
};

// "column orders.note added outside the revisions (type ...)".
std::string drift_reason(const schema::Difference& d) {
  std::string reason = d.kind + " " + schema::change_name(d.change) + " outside the revisions";
  if (!d.detail.empty()) reason += ": " + d.detail;
  return reason;
}

struct DriftCheck {
  bool compared = false;
  std::string why_not;                    // when not compared
  std::vector<std::string> not_compared;  // not-managed objects, when compared
};

// Drift: the live schema against the applied revisions replayed into a
// scratch database. Not-managed objects are named, never compared. Revisions
// that cannot be replayed from nothing (they need data or objects no
// revision made) leave the schema uncompared, said in so many words.
DriftCheck find_drift(App& app, Connection& live_connection, const std::vector<std::string>& applied,
                      const std::vector<const Revision*>& repeatables_ran, std::vector<Finding>& findings) {
  DriftCheck check;
  const schema::Schema live =
      read_schema_of(live_connection, app.settings());
  // Only the replay's failure leaves the schema uncompared; a scratch
  // database that cannot be made is an error of its own.
  struct NotReplayable {
    std::string why;
  };
  auto replay = [&] {
    ScratchDatabase scratch(app);
    try {
      scratch.upgrade(applied);
      scratch.run_repeatables(repeatables_ran);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted_int || e.code() == ExitCode::interrupted_term) throw;
      throw NotReplayable{e.what()};
    }
    return scratch.read();
  };
  schema::Schema expected;
  try {
    if (SchemaCache* cache = app.schema_cache()) {
      // The schema depends on the repeatables that ran too (their order is
      // the graph's, the same for every target).
      std::vector<std::string> key = applied;
      std::sort(key.begin(), key.end());
      std::vector<std::string> ran;
      for (const Revision* r : repeatables_ran) ran.push_back(r->id);
      expected = cache->get("applied:" + schema::joined(key) + "\nrepeatables:" + schema::joined(ran), replay);
    } else {
      expected = replay();
    }
  } catch (const NotReplayable& e) {
    check.why_not = e.why;
    return check;
  }
  for (const auto& d : schema::compare(expected, live)) findings.push_back({"drift", d.object, drift_reason(d)});
  check.compared = true;
  check.not_compared = schema::not_compared(expected, live);
  return check;
}

// Models ahead of the revisions (as `alembic check`): head replayed into a
// scratch database against the models, one finding per difference.
void find_models_ahead(App& app, std::vector<Finding>& findings) {
  auto replay_head = [&] {
    schema::Schema head;
    if (!app.graph().heads().empty()) {
      ScratchDatabase scratch(app);
      scratch.upgrade({"heads"});
      head = scratch.read();
    }
    return head;
  };
  // A fleet reads the models and replays head once for all its targets.
  SchemaCache* cache = app.schema_cache();
  const schema::Schema models = cache ? cache->get("models", [&] { return read_models(app).schema; })
                                      : read_models(app).schema;
  const schema::Schema head = cache ? cache->get("heads", replay_head) : replay_head();
  for (const auto& d : schema::compare(head, models))
    findings.push_back({"models", d.object,
                        "models differ from head: " + d.kind + " " + schema::change_name(d.change) + " in the models" +
                            (d.detail.empty() ? "" : " (" + d.detail + ")") + "; run retort revision --autogenerate"});
}

// Why the schema is not compared this time, or "" to compare it.
std::string drift_skipped_because(const App& app, const std::vector<Finding>& findings) {
  if (app.invocation().no_drift) return "--no-drift";
  for (const auto& f : findings)
    if (f.kind == "unknown" || f.kind == "changed" || f.kind == "repeatable" || f.kind == "pending")
      return "the findings above come first (with a revision '" + f.kind + "', the schema is not expected to match)";
  return "";
}
}  // namespace

namespace {
struct CheckReport {
  std::vector<std::string> versions;
  std::vector<Finding> findings;
  DriftCheck drift;
};

CheckReport checked(App& app) {
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
  // Repeatable revisions: one that never ran is not applied; one whose
  // checksum moved since its last successful run will run again.
  std::vector<const Revision*> repeatables_ran;
  std::set<std::string> repeatables_current;
  if (!g.repeatables().empty()) {
    for (const RepeatableState& r : repeatable_states(g, app.collector(false), history)) {
      if (!r.recorded) {
        findings.push_back({"not_applied", r.revision->id, "not applied yet (repeatable: runs on 'upgrade head')"});
        continue;
      }
      repeatables_ran.push_back(r.revision);
      if (r.due())
        findings.push_back({"repeatable", r.revision->id,
                            "will run again on upgrade: checksum changed (recorded " + *r.recorded + ", now " +
                                r.checksum + ")",
                            *r.recorded, r.checksum});
      else
        repeatables_current.insert(r.revision->id);
    }
  }
  for (const auto& row : unresolved_pending(history))
    findings.push_back({"pending", row.revision,
                        "left 'pending' by a run started " + row.started_at + " after " +
                            std::to_string(row.statements_done) + " statement(s); the database may be partly changed"});
  for (const auto& [revision, row] : latest)
    if (row->state == "failed" && !applied.count(revision) && !repeatables_current.count(revision))
      findings.push_back({"failed", revision, "its last run failed at " + row->started_at + ": " + row->error_message});

  // What the revisions make is replayed from the versions the database records.
  DriftCheck drift;
  drift.why_not = drift_skipped_because(app, findings);
  if (drift.why_not.empty()) drift = find_drift(app, session.connection(), known, repeatables_ran, findings);
  if (!app.settings().models.empty() && !app.invocation().no_drift) find_models_ahead(app, findings);
  return {versions, findings, drift};
}
}  // namespace

TargetResult check_target(App& app) {
  CheckReport report = checked(app);
  TargetResult result{report.versions, report.versions, 0, {}};
  if (!report.drift.compared) result.note = "schema not compared: " + report.drift.why_not;
  if (report.findings.empty()) return result;
  const Finding& first = report.findings.front();
  result.exit_code = static_cast<int>(ExitCode::check);
  result.error = first.kind + ": " + first.revision + " " + first.reason;
  if (report.findings.size() > 1) result.error += " (and " + std::to_string(report.findings.size() - 1) + " more)";
  return result;
}

int cmd_check(App& app) {
  const Graph& g = app.graph();
  CheckReport report = checked(app);
  const auto& versions = report.versions;
  const auto& findings = report.findings;
  const auto& drift = report.drift;
  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& f : findings) {
      const bool on_object = f.kind == "drift" || f.kind == "models";
      Json finding{{"kind", f.kind}, {on_object ? "object" : "revision", f.revision}, {"reason", f.reason}};
      if (!f.checksum.empty()) {
        finding["recorded_checksum"] = f.recorded_checksum;
        finding["checksum"] = f.checksum;
      }
      list.push_back(std::move(finding));
    }
    print_json(Json{{"ok", findings.empty()},
                    {"current", versions},
                    {"heads", g.heads()},
                    {"findings", list},
                    {"schema_compared", drift.compared},
                    {"schema_not_compared_because", drift.compared ? Json(nullptr) : Json(drift.why_not)},
                    {"not_compared", drift.not_compared}});
  } else {
    if (findings.empty())
      std::cout << "ok: the database is at the heads and matches the revisions"
                << (app.settings().models.empty() || app.invocation().no_drift ? "" : ", and the revisions the models")
                << "\n";
    for (const auto& f : findings) std::cout << f.kind << ": " << f.revision << " " << f.reason << "\n";
    if (!drift.compared) std::cout << "the schema was not compared with the revisions: " << drift.why_not << "\n";
    if (!drift.not_compared.empty()) {
      std::cout << "not compared (retort does not read them):";
      for (const auto& o : drift.not_compared) std::cout << " " << o << (&o == &drift.not_compared.back() ? "" : ",");
      std::cout << "\n";
    }
  }
  return findings.empty() ? 0 : static_cast<int>(ExitCode::check);
}

}  // namespace host
