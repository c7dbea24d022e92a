// Internal to host/abi: a loaded plugin's function table, the host's copy
// (zero past the size the plugin declared). LoadedPlugin holds it behind a
// pointer so that its header, read by the rest of the host, has no C struct.
#pragma once

#include <retort/abi.h>

#include <string>
#include <type_traits>
#include <variant>

#include "host/abi/loaded_plugin.hpp"
#include "host/errors/error.hpp"

namespace host {

struct FunctionTable {
  std::variant<retort_dialect_v1, retort_provider_v1> table;
};

/// The plugin's table as a `Table` (retort_dialect_v1 or retort_provider_v1);
/// a plugin of the other kind is a plugin error naming its file.
template <class Table>
const Table& function_table_of(const LoadedPlugin& plugin) {
  constexpr bool dialect = std::is_same_v<Table, retort_dialect_v1>;
  if (plugin.kind() != (dialect ? PluginKind::dialect : PluginKind::provider))
    plugin_error("plugin " + plugin.path.string() +
                 (dialect ? " is a revision provider, not a dialect" : " is a dialect, not a revision provider"));
  return std::get<Table>(plugin.functions->table);
}

}  // namespace host
