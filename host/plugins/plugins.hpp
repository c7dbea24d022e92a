// Everything host/plugins offers to the rest of the host, in one include.
// Components that need only one piece may include its header instead.
#pragma once

#include "host/plugins/connection.hpp"      // Connection: a live session
#include "host/plugins/database_error.hpp"  // DatabaseError: what a plugin reported
#include "host/plugins/dialect.hpp"         // Dialect: rendering, quoting, connecting
#include "host/plugins/inspect.hpp"         // Inspection: a file described without loading it
#include "host/plugins/loaded_plugin.hpp"   // LoadedPlugin, load_plugin()
#include "host/plugins/plugin_note.hpp"     // PluginNote, the ABI mismatch message
#include "host/plugins/provider.hpp"        // Provider: revisions and running them
#include "host/plugins/registry.hpp"        // PluginRegistry: choosing plugins
#include "host/plugins/search_path.hpp"     // default_plugin_dir(), scan_plugins()
