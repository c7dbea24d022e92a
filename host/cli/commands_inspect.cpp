// current, heads, branches, history, show: read-only views of the graph and
// (for current and history) of the database's version and history tables.
#include <iostream>
#include <string_view>
#include <optional>
#include <unordered_set>

#include "host/cli/commands.hpp"
#include "host/cli/online.hpp"
#include "host/cli/output.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"

namespace host {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// How a revision is named in text output, "3f1c2a9b7d10 (shop) (head)", as
// Alembic prints it: the labels of every branch the revision is on (those it
// declares and those of its ancestors through down revisions), then whether
// it is a head. Built once per command, so a long history costs labels x
// revisions, not a graph walk per line.
class RevisionLabeler {
 public:
  explicit RevisionLabeler(const Graph& g) : g_(g), heads_(g.size()) {
    for (const auto& l : g.branch_labels()) members_.emplace_back(l, g.branch_members(l));
    for (Graph::Node h : g.head_nodes()) heads_.insert(h);
  }
  std::vector<std::string> branches(const Revision& r) const {
    std::vector<std::string> labels;
    const Graph::Node node = g_.node_of(r);
    for (const auto& [l, members] : members_)
      if (members.contains(node)) labels.push_back(l);
    return labels;
  }
  bool is_head(const Revision& r) const { return heads_.contains(g_.node_of(r)); }
  std::string operator()(const Revision& r) const {
    std::string s = r.id;
    std::vector<std::string> labels = branches(r);
    if (!labels.empty()) s += " (" + join(labels) + ")";
    if (is_head(r)) s += " (head)";
    return s;
  }

 private:
  const Graph& g_;
  std::vector<std::pair<std::string, NodeSet>> members_;
  NodeSet heads_;
};

Json revision_json(const RevisionLabeler& label, const Revision& r) {
  Json j;
  j["revision"] = r.id;
  j["down_revisions"] = r.down_revisions;
  j["branch_labels"] = r.branch_labels;
  j["branches"] = label.branches(r);
  j["depends_on"] = r.depends_on;
  j["message"] = r.message;
  j["transactional"] = r.transactional;
  j["is_head"] = label.is_head(r);
  j["origin"] = r.origin;
  return j;
}

// What `history` shows of a revision's rows: the latest that applied it.
struct Outcome {
  bool recorded = false;
  bool stamped = false;  // a stamp ran nothing: its 0 ms would read as a very fast run
  std::optional<long long> duration_ms;  // none: applied by an offline script
  std::string started_at;
};

// What the database holds, read without the lock: a reader may see a run in
// progress, which is what `current` should say.
struct DatabaseView {
  std::vector<std::string> versions;
  /// By graph node; the history is summed up as its rows arrive rather than
  /// kept, since a long one is 10,000 rows (bench/). Rows of revisions the
  /// graph does not know are not shown, so not kept either.
  std::vector<Outcome> applied;
};
DatabaseView read_database(App& app, const Graph* history_of) {
  ReadOnlySession session(app);
  hint_at_other_tools(session.connection(), session.books());
  VersionStore& store = session.store();
  DatabaseView v;
  v.versions = store.versions();
  if (!history_of) return v;
  const Graph& g = *history_of;
  v.applied.resize(g.size());
  store.each_history(Bookkeeping::HistoryColumns::outcomes, [&v, &g](HistoryRow&& row) {
    if (row.state != "applied") return;
    const std::optional<Graph::Node> node = g.find_node(row.revision);
    if (!node) return;
    Outcome& outcome = v.applied[*node];
    if (row.direction == "downgrade") outcome = Outcome{};
    else outcome = Outcome{true, row.direction == "stamp", row.duration_ms, std::move(row.started_at)};
  });
  return v;
}

}  // namespace

int cmd_current(App& app) {
  const Graph& g = app.graph();
  RevisionLabeler label(g);
  DatabaseView db = read_database(app, nullptr);
  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& v : db.versions) {
      const Revision* r = g.find(v);
      Json j = r ? revision_json(label, *r) : Json{{"revision", v}, {"unknown", true}};
      list.push_back(j);
    }
    print_json(Json{{"current", list}});
    return 0;
  }
  for (const auto& v : db.versions) {
    const Revision* r = g.find(v);
    std::cout << (r ? label(*r) : v + " (unknown to the configured revisions)") << "\n";
  }
  return 0;
}

TargetResult current_target(App& app) {
  DatabaseView db = read_database(app, nullptr);
  return {db.versions, db.versions, 0, {}};
}

int cmd_heads(App& app) {
  const Graph& g = app.graph();
  RevisionLabeler label(g);
  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& h : g.heads()) list.push_back(revision_json(label, g.at(h)));
    print_json(Json{{"heads", list}});
    return 0;
  }
  for (const auto& h : g.heads()) std::cout << label(g.at(h)) << "\n";
  return 0;
}

int cmd_branches(App& app) {
  const Graph& g = app.graph();
  RevisionLabeler label(g);
  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& b : g.branch_points()) {
      Json j = revision_json(label, g.at(b));
      j["children"] = g.children(b);
      list.push_back(j);
    }
    print_json(Json{{"branches", list}});
    return 0;
  }
  for (const auto& b : g.branch_points()) {
    std::cout << label(g.at(b)) << " (branchpoint)\n";
    for (const auto& c : g.children(b)) {
      const Revision& child = g.at(c);
      std::cout << "    -> " << label(child) << ", " << child.message << "\n";
    }
  }
  return 0;
}

int cmd_history(App& app) {
  const Graph& g = app.graph();
  RevisionLabeler label(g);
  DatabaseView db = read_database(app, &g);
  std::vector<const Revision*> revisions = app.invocation().range
                                                ? history_range(g, *app.invocation().range, db.versions)
                                                : g.history_order();
  const auto& applied = db.applied;
  const std::unordered_set<std::string_view> current(db.versions.begin(), db.versions.end());
  // Applied = ancestors of the version rows, whether or not history says when.
  std::vector<Graph::Node> known;
  for (const auto& v : db.versions)
    if (auto node = g.find_node(v)) known.push_back(*node);
  const NodeSet applied_nodes = g.ancestors_or_self(known);
  auto is_applied = [&](const Revision& r) { return applied_nodes.contains(g.node_of(r)); };

  if (app.invocation().json) {
    Json list = Json::array();
    for (const Revision* r : revisions) {
      Json j = revision_json(label, *r);
      j["applied"] = is_applied(*r);
      j["current"] = current.count(r->id) > 0;
      if (const Outcome& outcome = applied[g.node_of(*r)]; outcome.recorded && is_applied(*r)) {
        j["applied_at"] = outcome.started_at;
        j["duration_ms"] = outcome.duration_ms ? Json(*outcome.duration_ms) : Json(nullptr);
        j["stamped"] = outcome.stamped;
      }
      list.push_back(j);
    }
    print_json(Json{{"history", list}});
    return 0;
  }
  // A line is built whole and written once: eight insertions a line into the
  // stdio-synchronised std::cout were 8% of `retort history` at 10,000 (bench/).
  std::string line;
  for (const Revision* r : revisions) {
    line = r->down_revisions.empty() ? "<base>" : join(r->down_revisions);
    line += " -> ";
    line += label(*r);
    if (current.count(r->id)) line += " (current)";
    line += ", ";
    line += r->message;
    if (is_applied(*r)) {
      const Outcome& outcome = applied[g.node_of(*r)];
      if (!outcome.recorded) line += "  [applied]";
      else if (outcome.stamped) line += "  [stamped " + outcome.started_at + "]";
      else if (!outcome.duration_ms) line += "  [applied " + outcome.started_at + "]";
      else line += "  [applied " + outcome.started_at + ", " + std::to_string(*outcome.duration_ms) + " ms]";
    }
    line += '\n';
    std::cout.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  return 0;
}

// `show TARGET`: every revision the target names, in full. `heads` shows
// each head, and is a list in JSON whatever their number, so a script reading
// `show heads` sees the same shape with one head as with three.
int cmd_show(App& app) {
  const Graph& g = app.graph();
  RevisionLabeler label(g);
  const std::string& target = app.invocation().arguments.at(0);
  const std::vector<Graph::Node> shown = named_revisions(g, target, "show");
  Collector collector = app.collector(true);
  auto print_sql = [](const char* title, const std::string& dialect, const std::vector<std::string>& sql) {
    std::cout << "-- " << title << " (" << dialect << ")\n";
    for (const auto& s : sql) std::cout << s << (s.empty() || s.back() == ';' ? "\n" : ";\n");
    std::cout << "\n";
  };
  Json list = Json::array();
  for (Graph::Node node : shown) {
    const Revision& r = g.revision(node);
    RevisionScript up = collector.collect(r, Direction::upgrade, false);
    RevisionScript down = collector.collect(r, Direction::downgrade, false);
    if (app.invocation().json) {
      Json j = revision_json(label, r);
      j["dialect"] = app.dialect().name();
      j["checksum"] = up.checksum;
      j["upgrade_sql"] = up.statements;
      j["downgrade_sql"] = down.statements;
      list.push_back(j);
      continue;
    }
    std::cout << "Rev: " << label(r) << "\n"
              << "Parent: " << (r.down_revisions.empty() ? "<base>" : join(r.down_revisions)) << "\n";
    if (!r.branch_labels.empty()) std::cout << "Branch names: " << join(r.branch_labels) << "\n";
    if (!r.depends_on.empty()) std::cout << "Depends on: " << join(r.depends_on) << "\n";
    std::vector<std::string> children = g.children(r.id);
    if (!children.empty()) std::cout << "Children: " << join(children) << "\n";
    std::cout << "Transactional: " << (r.transactional ? "yes" : "no") << "\n"
              << "Checksum: " << up.checksum << "\n"
              << "Path: " << r.origin << "\n\n    " << r.message << "\n\n";
    print_sql("upgrade", app.dialect().name(), up.statements);
    print_sql("downgrade", app.dialect().name(), down.statements);
  }
  if (app.invocation().json)
    print_json(parse_target(target).anchor == TargetSpec::Anchor::heads ? Json{{"revisions", list}} : list.at(0));
  return 0;
}

}  // namespace host
