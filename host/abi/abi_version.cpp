#include "host/abi/abi_version.hpp"

#include <retort/abi.h>

namespace host {

int host_abi_major() noexcept { return RETORT_ABI_MAJOR; }
int host_abi_minor() noexcept { return RETORT_ABI_MINOR; }
std::string_view plugin_entry_symbol() noexcept { return RETORT_ENTRY_SYMBOL; }

}  // namespace host
