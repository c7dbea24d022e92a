// Loading plugins and refusing broken ones, with the messages a user sees.
#include <gtest/gtest.h>
#include <retort/abi.h>

#include <sys/stat.h>

#include <cstring>

#include "host/abi/abi_sizes.hpp"
#include "host/abi/function_table.hpp"
#include "host/abi/loaded_plugin.hpp"
#include "test_support.hpp"

// The ABI this host speaks, as its messages spell it.
#define HOST_ABI RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR)

namespace plugin_tests {
namespace {

using host::ExitCode;
using host::load_plugin;

Caught load_error(const fs::path& file) {
  return catch_error([&] { load_plugin(file); });
}

std::string prefix(const fs::path& file) { return "plugin " + file.string() + ": "; }

TEST(PluginLoad, ValidDialectLoadsWithItsDescriptor) {
  const host::LoadedPlugin plugin = load_plugin(fixture("fake_dialect"));
  EXPECT_EQ(plugin.kind(), host::PluginKind::dialect);
  EXPECT_EQ(plugin.name, "fake");
  EXPECT_EQ(plugin.version, "0.3.0");
  EXPECT_EQ(plugin.abi_major, 1);
  EXPECT_EQ(plugin.abi_minor, RETORT_ABI_MINOR);
  EXPECT_EQ(plugin.path, fixture("fake_dialect"));
}

TEST(PluginLoad, ValidRevisionPluginLoadsAsAProvider) {
  const host::LoadedPlugin plugin = load_plugin(fixture("fixture_revisions"));
  EXPECT_EQ(plugin.kind(), host::PluginKind::provider);
  EXPECT_EQ(plugin.name, "fixture_revisions");
}

TEST(PluginLoad, StrippedPluginLoads) { EXPECT_EQ(load_plugin(fixture("stripped_dialect")).name, "fake"); }

TEST(PluginLoad, MissingFileIsNamed) {
  const Caught e = load_error("/nonexistent/plugin.so");
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "plugin /nonexistent/plugin.so does not exist");
}

TEST(PluginLoad, FolderOrFifoIsNotLoaded) {
  TempDir dir;
  const fs::path fifo = dir.path() / "fifo.so";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(load_error(fifo).message, "plugin " + fifo.string() + " is not a regular file");
  EXPECT_EQ(load_error(dir.path()).message, "plugin " + dir.path().string() + " is not a regular file");
}

TEST(PluginLoad, NotASharedObjectGivesTheLoadersReason) {
  const Caught e = load_error(fixture("bad.so"));
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "cannot load plugin " + fixture("bad.so").string() + ": invalid ELF header");
}

TEST(PluginLoad, TruncatedPluginGivesTheLoadersReason) {
  TempDir dir;
  const fs::path cut = dir.write("cut.so", read_file(fixture("fake_dialect")).substr(0, 100));
  const Caught e = load_error(cut);
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message.rfind("cannot load plugin " + cut.string() + ": ", 0), 0u) << e.message;
}

TEST(PluginLoad, UnresolvedSymbolFailsAtLoadTimeNamingIt) {
  const Caught e = load_error(fixture("undefined_symbol"));
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message.rfind("cannot load plugin " + fixture("undefined_symbol").string() + ": ", 0), 0u);
  EXPECT_NE(e.message.find("undefined symbol: retort_fixture_missing"), std::string::npos) << e.message;
}

TEST(PluginLoad, MissingEntrySymbolIsNamed) {
  const Caught e = load_error(fixture("no_entry"));
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message,
            "plugin " + fixture("no_entry").string() + " does not export retort_plugin_entry: it is not a retort plugin");
}

TEST(PluginLoad, AnotherAbiMajorNamesFileAndBothVersions) {
  const Caught e = load_error(fixture("abi2"));
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "plugin " + fixture("abi2").string() +
                           " was built for retort ABI 2.1, but this retort speaks ABI " HOST_ABI " (it loads plugins of ABI 1.x): "
                           "rebuild it against retort ABI 1.x");
}

TEST(PluginLoad, AnotherAbiMajorInTheNoteIsRefusedWithoutRunningIt) {
  // The fixture aborts the process from a static initializer if loaded.
  const Caught e = load_error(fixture("abi2_note"));
  EXPECT_EQ(e.message, "plugin " + fixture("abi2_note").string() +
                           " was built for retort ABI 2.0, but this retort speaks ABI " HOST_ABI " (it loads plugins of ABI 1.x): "
                           "rebuild it against retort ABI 1.x");
  EXPECT_FALSE(is_loaded(fixture("abi2_note")));
}

// Both fixtures are built with default visibility; the SDK's own
// `#pragma GCC visibility push(hidden)` keeps its registry and descriptors
// private to each plugin anyway, so neither sees the other's.
TEST(PluginLoad, PluginsBuiltWithDefaultVisibilityKeepTheirOwnDescriptors) {
  EXPECT_EQ(load_plugin(fixture("exported_sdk_one")).name, "exported_sdk_one");
  EXPECT_EQ(load_plugin(fixture("exported_sdk_two")).name, "exported_sdk_two");
  EXPECT_EQ(load_plugin(fixture("exported_sdk_one")).name, "exported_sdk_one");
}

TEST(PluginLoad, BrokenDescriptorsAreRefusedNamingFileAndReason) {
  const std::string table = std::to_string(host::abi_1_0::dialect_table_size);
  const std::string descriptor = std::to_string(host::abi_1_0::descriptor_size);
  const std::pair<const char*, std::string> cases[] = {
      {"null_descriptor", "retort_plugin_entry returned no descriptor"},
      {"small_descriptor", "its descriptor is 8 bytes, smaller than ABI 1.0's " + descriptor},
      {"null_functions", "its descriptor has no function table"},
      {"small_table", "its dialect function table is 16 bytes, smaller than ABI 1.0's " + table},
      {"missing_function", "its dialect function 'render' is missing"},
      {"unknown_kind", "its descriptor has an unknown kind 7"},
      {"null_name", "its descriptor has no name"},
      {"long_name", "its name is longer than 256 bytes"},
  };
  for (const auto& [name, reason] : cases) {
    const Caught e = load_error(fixture(name));
    EXPECT_EQ(e.code, ExitCode::plugin) << name;
    EXPECT_EQ(e.message, prefix(fixture(name)) + reason);
  }
}

// Descriptors made in this process: the rules that need no shared object.
struct HandMade {
  retort_provider_v1 table{};
  retort_plugin_descriptor descriptor{};
  HandMade() {
    table.struct_size = sizeof table;
    table.open = [](retort_str, retort_provider_instance**, retort_error*) { return RETORT_FAILED; };
    table.close = [](retort_provider_instance*) {};
    table.revision_count = [](const retort_provider_instance*) -> std::size_t { return 0; };
    table.revision_at = [](const retort_provider_instance*, std::size_t) -> const retort_revision* {
      return nullptr;
    };
    table.run = [](retort_provider_instance*, std::size_t, std::int32_t, const retort_migration_context*,
                   retort_error*) { return RETORT_FAILED; };
    descriptor = {sizeof descriptor, RETORT_ABI_MAJOR, RETORT_ABI_MINOR, RETORT_PLUGIN_PROVIDER,
                  "hand", "1", &table};
  }
};

TEST(PluginDescriptorCheck, NewerMinorWithLargerStructsIsAccepted) {
  // A plugin of ABI 1.9 whose structs grew: the host reads its 1.0 part.
  struct Grown {
    retort_provider_v1 table;
    char appended[64];
  };
  HandMade made;
  Grown grown{};
  grown.table = made.table;
  grown.table.struct_size = sizeof grown;
  struct {
    retort_plugin_descriptor d;
    char appended[32];
  } bigger{};
  bigger.d = made.descriptor;
  bigger.d.struct_size = sizeof bigger;
  bigger.d.abi_minor = 9;
  bigger.d.functions = &grown;
  const host::LoadedPlugin plugin = host::check_descriptor(&bigger.d, "/hand.so");
  EXPECT_EQ(plugin.abi_minor, 9);
  EXPECT_EQ(plugin.kind(), host::PluginKind::provider);
  EXPECT_EQ(std::get<retort_provider_v1>(plugin.functions->table).struct_size, sizeof grown);
}

TEST(PluginDescriptorCheck, ProviderTableRulesAreChecked) {
  HandMade made;
  made.table.run = nullptr;
  EXPECT_EQ(catch_error([&] { host::check_descriptor(&made.descriptor, "/hand.so"); }).message,
            "plugin /hand.so: its provider function 'run' is missing");
  made.table.struct_size = 3;
  EXPECT_EQ(catch_error([&] { host::check_descriptor(&made.descriptor, "/hand.so"); }).message,
            "plugin /hand.so: its provider function table is 3 bytes, smaller than ABI 1.0's " +
                std::to_string(host::abi_1_0::provider_table_size));
}

TEST(PluginDescriptorCheck, TinyDescriptorIsTooSmallNotAnotherAbi) {
  HandMade made;
  made.descriptor.struct_size = 4;  // the version fields are not even there
  made.descriptor.abi_major = 2;
  EXPECT_EQ(catch_error([&] { host::check_descriptor(&made.descriptor, "/hand.so"); }).message,
            "plugin /hand.so: its descriptor is 4 bytes, smaller than ABI 1.0's " +
                std::to_string(host::abi_1_0::descriptor_size));
}

TEST(PluginDescriptorCheck, EmptyVersionIsRefused) {
  HandMade made;
  made.descriptor.version = "";
  EXPECT_EQ(catch_error([&] { host::check_descriptor(&made.descriptor, "/hand.so"); }).message,
            "plugin /hand.so: its descriptor has an empty version");
}

}  // namespace
}  // namespace plugin_tests
