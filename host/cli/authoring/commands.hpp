// The authoring commands: they write files (a project, a revision) and never
// connect to a database. Their rows are in host/cli/command_table.cpp.
#pragma once

#include "host/cli/app.hpp"
#include "host/cli/authoring/revision_destination.hpp"

namespace host {

/// init reads no configuration: the project it makes has none yet.
int cmd_init(const Invocation& invocation);
int cmd_revision(App& app);
int cmd_merge(App& app);

/// What `retort revision` would write, before it is written: its id, message,
/// parents, labels and dependencies from the command line and the graph.
Revision new_revision(App& app);
/// Writes `text` as `revision`'s file in its destination (revision.origin
/// set), after checking it joins the graph; prints the path (or JSON).
void write_revision_file(App& app, Revision& revision, const RevisionDestination& destination,
                         const std::string& text);
/// Where `revision` goes: the folder of its parent's sqldir, or --template's.
RevisionDestination revision_destination(App& app, const Revision& revision);

}  // namespace host
