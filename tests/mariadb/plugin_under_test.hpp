// The built retort_mariadb plugin, loaded as the host loads it: dlopen, the
// entry symbol, the descriptor and its function table.
#pragma once

#include <retort/sdk/common.hpp>

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace retort::mariadb::test {

class plugin_under_test {
 public:
  plugin_under_test() : handle_(dlopen(RETORT_MARIADB_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL)) {
    if (!handle_) throw std::runtime_error(std::string("dlopen: ") + dlerror());
    auto entry = reinterpret_cast<retort_plugin_entry_fn>(dlsym(handle_, RETORT_ENTRY_SYMBOL));
    if (!entry) throw std::runtime_error("no " RETORT_ENTRY_SYMBOL " in " RETORT_MARIADB_PLUGIN_FILE);
    descriptor_ = entry();
  }
  // Plugins stay resident, as in the host.
  const retort_plugin_descriptor& descriptor() const { return *descriptor_; }
  const retort_dialect_v1& dialect() const {
    return *static_cast<const retort_dialect_v1*>(descriptor_->functions);
  }

 private:
  void* handle_;
  const retort_plugin_descriptor* descriptor_ = nullptr;
};

/// A zeroed, sized error as the host provides it.
inline retort_error fresh_error() {
  retort_error e{};
  e.struct_size = sizeof e;
  e.statement_index = -1;
  return e;
}

}  // namespace retort::mariadb::test
