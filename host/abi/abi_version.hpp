// What the rest of the host may know of the ABI without including it: the
// version this host speaks and the name of a plugin's entry symbol, for
// `retort --version` and `plugins inspect`.
#pragma once

#include <string_view>

namespace host {

int host_abi_major() noexcept;
int host_abi_minor() noexcept;
/// RETORT_ENTRY_SYMBOL.
std::string_view plugin_entry_symbol() noexcept;

}  // namespace host
