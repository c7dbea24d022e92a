// Plugins are code: retort refuses to load one that someone other than its
// owner could have changed (the file, its folder, or the folder of a link to
// it, or a folder above it that is not sticky, is group- or world-writable),
// or that belongs to a user who is neither
// root nor the one running retort; --allow-untrusted-plugins overrides it.
// The ownership cases chown files to `nobody`, which needs root (or
// passwordless sudo); scripts/test.sh has one or the other.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include "hostile.hpp"
#include "project.hpp"

namespace hostile {
namespace {

using ::testing::HasSubstr;
using it::Project;

constexpr auto rwxr_xr_x = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec;
constexpr auto rw_r__r__ = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                           fs::perms::others_read;

// Hands `path` to the user nobody: as root directly, else through sudo.
void give_to_nobody(const fs::path& path) {
  const passwd* nobody = ::getpwnam("nobody");
  ASSERT_NE(nobody, nullptr) << "this system has no user 'nobody'";
  if (::geteuid() == 0) {
    ASSERT_EQ(::lchown(path.c_str(), nobody->pw_uid, static_cast<gid_t>(-1)), 0) << path;
    return;
  }
  Result r = it::run_process({"sudo", "-n", "chown", "-h", "nobody", path.string()}, "/");
  ASSERT_EQ(r.code, 0) << "changing the owner of a file needs root or passwordless sudo: " << r.err;
}

// A project whose revisions are a private copy of the shop plugin in
// plugins/, every permission set explicitly so the umask does not matter.
class Trust : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directory(folder());
    fs::permissions(folder(), rwxr_xr_x);
    fs::copy_file(it::shop_plugin(), plugin());
    fs::permissions(plugin(), rw_r__r__);
    project.configure(plugin().string());
  }
  fs::path folder() const { return project.dir() / "plugins"; }
  fs::path plugin() const { return folder() / "shop.so"; }

  // The refusal names the path and the reason; the flag overrides it.
  void expect_refused(const std::string& row, const fs::path& named, const std::string& reason) {
    expect_outcome(row, retort(project, {"heads"}), {3, {named.string(), reason, "--allow-untrusted-plugins"}});
    Result allowed = retort(project, {"--allow-untrusted-plugins", "heads"});
    expect_outcome(row + " allowed", allowed, {0, {}});
    EXPECT_THAT(allowed.out, HasSubstr(it::shop_ids.back()));
  }

  Project project{"sqlite"};
};

TEST_F(Trust, APluginOnlyItsOwnerCanWriteLoads) {
  Result r = retort(project, {"heads"});
  expect_outcome("trusted", r, {0, {}});
  EXPECT_THAT(r.out, HasSubstr(it::shop_ids.back()));
}

TEST_F(Trust, AWorldWritablePluginIsRefused) {
  fs::permissions(plugin(), fs::perms::others_write, fs::perm_options::add);
  expect_refused("o+w file", plugin(), "writable by every user");
}

TEST_F(Trust, AGroupWritablePluginIsRefused) {
  fs::permissions(plugin(), fs::perms::group_write, fs::perm_options::add);
  expect_refused("g+w file", plugin(), "writable by its group");
}

TEST_F(Trust, APluginInAWorldWritableFolderIsRefused) {
  fs::permissions(folder(), fs::perms::others_write, fs::perm_options::add);
  expect_refused("o+w folder", folder(), "writable by every user");
}

TEST_F(Trust, APluginInAStickyWorldWritableFolderIsRefusedToo) {
  fs::permissions(folder(), fs::perms::all | fs::perms::sticky_bit);
  expect_refused("/tmp-like folder", folder(), "writable by every user");
}

// Anyone who may rename entries of a folder above the plugin's may swap
// the plugin's whole folder for their own.
TEST_F(Trust, APluginBelowAWorldWritableFolderIsRefused) {
  fs::permissions(project.dir().path(), fs::perms::others_write, fs::perm_options::add);
  expect_refused("o+w folder above", project.dir().path(), "writable by every user");
}

// In a sticky folder (/tmp) nobody renames what they do not own.
TEST_F(Trust, APluginBelowAStickyWorldWritableFolderLoads) {
  fs::permissions(project.dir().path(), fs::perms::all | fs::perms::sticky_bit);
  expect_outcome("sticky folder above", retort(project, {"heads"}), {0, {}});
}

TEST_F(Trust, APluginOwnedByAnotherUserIsRefused) {
  give_to_nobody(plugin());
  expect_refused("owned by nobody", plugin(), "owned by nobody");
}

TEST_F(Trust, APluginInAFolderOwnedByAnotherUserIsRefused) {
  give_to_nobody(folder());
  expect_refused("folder owned by nobody", folder(), "owned by nobody");
}

TEST_F(Trust, ALinkFromAWorldWritableFolderIsRefused) {
  const fs::path drop = project.dir() / "drop";
  fs::create_directory(drop);
  fs::permissions(drop, fs::perms::all);
  fs::create_symlink(plugin(), drop / "shop.so");
  project.configure((drop / "shop.so").string());
  expect_refused("link in o+w folder", drop, "writable by every user");
}

TEST_F(Trust, AnUntrustedDialectOnThePluginPathIsRefusedNotSkipped) {
  const fs::path dialects = project.dir() / "dialects";
  fs::create_directory(dialects);
  fs::permissions(dialects, rwxr_xr_x);
  fs::copy_file(it::build_dir() / "lib" / "retort" / "plugins" / "retort_sqlite.so", dialects / "retort_sqlite.so");
  fs::permissions(dialects / "retort_sqlite.so", fs::perms::all);
  Result refused = retort(project, {"--plugin-path", dialects.string(), "current"});
  expect_outcome("o+w dialect", refused, {3, {"retort_sqlite.so", "writable by every user"}});
  expect_outcome("o+w dialect allowed",
                 retort(project, {"--allow-untrusted-plugins", "--plugin-path", dialects.string(), "current"}), {0, {}});
}

TEST_F(Trust, InspectingAnUntrustedFileRunsNothingAndIsAllowed) {
  fs::permissions(plugin(), fs::perms::all);
  Result r = retort(project, {"plugins", "inspect", plugin().string()});
  expect_outcome("inspect", r, {0, {}});
  EXPECT_THAT(r.out, HasSubstr("provider shop"));
}

TEST_F(Trust, TheOverrideCannotComeFromTheConfigFile) {
  fs::permissions(plugin(), fs::perms::all);
  project.configure(plugin().string(), "allow_untrusted_plugins = true");
  expect_outcome("config key", retort(project, {"heads"}), {2, {"allow_untrusted_plugins"}});
}

}  // namespace
}  // namespace hostile
