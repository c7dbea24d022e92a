// The authoring commands: they write files (a project, a revision) and never
// connect to a database. Their rows are in host/cli/command_table.cpp.
#pragma once

#include "host/cli/app.hpp"

namespace host {

/// init reads no configuration: the project it makes has none yet.
int cmd_init(const Invocation& invocation);
int cmd_revision(App& app);
int cmd_merge(App& app);

}  // namespace host
