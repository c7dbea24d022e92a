#include "host/abi/loaded_plugin.hpp"

#include <retort/abi.h>

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/dll/shared_library.hpp>

#include "host/errors/error.hpp"
#include "host/abi/elf_reader.hpp"
#include "host/abi/inspect.hpp"
#include "host/abi/plugin_note.hpp"

namespace host {

namespace {

std::mutex& loader_mutex() {
  static auto* mutex = new std::mutex;
  return *mutex;
}

// Plugins stay resident: wrappers hold their function pointers and static
// strings, connections may outlive the registry, and a plugin may have
// registered thread-locals or atexit handlers that must not outlive its
// code. The list is deliberately never destroyed, not even at exit.
void keep_resident(boost::dll::shared_library library) {
  static auto* resident = new std::vector<boost::dll::shared_library>;
  std::lock_guard lock(loader_mutex());
  resident->push_back(std::move(library));
}

// Two plugins built with the SDK's inline statics exported (no
// -fvisibility=hidden) share them through STB_GNU_UNIQUE symbols, even when
// loaded RTLD_LOCAL: the second then returns the first one's descriptor and
// their revisions mix. Refuse that rather than run the wrong code.
void check_descriptor_is_own(const retort_plugin_descriptor* descriptor, void* handle,
                             const std::filesystem::path& file) {
  struct Owner {
    void* handle;
    std::filesystem::path file;
  };
  static auto* owners = new std::map<const retort_plugin_descriptor*, Owner>;
  std::lock_guard lock(loader_mutex());
  auto [found, added] = owners->emplace(descriptor, Owner{handle, file});
  if (!added && found->second.handle != handle)
    plugin_error("plugin " + file.string() + " returned the descriptor of plugin " +
                 found->second.file.string() +
                 ": they share the retort SDK's symbols; build plugins with -fvisibility=hidden "
                 "(CMake: CXX_VISIBILITY_PRESET hidden)");
}

// dlerror() usually starts with the file name the caller already gave;
// "FILE: invalid ELF header" reads better as "invalid ELF header".
std::string loader_reason(const std::filesystem::path& file, const std::error_code& ec) {
  const char* text = ::dlerror();
  std::string reason = text ? text : ec.message();
  for (const std::string& prefix : {file.string() + ": ", "./" + file.string() + ": "})
    if (reason.rfind(prefix, 0) == 0) return reason.substr(prefix.size());
  return reason;
}

}  // namespace

std::string_view kind_name(PluginKind kind) noexcept {
  return kind == PluginKind::dialect ? "dialect" : "provider";
}

LoadedPlugin load_plugin(const std::filesystem::path& file) {
  std::error_code status_ec;
  const auto status = std::filesystem::status(file, status_ec);
  if (!std::filesystem::exists(status)) plugin_error("plugin " + file.string() + " does not exist");
  // dlopen() of a FIFO would wait for a writer forever.
  if (!std::filesystem::is_regular_file(status))
    plugin_error("plugin " + file.string() + " is not a regular file");

  // Loading runs the plugin's static initializers; a plugin of another
  // major is refused from its note before any of its code runs.
  const Inspection inspection = inspect_plugin_file(file);
  if (inspection.note && !abi_compatible(inspection.note->abi_major))
    plugin_error(abi_mismatch_message(file, inspection.note->abi_major, inspection.note->abi_minor));

  try {
    elf::Reader(file).check_segments_inside_file();
  } catch (const elf::Malformed& damaged) {
    plugin_error("cannot load plugin " + file.string() + ": " + damaged.what());
  }

  std::error_code ec;
  boost::dll::shared_library library(file, ec, boost::dll::load_mode::rtld_now);
  if (ec || !library.is_loaded())
    plugin_error("cannot load plugin " + file.string() + ": " + loader_reason(file, ec));

  using entry_type = std::remove_pointer_t<retort_plugin_entry_fn>;
  const bool has_entry = library.has(RETORT_ENTRY_SYMBOL);
  retort_plugin_entry_fn entry = has_entry ? &library.get<entry_type>(RETORT_ENTRY_SYMBOL) : nullptr;
  void* const handle = library.native();
  keep_resident(std::move(library));
  if (!entry)
    plugin_error("plugin " + file.string() + " does not export " RETORT_ENTRY_SYMBOL
                 ": it is not a retort plugin");
  const retort_plugin_descriptor* descriptor = entry();
  LoadedPlugin plugin = check_descriptor(descriptor, file);
  check_descriptor_is_own(descriptor, handle, file);
  return plugin;
}

}  // namespace host
