// Finding plugins: the install default and scanning the plugin path.
#include <retort/abi.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "host/plugins/search_path.hpp"
#include "test_support.hpp"

namespace plugin_tests {
namespace {

TEST(PluginSearchPath, DefaultIsTheInstallLayoutBesideTheExecutable) {
  // Test programs are built into the build tree's bin/, as retort is.
  const char* build = std::getenv("RETORT_BUILD_DIR");
  ASSERT_NE(build, nullptr) << "RETORT_BUILD_DIR is set by ctest: run the tests through ctest";
  EXPECT_EQ(fs::weakly_canonical(host::default_plugin_dir()),
            fs::weakly_canonical(fs::path(build) / RETORT_PLUGIN_SUBDIR));
  EXPECT_EQ(host::default_plugin_dir(), host::default_plugin_dir().lexically_normal());
}

TEST(PluginSearchPath, ScansEachFolderInOrderByNameKeepingWhatItCannotUse) {
  TempDir first, second;
  first.link("z_dialect.so", fixture("fake_dialect"));
  first.link("a_revisions.so", fixture("fixture_revisions"));
  first.link("bad.so", fixture("bad.so"));
  first.write("readme.txt", "not a plugin");
  first.write("libother.so.1", "versioned names are not plugins");
  first.link("nested/deep.so", fixture("fake_dialect"));
  fs::create_directory(first.path() / "folder.so");
  second.link("m_garbage.so", fixture("garbage_dialect"));

  const auto found = host::scan_plugins({first.path(), first.path() / "missing", second.path(), first.path()});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].inspection.path, first.path() / "a_revisions.so");
  EXPECT_EQ(found[1].inspection.path, first.path() / "bad.so");
  EXPECT_EQ(found[2].inspection.path, first.path() / "z_dialect.so");
  EXPECT_EQ(found[3].inspection.path, second.path() / "m_garbage.so");
  EXPECT_EQ(found[0].folder, first.path());
  EXPECT_EQ(found[3].folder, second.path());
  EXPECT_EQ(found[1].inspection.problem, "not an ELF file");
  EXPECT_EQ(found[2].inspection.problem, "");
  ASSERT_TRUE(found[3].inspection.note);
  EXPECT_EQ(found[3].inspection.note->name, "garbage");
}

TEST(PluginSearchPath, ScanningLoadsNothing) {
  TempDir dir;
  dir.link("future.so", fixture("abi2_note"));
  dir.link("undefined.so", fixture("undefined_symbol"));
  dir.link("tripwire.so", fixture("tripwire"));  // aborts if loaded
  EXPECT_EQ(host::scan_plugins({dir.path()}).size(), 3u);
  EXPECT_FALSE(is_loaded(fixture("abi2_note")));
  EXPECT_FALSE(is_loaded(fixture("undefined_symbol")));
}

TEST(PluginSearchPath, NoFoldersFindNothing) {
  EXPECT_TRUE(host::scan_plugins({}).empty());
  EXPECT_TRUE(host::scan_plugins({"", "/nonexistent/retort/plugins"}).empty());
}

}  // namespace
}  // namespace plugin_tests
