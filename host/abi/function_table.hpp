// Internal to host/abi: a loaded plugin's function table, the host's copy
// (zero past the size the plugin declared). LoadedPlugin holds it behind a
// pointer so that its header, read by the rest of the host, has no C struct.
#pragma once

#include <retort/abi.h>

#include <variant>

namespace host {

struct FunctionTable {
  std::variant<retort_dialect_v1, retort_provider_v1> table;
};

}  // namespace host
