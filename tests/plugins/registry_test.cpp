// Choosing plugins: a dialect by URL scheme, a provider by name or file,
// loading nothing else.
#include <gtest/gtest.h>

#include "host/plugins/registry.hpp"
#include "test_support.hpp"

// The ABI this host speaks, as its messages spell it.
#include <retort/abi.h>
#define HOST_ABI RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR)

namespace plugin_tests {
namespace {

using host::ExitCode;
using host::PluginRegistry;

TEST(PluginRegistryLookup, ChoosesTheDialectBySchemeFromNotesAlone) {
  TempDir plugins;
  plugins.link("fake.so", fixture("fake_dialect"));
  plugins.link("a_tripwire.so", fixture("tripwire"));  // aborts if loaded
  plugins.link("unresolved.so", fixture("undefined_symbol"));
  PluginRegistry registry({plugins.path()});
  const host::Dialect& d = registry.dialect_for_scheme("fake");
  EXPECT_EQ(d.name(), "fake");
  EXPECT_EQ(d.path(), plugins.path() / "fake.so");
  EXPECT_EQ(&registry.dialect_for_scheme("FakeDB://"), &d);
  EXPECT_EQ(&registry.dialect_for_scheme("fakedb:"), &d);
  EXPECT_FALSE(is_loaded(fixture("undefined_symbol")));
}

TEST(PluginRegistryLookup, MissingDialectNamesSchemePackageAndFolders) {
  TempDir a, b;
  a.link("fake.so", fixture("fake_dialect"));
  PluginRegistry registry({a.path(), b.path(), "/nonexistent"});
  const std::string searched = " (searched: " + a.path().string() + ", " + b.path().string() + ", /nonexistent)";
  const Caught pg = catch_error([&] { registry.dialect_for_scheme("postgresql"); });
  EXPECT_EQ(pg.code, ExitCode::plugin);
  EXPECT_EQ(pg.message, "no dialect plugin for 'postgresql://' URLs: install retort-postgresql" + searched);
  EXPECT_EQ(catch_error([&] { registry.dialect_for_scheme("mysql"); }).message,
            "no dialect plugin for 'mysql://' URLs: install retort-mariadb" + searched);
  EXPECT_EQ(catch_error([&] { registry.dialect_for_scheme("oracle"); }).message,
            "no dialect plugin for 'oracle://' URLs: install a retort dialect plugin that answers 'oracle'" +
                searched);
  EXPECT_EQ(catch_error([] { PluginRegistry({}).dialect_for_scheme("sqlite"); }).message,
            "no dialect plugin for 'sqlite://' URLs: install retort (searched: no folders)");
}

TEST(PluginRegistryLookup, PackageNamesForKnownSchemes) {
  EXPECT_EQ(host::package_for_scheme("sqlite"), "retort");
  EXPECT_EQ(host::package_for_scheme("postgres"), "retort-postgresql");
  EXPECT_EQ(host::package_for_scheme("postgresql"), "retort-postgresql");
  EXPECT_EQ(host::package_for_scheme("mariadb"), "retort-mariadb");
  EXPECT_EQ(host::package_for_scheme("MySQL"), "retort-mariadb");
}

TEST(PluginRegistryLookup, StalePluginEarlierOnThePathDoesNotHideAGoodOne) {
  TempDir old_install, fresh;
  old_install.link("future.so", fixture("abi2_note"));  // answers fake:// too
  fresh.link("fake.so", fixture("fake_dialect"));
  PluginRegistry registry({old_install.path(), fresh.path()});
  EXPECT_EQ(registry.dialect_for_scheme("fake").path(), fresh.path() / "fake.so");
  EXPECT_FALSE(is_loaded(fixture("abi2_note")));
}

TEST(PluginRegistryLookup, OnlyAnIncompatiblePluginGivesTheAbiMessage) {
  TempDir plugins;
  plugins.link("future.so", fixture("abi2_note"));
  PluginRegistry registry({plugins.path()});
  const Caught e = catch_error([&] { registry.dialect_for_scheme("future"); });
  EXPECT_EQ(e.code, ExitCode::plugin);
  EXPECT_EQ(e.message, "plugin " + (plugins.path() / "future.so").string() +
                           " was built for retort ABI 2.0, but this retort speaks ABI " HOST_ABI " (it loads plugins of ABI 1.x): "
                           "rebuild it against retort ABI 1.x");
  EXPECT_FALSE(is_loaded(fixture("abi2_note")));
}

TEST(PluginRegistryLookup, MatchingPluginThatCannotBeUsedIsExplained) {
  TempDir plugins;
  plugins.link("broken.so", fixture("no_entry"));
  PluginRegistry registry({plugins.path()});
  EXPECT_EQ(catch_error([&] { registry.dialect_for_scheme("broken"); }).message,
            "plugin " + (plugins.path() / "broken.so").string() +
                " cannot be used: does not export retort_plugin_entry");
}

TEST(PluginRegistryLookup, ChosenPluginThatFailsToLoadIsAnError) {
  TempDir plugins;
  plugins.link("broken.so", fixture("missing_function"));
  PluginRegistry registry({plugins.path()});
  EXPECT_EQ(catch_error([&] { registry.dialect_for_scheme("broken"); }).message,
            "plugin " + (plugins.path() / "broken.so").string() + ": its dialect function 'render' is missing");
}

TEST(PluginRegistryLookup, ProvidersByNameAreNewInstancesEachTime) {
  TempDir plugins;
  plugins.link("revisions.so", fixture("fixture_revisions"));
  plugins.link("fake.so", fixture("fake_dialect"));
  plugins.link("tripwire.so", fixture("tripwire"));  // another provider: aborts if loaded
  PluginRegistry registry({plugins.path()});
  host::Provider& first = registry.provider_by_name("fixture_revisions");
  host::Provider& second = registry.provider_by_name("fixture_revisions");
  EXPECT_NE(&first, &second);
  first.open("");
  EXPECT_FALSE(second.is_open());
  EXPECT_EQ(first.revisions(0).size(), 3u);
  EXPECT_EQ(catch_error([&] { registry.provider_by_name("fake"); }).message,
            "no revision provider named 'fake' (searched: " + plugins.path().string() + ")");
}

TEST(PluginRegistryLookup, ProviderFromAFileAnywhere) {
  PluginRegistry registry({});
  host::Provider& p = registry.provider_from_file(fixture("fixture_revisions"));
  EXPECT_EQ(p.name(), "fixture_revisions");
  const Caught missing = catch_error([&] { registry.provider_from_file("/nonexistent/shop.so"); });
  EXPECT_EQ(missing.code, ExitCode::plugin);
  EXPECT_EQ(missing.message, "revision plugin /nonexistent/shop.so does not exist");
  EXPECT_EQ(catch_error([&] { registry.provider_from_file(fixture("fake_dialect")); }).message,
            "plugin " + fixture("fake_dialect").string() + " is a dialect, not a revision provider");
  EXPECT_EQ(catch_error([&] { registry.provider_from_file(fixture("bad.so")); }).message,
            "cannot load plugin " + fixture("bad.so").string() + ": invalid ELF header");
}

TEST(PluginRegistryLookup, ListShowsEverythingFoundInOrder) {
  TempDir plugins;
  plugins.link("b.so", fixture("fake_dialect"));
  plugins.link("a.so", fixture("bad.so"));
  PluginRegistry registry({plugins.path()});
  ASSERT_EQ(registry.list().size(), 2u);
  EXPECT_EQ(registry.list()[0].inspection.problem, "not an ELF file");
  EXPECT_EQ(registry.list()[1].inspection.note->name, "fake");
  EXPECT_EQ(registry.folders(), std::vector<fs::path>{plugins.path()});
}

}  // namespace
}  // namespace plugin_tests
