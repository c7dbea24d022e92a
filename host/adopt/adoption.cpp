#include "host/adopt/adoption.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "host/errors/error.hpp"

namespace host::adopt {

namespace {

// A version as numbers without leading zeros, compared part by part;
// trailing zero parts dropped (Flyway's 1.0 is 1).
using Key = std::vector<std::string>;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<Key> numeric_key(std::string_view text, bool dotted) {
  Key key;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_digit(text[i])) continue;
    if (i == begin) return std::nullopt;
    if (i < text.size() && !(dotted && (text[i] == '.' || text[i] == '_'))) return std::nullopt;
    std::string_view part = text.substr(begin, i - begin);
    while (part.size() > 1 && part.front() == '0') part.remove_prefix(1);
    key.emplace_back(part);
    begin = i + 1;
  }
  while (key.size() > 1 && key.back() == "0") key.pop_back();
  return key;
}

bool key_less(const Key& a, const Key& b) {
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i].size() != b[i].size()) return a[i].size() < b[i].size();
    if (a[i] != b[i]) return a[i] < b[i];
  }
  return a.size() < b.size();
}

// The key of a revision of the tool's layout (sqldir's ids: the digits;
// Flyway's `V` and the version with `_` for `.`), none for other revisions
// (retort's own, added after the tool's).
std::optional<Key> revision_key(Tool tool, std::string_view id) {
  if (tool == Tool::flyway) {
    if (id.size() < 2 || id.front() != 'V') return std::nullopt;
    return numeric_key(id.substr(1), true);
  }
  return numeric_key(id, false);
}

std::string listed(const std::vector<std::string>& items, std::size_t at_most = 5) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < at_most; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > at_most) out += " and " + std::to_string(items.size() - at_most) + " more";
  return out;
}

// The versions' revisions, and those the folder does not have.
std::set<std::string> applied_revisions(const Graph& graph, Tool tool, const ToolRecord& record,
                                        std::string_view table) {
  std::map<Key, std::string, decltype(&key_less)> by_key(&key_less);
  for (const auto& id : graph.topological_order()) {
    if (tool == Tool::alembic) break;  // its versions are ids
    const auto key = revision_key(tool, id);
    if (!key) continue;
    const auto [at, inserted] = by_key.emplace(*key, id);
    if (!inserted)
      graph_error("revisions " + at->second + " and " + id + " are the same version to " +
                  std::string(tool_table(tool).title) + ", so " + std::string(table) +
                  " cannot say which is applied: rename one");
  }
  std::set<std::string> applied;
  std::vector<std::string> missing;
  for (const auto& version : record.applied) {
    const auto key = tool == Tool::alembic ? std::nullopt : numeric_key(version, tool == Tool::flyway);
    const auto found = key ? by_key.find(*key) : by_key.end();
    if (found != by_key.end())
      applied.insert(found->second);
    else if (!key && graph.find(version))  // a version that is no number: the id itself (Alembic's)
      applied.insert(version);
    else
      missing.push_back(version);
  }
  if (!missing.empty())
    graph_error(std::string(table) + " records " + (missing.size() == 1 ? "version " : "versions ") +
                listed(missing) + " as applied, but no configured revision is " +
                (missing.size() == 1 ? "it" : "them") +
                ": point `revisions` at the folder that tool ran, with every file it applied");
  if (record.through) {
    const auto through = numeric_key(*record.through, tool == Tool::flyway);
    for (const auto& [key, id] : by_key)
      if (through && !key_less(*through, key)) applied.insert(id);
  }
  return applied;
}

}  // namespace

Adoption map_onto_graph(const Graph& graph, Tool tool, const ToolRecord& record, std::string_view table) {
  std::set<std::string> applied = applied_revisions(graph, tool, record, table);
  // Alembic's rows are heads: what they need is applied with them.
  if (tool == Tool::alembic && !applied.empty())
    for (const auto& id : graph.ancestors_of({applied.begin(), applied.end()})) applied.insert(id);

  // Every applied revision's parents and dependencies applied too makes,
  // by induction, all its ancestors applied.
  Adoption adoption;
  std::set<std::string> needed;
  for (const auto& id : graph.topological_order()) {
    if (!applied.count(id)) continue;
    adoption.applied.push_back(id);
    const Revision& revision = graph.at(id);
    for (const auto* parents : {&revision.down_revisions, &revision.depends_on})
      for (const auto& parent : *parents) {
        needed.insert(parent);
        if (!applied.count(parent))
          graph_error(std::string(table) + " records " + id + " as applied but not " + parent +
                      ", which it needs: retort's version rows cannot hold that gap; apply " + parent + " with " +
                      std::string(tool_table(tool).title) + " first, then adopt");
      }
  }
  for (const auto& id : adoption.applied)
    if (!needed.count(id)) adoption.heads.push_back(id);
  return adoption;
}

}  // namespace host::adopt
