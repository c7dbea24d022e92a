// retort.plugins.lock pins a deployment: `retort plugins lock` records the
// SHA-256 of every plugin the configuration loads, and while the file exists
// a plugin whose bytes changed, or that was never pinned, is refused with
// exit 3 naming the file and both hashes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hostile.hpp"
#include "project.hpp"

namespace hostile {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using it::Project;

std::string sha256sum(const fs::path& file) {
  Result r = it::run_process({"sha256sum", file.string()}, "/");
  EXPECT_EQ(r.code, 0) << r.err;
  return r.out.substr(0, 64);
}

fs::path installed_plugin(const std::string& name) { return it::build_dir() / "lib" / "retort" / "plugins" / name; }

// A project whose revisions are its own copy of the shop plugin, so the
// test can change the bytes of a pinned plugin.
class PluginLock : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy_file(it::shop_plugin(), plugin());
    project.configure(plugin().string());
  }
  fs::path plugin() const { return project.dir() / "shop.so"; }
  fs::path lock_file() const { return project.dir() / "retort.plugins.lock"; }
  Project project{"sqlite"};
};

TEST_F(PluginLock, LockPinsTheDialectAndEveryProviderNextToTheConfig) {
  Result r = retort(project, {"plugins", "lock"});
  expect_outcome("lock", r, {0, {}});
  const std::string lock = it::read_file(lock_file());
  EXPECT_THAT(lock, HasSubstr("dialect sqlite sha256:" + sha256sum(installed_plugin("retort_sqlite.so"))));
  EXPECT_THAT(lock, HasSubstr("provider shop sha256:" + sha256sum(plugin())));
  EXPECT_THAT(lock, Not(HasSubstr("postgresql")));  // on the path, but not loaded by this configuration
  EXPECT_THAT(r.out, HasSubstr(lock_file().string()));
  expect_outcome("upgrade with the lock", retort(project, {"upgrade", "head"}), {0, {}});
}

TEST_F(PluginLock, AChangedPluginIsRefusedNamingTheFileAndBothHashes) {
  ASSERT_EQ(retort(project, {"plugins", "lock"}).code, 0);
  const std::string pinned = sha256sum(plugin());
  it::write_file(plugin(), it::read_file(plugin()) + "tampered");
  const std::string changed = sha256sum(plugin());
  expect_outcome("tampered", retort(project, {"heads"}),
                 {3, {plugin().string(), pinned, changed, lock_file().string()}});
  ASSERT_EQ(retort(project, {"plugins", "lock"}).code, 0);
  expect_outcome("pinned again", retort(project, {"heads"}), {0, {}});
}

TEST_F(PluginLock, APluginThatWasNeverPinnedIsRefused) {
  ASSERT_EQ(retort(project, {"plugins", "lock"}).code, 0);
  Result r = retort(project, {"--plugin-path", hostile_fixture("").string(), "--url", "junk://x", "upgrade", "head", "--sql"});
  expect_outcome("unpinned dialect", r, {3, {"junk_dialect.so", "not pinned", lock_file().string()}});
  project.configure(hostile_fixture("throwing_revisions.so").string());
  expect_outcome("unpinned provider", retort(project, {"heads"}), {3, {"throwing_revisions", "not pinned"}});
}

TEST_F(PluginLock, TheSqldirProviderIsPinnedByName) {
  project.use_sql_revisions({{"aaaa00000001", "", "CREATE TABLE t (id INTEGER);", ""}});
  ASSERT_EQ(retort(project, {"plugins", "lock"}).code, 0);
  EXPECT_THAT(it::read_file(lock_file()),
              HasSubstr("provider sqldir sha256:" + sha256sum(installed_plugin("retort_sqldir.so"))));
  expect_outcome("sqldir upgrade", retort(project, {"upgrade", "head"}), {0, {}});
}

TEST_F(PluginLock, WithoutAConfigFileTheLockIsInTheWorkingDirectory) {
  fs::remove(project.dir() / "retort.ini");
  Result r = retort(project, {"--url", "sqlite:///x.db", "plugins", "lock"});
  expect_outcome("lock without config", r, {0, {}});
  EXPECT_THAT(it::read_file(lock_file()), HasSubstr("dialect sqlite"));
  expect_outcome("nothing to pin", retort(project, {"plugins", "lock"}), {2, {"nothing to pin"}});
}

TEST_F(PluginLock, ALockBesideAConfigElsewhereIsTheOneRead) {
  const fs::path deploy = project.dir() / "deploy";
  it::write_file(deploy / "retort.ini", "[retort]\ndatabase_url = sqlite:///x.db\nrevisions = ../shop.so\n");
  ASSERT_EQ(retort(project, {"-c", "deploy/retort.ini", "plugins", "lock"}).code, 0);
  EXPECT_TRUE(fs::exists(deploy / "retort.plugins.lock"));
  EXPECT_FALSE(fs::exists(lock_file()));
  it::write_file(plugin(), it::read_file(plugin()) + "x");
  expect_outcome("tampered", retort(project, {"-c", "deploy/retort.ini", "heads"}),
                 {3, {(deploy / "retort.plugins.lock").string()}});
}

TEST_F(PluginLock, AMalformedLockIsAConfigurationErrorNamingFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"# comment\ndialect sqlite sha256:abc /x\n", ":2"},
      {"plugin sqlite sha256:" + std::string(64, 'a') + " /x\n", ":1"},
      {"dialect\n", ":1"},
      {std::string("\x7f" "ELF\x01\x02\0\0", 8), ":1"},
  };
  for (const auto& [content, line] : rows) {
    it::write_file(lock_file(), content);
    expect_outcome("lock " + content.substr(0, 20), retort(project, {"heads"}),
                   {2, {lock_file().string() + line}});
  }
  fs::remove(lock_file());
  fs::create_directory(lock_file());
  expect_outcome("lock is a folder", retort(project, {"heads"}), {2, {lock_file().string()}});
}

TEST_F(PluginLock, LockPrintsOneJsonDocument) {
  Result r = retort(project, {"--format", "json", "plugins", "lock"});
  expect_outcome("json", r, {0, {}});
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["lock_file"], lock_file().string());
  ASSERT_EQ(doc["plugins"].size(), 2u);
  EXPECT_EQ(doc["plugins"][0]["kind"], "dialect");
  EXPECT_EQ(doc["plugins"][1]["sha256"], sha256sum(plugin()));
}

}  // namespace
}  // namespace hostile
