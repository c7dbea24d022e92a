// The catalogue's plugin rows: files that are not plugins (text, empty,
// truncated ELF, a folder or a FIFO named like one, a device), and plugins
// whose descriptor or revision records are broken (tests/plugins' fixtures:
// null tables, absurd sizes, unknown kinds, another ABI major). Each must be
// refused with exit 3 and one line naming the file and the reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "hostile.hpp"
#include "project.hpp"

namespace hostile {
namespace {

using it::Project;
using it::write_file;

std::string prefix_of(const fs::path& file, std::size_t bytes) { return it::read_file(file).substr(0, bytes); }

fs::path sqlite_plugin() { return it::build_dir() / "lib" / "retort" / "plugins" / "retort_sqlite.so"; }

struct FileRow {
  std::string name;
  fs::path file;
  Outcome outcome;
};

TEST(HostilePluginFiles, FilesThatAreNotPluginsAreRefusedNamingFileAndReason) {
  Project project("sqlite");
  const fs::path dir = project.dir().path();
  write_file(dir / "text.so", "This is a text file that is long enough to hold an ELF header, but is not one.\n");
  write_file(dir / "empty.so", "");
  write_file(dir / "header_only.so", prefix_of(sqlite_plugin(), 64));
  write_file(dir / "truncated.so", prefix_of(sqlite_plugin(), 8192));
  write_file(dir / "elf_garbage.so", prefix_of(sqlite_plugin(), 16) + std::string(4096, '\xff'));
  ASSERT_EQ(::mkfifo((dir / "fifo.so").c_str(), 0644), 0);
  fs::create_symlink(dir / "loop_b.so", dir / "loop_a.so");
  fs::create_symlink(dir / "loop_a.so", dir / "loop_b.so");
  const std::vector<FileRow> rows = {
      {"text", dir / "text.so", {3, {"text.so", "invalid ELF header"}}},
      {"empty", dir / "empty.so", {3, {"empty.so"}}},
      {"ELF header only", dir / "header_only.so", {3, {"header_only.so"}}},
      {"truncated ELF", dir / "truncated.so", {3, {"truncated.so"}}},
      {"ELF magic then garbage", dir / "elf_garbage.so", {3, {"elf_garbage.so"}}},
      {"FIFO", dir / "fifo.so", {3, {"fifo.so", "not a regular file"}}},
      {"device", "/dev/zero", {3, {"/dev/zero", "not a regular file"}}},
      {"symlink loop", dir / "loop_a.so", {2, {"loop_a.so", "symbolic links"}}},
      {"no entry symbol", it_fixture("no_entry.so"), {3, {"no_entry.so", "retort_plugin_entry"}}},
      {"unresolved symbol", plugin_fixture("undefined_symbol.so"), {3, {"undefined_symbol.so", "retort_fixture_missing"}}},
      {"ABI major 2", it_fixture("abi_major_two.so"), {3, {"abi_major_two.so", "2.0"}}},
      {"a dialect as revisions", sqlite_plugin(), {3, {"retort_sqlite.so", "dialect"}}},
  };
  for (const auto& row : rows) {
    project.configure(row.file.string());
    expect_outcome("revisions = " + row.name, retort(project, {"heads"}), row.outcome);
  }
}

TEST(HostilePluginFiles, InspectDescribesEveryNonPluginWithoutHangingOrCrashing) {
  Project project("sqlite");
  const fs::path dir = project.dir().path();
  write_file(dir / "text.so", "plain text\n");
  write_file(dir / "empty.so", "");
  write_file(dir / "truncated.so", prefix_of(sqlite_plugin(), 8192));
  fs::create_directory(dir / "folder.so");
  ASSERT_EQ(::mkfifo((dir / "fifo.so").c_str(), 0644), 0);
  for (const char* name : {"text.so", "empty.so", "truncated.so", "folder.so", "fifo.so", "missing.so"}) {
    Result r = retort(project, {"plugins", "inspect", (dir / name).string()});
    expect_outcome(std::string("inspect ") + name, r, {3, {name}});
    EXPECT_THAT(r.out, ::testing::HasSubstr("not a retort plugin")) << name;
  }
  expect_outcome("inspect /dev/zero", retort(project, {"plugins", "inspect", "/dev/zero"}), {3, {"/dev/zero"}});
}

TEST(HostilePluginFiles, NonPluginsOnThePluginPathAreSkippedNotLoaded) {
  Project project("sqlite");
  const fs::path plugins = project.dir() / "plugins";
  write_file(plugins / "text.so", "plain text\n");
  write_file(plugins / "truncated.so", prefix_of(sqlite_plugin(), 8192));
  fs::create_directory(plugins / "folder.so");
  ASSERT_EQ(::mkfifo((plugins / "fifo.so").c_str(), 0644), 0);
  project.use_shop();
  Result listed = retort(project, {"--plugin-path", plugins.string(), "plugins"});
  expect_outcome("plugins", listed, {0, {}});
  EXPECT_THAT(listed.out, ::testing::HasSubstr("truncated.so"));
  EXPECT_THAT(listed.out, ::testing::Not(::testing::HasSubstr("fifo.so")));
  expect_outcome("upgrade", retort(project, {"--plugin-path", plugins.string(), "upgrade", "head"}), {0, {}});
}

TEST(HostilePluginDescriptors, BrokenDescriptorsAreRefusedNamingFileAndDefect) {
  const std::vector<FileRow> rows = {
      {"null descriptor", plugin_fixture("null_descriptor.so"), {3, {"null_descriptor.so", "no descriptor"}}},
      {"null function table", plugin_fixture("null_functions.so"), {3, {"null_functions.so", "no function table"}}},
      {"8-byte descriptor", plugin_fixture("small_descriptor.so"), {3, {"small_descriptor.so", "8 bytes"}}},
      {"16-byte function table", plugin_fixture("small_table.so"), {3, {"small_table.so", "16 bytes"}}},
      {"missing function", plugin_fixture("missing_function.so"), {3, {"missing_function.so", "render"}}},
      {"unknown kind", plugin_fixture("unknown_kind.so"), {3, {"unknown_kind.so", "kind 7"}}},
      {"null name", plugin_fixture("null_name.so"), {3, {"null_name.so", "name"}}},
      {"300-byte name", plugin_fixture("long_name.so"), {3, {"long_name.so", "longer than"}}},
      {"ABI 2 descriptor", plugin_fixture("abi2.so"), {3, {"abi2.so", "2.1"}}},
  };
  Project project("sqlite");
  for (const auto& row : rows) {
    project.configure(row.file.string());
    expect_outcome("revisions = " + row.name, retort(project, {"heads"}), row.outcome);
  }
  project.use_shop();
  expect_outcome("dialect by scheme",
                 retort(project, {"--plugin-path", plugin_fixture("").string(), "--url", "broken://x", "current"}),
                 {3, {"broken"}});
}

TEST(HostilePluginDescriptors, AbsurdlyLargeStructSizesAreReadOnlyAsFarAsThisHostKnows) {
  Project project("sqlite");
  project.configure(hostile_fixture("absurd_sizes.so").string());
  Result r = retort(project, {"heads"});
  expect_outcome("struct_size 0xFFFFFFFF everywhere", r, {0, {}});
  EXPECT_THAT(r.out, ::testing::HasSubstr("abs000000001"));
  expect_outcome("upgrade", retort(project, {"upgrade", "head"}), {0, {}});
}

TEST(HostilePluginDescriptors, BrokenRevisionRecordsAreRefusedNamingTheProvider) {
  struct Mode {
    std::string mode;
    Outcome outcome;
  };
  const std::vector<Mode> modes = {
      {"open_throws", {3, {"raw_records", "open let a C++ exception escape", "cannot open"}}},
      {"open_fails", {2, {"raw_records", "rrr"}}},
      {"no_instance", {3, {"raw_records", "no instance"}}},
      {"small_record", {3, {"raw_records", "8 bytes"}}},
      {"null_id", {3, {"raw_records", "null id"}}},
      {"absurd_id", {3, {"raw_records", "id of"}}},
      {"huge_message", {3, {"raw_records", "message of 2097152 bytes"}}},
      {"null_parents", {3, {"raw_records", "null down_revisions"}}},
      {"absurd_labels", {3, {"raw_records", "branch_labels"}}},
      {"null_item", {3, {"raw_records", "depends_on[1]"}}},
      {"bad_id", {4, {"rec/"}}},
      {"huge_count", {3, {"raw_records", "revisions, more than"}}},
      {"null_record", {3, {"raw_records", "is null"}}},
  };
  Project project("sqlite");
  const std::string path = hostile_fixture("").string();
  for (const auto& m : modes) {
    project.configure("raw_records:" + m.mode);
    expect_outcome("raw_records:" + m.mode, retort(project, {"--plugin-path", path, "heads"}), m.outcome);
  }
}

TEST(HostilePluginDescriptors, ControlCharactersInARevisionMessageNeverReachTheTerminal) {
  Project project("sqlite");
  project.configure("raw_records:control_chars");
  for (const char* command : {"history", "heads", "show"}) {
    std::vector<std::string> args = {"--plugin-path", hostile_fixture("").string(), command};
    if (std::string(command) == "show") args.push_back("rec000000001");
    Result r = retort(project, args);
    expect_outcome(command, r, {0, {}});
    EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("\x1b"))) << command;
    EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("\nline two"))) << command;
  }
}

}  // namespace
}  // namespace hostile
