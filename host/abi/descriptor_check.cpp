// check_descriptor(): everything the host verifies about a plugin's
// descriptor and function table before it calls anything else in it.
#include <cstring>
#include <initializer_list>
#include <utility>

#include "host/errors/error.hpp"
#include "host/abi/abi_sizes.hpp"
#include "host/abi/function_table.hpp"
#include "host/abi/loaded_plugin.hpp"
#include "host/abi/plugin_note.hpp"

namespace host {

namespace {

// Longer names and versions are not text anyone wrote on purpose: stop
// scanning there rather than read a garbage pointer to its end.
constexpr std::size_t max_label = 256;

// A host copy of a plugin struct: the first `declared` bytes (at most the
// host's size), the rest zero. Reads nothing past what the plugin declared.
template <class T>
T copy_declared(const void* source, std::uint32_t declared) {
  T copy;
  std::memset(&copy, 0, sizeof copy);
  std::memcpy(&copy, source, declared < sizeof copy ? declared : sizeof copy);
  return copy;
}

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& reason) {
  plugin_error("plugin " + file.string() + ": " + reason);
}

std::string label(const char* text, const char* what, const std::filesystem::path& file) {
  if (!text) refuse(file, std::string("its descriptor has no ") + what);
  const std::size_t size = ::strnlen(text, max_label + 1);
  if (size == 0) refuse(file, std::string("its descriptor has an empty ") + what);
  if (size > max_label)
    refuse(file, std::string("its ") + what + " is longer than " + std::to_string(max_label) + " bytes");
  return std::string(text, size);
}

void check_table_size(std::uint32_t declared, std::size_t needed, const char* kind,
                      const std::filesystem::path& file) {
  if (declared < needed)
    refuse(file, std::string("its ") + kind + " function table is " + std::to_string(declared) +
                     " bytes, smaller than ABI 1.0's " + std::to_string(needed));
}

void check_present(std::initializer_list<std::pair<const char*, bool>> functions,
                   const char* kind, const std::filesystem::path& file) {
  for (const auto& [name, present] : functions)
    if (!present) refuse(file, std::string("its ") + kind + " function '" + name + "' is missing");
}

retort_dialect_v1 dialect_table(const void* functions, const std::filesystem::path& file) {
  const auto declared = *static_cast<const std::uint32_t*>(functions);
  check_table_size(declared, abi_1_0::dialect_table_size, "dialect", file);
  const auto t = copy_declared<retort_dialect_v1>(functions, declared);
  check_present({{"connect", t.connect}, {"disconnect", t.disconnect}, {"execute", t.execute},
                 {"query", t.query}, {"begin", t.begin}, {"commit", t.commit},
                 {"rollback", t.rollback}, {"lock", t.lock}, {"unlock", t.unlock},
                 {"table_exists", t.table_exists}, {"render", t.render}, {"split", t.split},
                 {"quote_identifier", t.quote_identifier}, {"quote_literal", t.quote_literal}},
                "dialect", file);
  return t;
}

retort_provider_v1 provider_table(const void* functions, const std::filesystem::path& file) {
  const auto declared = *static_cast<const std::uint32_t*>(functions);
  check_table_size(declared, abi_1_0::provider_table_size, "provider", file);
  const auto t = copy_declared<retort_provider_v1>(functions, declared);
  check_present({{"open", t.open}, {"close", t.close}, {"revision_count", t.revision_count},
                 {"revision_at", t.revision_at}, {"run", t.run}},
                "provider", file);
  return t;
}

}  // namespace

LoadedPlugin check_descriptor(const retort_plugin_descriptor* descriptor,
                              const std::filesystem::path& file) {
  if (!descriptor) refuse(file, RETORT_ENTRY_SYMBOL " returned no descriptor");
  const std::uint32_t declared = descriptor->struct_size;
  const auto d = copy_declared<retort_plugin_descriptor>(descriptor, declared);

  // The version comes first: a plugin of another major may have any layout
  // after it, and "rebuild it" is the useful thing to say.
  if (declared >= abi_1_0::descriptor_version_end && !abi_compatible(d.abi_major))
    plugin_error(abi_mismatch_message(file, d.abi_major, d.abi_minor));
  if (declared < abi_1_0::descriptor_size)
    refuse(file, "its descriptor is " + std::to_string(declared) + " bytes, smaller than ABI 1.0's " +
                     std::to_string(abi_1_0::descriptor_size));
  if (d.kind != RETORT_PLUGIN_DIALECT && d.kind != RETORT_PLUGIN_PROVIDER)
    refuse(file, "its descriptor has an unknown kind " + std::to_string(d.kind));

  LoadedPlugin plugin{file, label(d.name, "name", file), label(d.version, "version", file),
                      d.abi_major, d.abi_minor};
  if (!d.functions) refuse(file, "its descriptor has no function table");
  auto table = std::make_shared<FunctionTable>();
  if (d.kind == RETORT_PLUGIN_DIALECT) {
    table->table = dialect_table(d.functions, file);
    plugin.plugin_kind = PluginKind::dialect;
  } else {
    table->table = provider_table(d.functions, file);
    plugin.plugin_kind = PluginKind::provider;
  }
  plugin.functions = std::move(table);
  return plugin;
}

}  // namespace host
