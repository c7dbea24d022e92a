// revision, merge: write a new revision file from the graph the configured
// providers give. They read the configuration and the revisions like every
// command, and never connect to a database.
#include <algorithm>
#include <iostream>
#include <set>

#include "host/cli/authoring/commands.hpp"
#include "host/cli/authoring/revision_destination.hpp"
#include "host/cli/authoring/revision_file.hpp"
#include "host/cli/output.hpp"
#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/target.hpp"

namespace host {
namespace {

// The graph, with a clearer message than "neither a folder nor a plugin"
// when a C++ project's plugin has not been built yet.
const Graph& authoring_graph(App& app) {
  std::vector<std::string> missing = missing_plugin_files(app.settings());
  if (!missing.empty())
    usage_error("revision plugin " + missing.front() +
                " does not exist yet: build it first (cmake -S . -B build && cmake --build build)");
  return app.graph();
}

// A target naming revisions of the graph ("head", "shop@head", a prefix,
// "heads"), resolved without a database: `current` and steps from it mean nothing here.
std::vector<std::string> named_ids(const Graph& graph, const std::string& text, const char* what) {
  std::vector<std::string> ids;
  for (Graph::Node node : named_revisions(graph, text, what)) ids.push_back(graph.revision(node).id);
  return ids;
}

std::string new_revision_id(const Graph& graph, const std::optional<std::string>& requested) {
  if (!requested) return fresh_revision_id(graph);
  if (!is_revision_id_text(*requested) || is_reserved_target_word(*requested))
    usage_error("--rev-id '" + printable(*requested) +
                "' is not a revision id: 1 to 64 of [A-Za-z0-9_], not head, heads, base or current");
  if (const Revision* existing = graph.find(*requested))
    graph_error("revision " + describe_revision(*existing) + " already exists");
  return *requested;
}

// Parent of `retort revision`: --head, else the only head, else none. A
// parent that is not a head starts a new branch, which is rarely meant
// (a stale id, a typo of a sibling), so as in Alembic it takes --splice.
std::vector<std::string> parent_of_new_revision(const Graph& graph, const std::optional<std::string>& head,
                                                bool splice) {
  if (head && *head == "base") return {};
  if (head) {
    std::vector<Graph::Node> nodes = named_revisions(graph, *head, "--head");
    if (nodes.size() != 1) graph_error("--head '" + printable(*head) + "' names several revisions; name one");
    const Revision& parent = graph.revision(nodes.front());
    if (!splice && !graph.child_nodes(nodes.front()).empty())
      graph_error("--head '" + printable(*head) + "': revision '" + parent.id +
                  "' is not a head; give --splice to start a new branch from it");
    return {parent.id};
  }
  std::vector<std::string> heads = graph.heads();
  if (heads.size() > 1)
    graph_error("several heads (" + quoted_list(heads) +
                "); choose the parent with --head REV, or join them first with 'retort merge'");
  return heads;
}

// Refuses what would not load: the new revision must join the graph as it
// is (labels on one branch, known dependencies), checked by the graph itself.
void check_it_joins(const Graph& graph, const Revision& candidate) {
  std::vector<Revision> all;
  all.reserve(graph.size() + 1);
  for (Graph::Node node = 0; node < graph.size(); ++node) all.push_back(graph.revision(node));
  all.push_back(candidate);
  Graph joined(std::move(all));
}

int write_revision(App& app, Revision& revision, const RevisionDestination& destination) {
  write_revision_file(app, revision, destination,
                      revision_file_text(revision, destination.language));
  return 0;
}

}  // namespace

RevisionDestination revision_destination(App& app, const Revision& revision) {
  const Revision* parent =
      revision.down_revisions.empty() ? nullptr : app.graph().find(revision.down_revisions.front());
  return choose_destination(app.settings(), app.invocation().template_name, parent);
}

void write_revision_file(App& app, Revision& revision, const RevisionDestination& destination,
                         const std::string& text) {
  revision.origin = (destination.folder / revision_file_name(revision, destination.language)).string();
  check_it_joins(app.graph(), revision);
  write_new_file(revision.origin, text);
  if (app.invocation().json)
    print_json(Json{{"revision", revision.id}, {"down_revisions", revision.down_revisions}, {"path", revision.origin}});
  else
    std::cout << revision.origin << "\n";
}

Revision new_revision(App& app) {
  const Invocation& inv = app.invocation();
  const Graph& graph = authoring_graph(app);
  Revision revision;
  revision.id = new_revision_id(graph, inv.rev_id);
  revision.message = one_line(inv.message.value_or(""));
  revision.down_revisions = parent_of_new_revision(graph, inv.head, inv.splice);
  revision.branch_labels = inv.branch_labels;
  for (const auto& label : revision.branch_labels)
    if (!is_branch_label_text(label))
      usage_error("--branch-label '" + printable(label) + "' is not a label: 1 to 64 of [A-Za-z0-9_-]");
  for (const auto& dependency : inv.depends_on)
    for (const auto& id : named_ids(graph, dependency, "--depends-on")) revision.depends_on.push_back(id);
  return revision;
}

int cmd_revision(App& app) {
  const Invocation& inv = app.invocation();
  Revision revision = new_revision(app);
  const Graph& graph = app.graph();
  RevisionDestination destination = revision_destination(app, revision);
  // A C++ project's graph comes from the built plugin; a source written
  // since the last build would be missed and the new revision would fork.
  if (!inv.head && destination.language == RevisionLanguage::cpp)
    if (auto unbuilt = unbuilt_revision_sources(destination.folder, graph); !unbuilt.empty())
      usage_error(unbuilt.front().string() +
                  " is not in the built plugin yet: build it first, or name the parent with --head");
  return write_revision(app, revision, destination);
}

int cmd_merge(App& app) {
  const Invocation& inv = app.invocation();
  const Graph& graph = authoring_graph(app);
  std::vector<std::string> heads = graph.heads();
  std::set<std::string> head_set(heads.begin(), heads.end());
  Revision revision;
  revision.id = new_revision_id(graph, inv.rev_id);
  for (const auto& text : inv.arguments)
    for (const auto& id : named_ids(graph, text, "revision")) {
      if (!head_set.count(id))
        graph_error("'" + id + "' is not a head; 'retort merge' joins heads (" + quoted_list(heads) + ")");
      if (std::find(revision.down_revisions.begin(), revision.down_revisions.end(), id) ==
          revision.down_revisions.end())
        revision.down_revisions.push_back(id);
    }
  if (revision.down_revisions.size() < 2)
    graph_error("a merge needs at least two different heads; got " + quoted_list(revision.down_revisions) +
                " (heads: " + quoted_list(heads) + ")");
  std::string fallback;
  for (const auto& id : revision.down_revisions) fallback += (fallback.empty() ? "merge " : ", ") + id;
  revision.message = inv.message ? one_line(*inv.message) : fallback;
  return write_revision(app, revision, revision_destination(app, revision));
}

}  // namespace host
