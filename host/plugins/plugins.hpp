// Everything the rest of the host uses of plugins, in one include: the
// wrappers of the C waist (host/abi) and choosing plugins (host/plugins).
// Components that need only one piece may include its header instead.
#pragma once

#include "host/abi/connection.hpp"      // Connection: a live session
#include "host/abi/database_error.hpp"  // DatabaseError: what a plugin reported
#include "host/abi/dialect.hpp"         // Dialect: rendering, quoting, connecting
#include "host/abi/inspect.hpp"         // Inspection: a file described without loading it
#include "host/abi/loaded_plugin.hpp"   // LoadedPlugin, load_plugin()
#include "host/abi/plugin_note.hpp"     // PluginNote, the ABI mismatch message
#include "host/abi/provider.hpp"        // Provider: revisions and running them
#include "host/plugins/registry.hpp"    // PluginRegistry: choosing plugins
#include "host/plugins/search_path.hpp" // default_plugin_dir(), scan_plugins()
