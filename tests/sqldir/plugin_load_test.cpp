// The built retort_sqldir.so, loaded the way the host loads it: through the
// one exported entry, then only what abi.h declares.
#include "recording_host.hpp"
#include "temp_folder.hpp"

#include <retort/abi.h>

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <string_view>

namespace {

std::string_view view(retort_str s) { return s.data ? std::string_view(s.data, s.size) : std::string_view(); }
retort_str str(std::string_view s) { return retort_str{s.data(), s.size()}; }

class SqldirPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    library = dlopen(RETORT_SQLDIR_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(library, nullptr) << dlerror();
    auto entry = reinterpret_cast<retort_plugin_entry_fn>(dlsym(library, RETORT_ENTRY_SYMBOL));
    ASSERT_NE(entry, nullptr) << dlerror();
    descriptor = entry();
    ASSERT_NE(descriptor, nullptr);
    functions = static_cast<const retort_provider_v1*>(descriptor->functions);
  }
  void TearDown() override {
    if (library) dlclose(library);
  }

  void* library = nullptr;
  const retort_plugin_descriptor* descriptor = nullptr;
  const retort_provider_v1* functions = nullptr;
};

retort_error fresh_error() {
  retort_error err{};
  err.struct_size = sizeof err;
  return err;
}

}  // namespace

TEST_F(SqldirPlugin, DescribesItselfAsTheSqldirProvider) {
  EXPECT_EQ(descriptor->struct_size, sizeof(retort_plugin_descriptor));
  EXPECT_EQ(descriptor->abi_major, RETORT_ABI_MAJOR);
  EXPECT_EQ(descriptor->kind, RETORT_PLUGIN_PROVIDER);
  EXPECT_STREQ(descriptor->name, "sqldir");
  EXPECT_STREQ(descriptor->version, "0.1.0");
  ASSERT_NE(functions, nullptr);
  EXPECT_GE(functions->struct_size, sizeof(retort_provider_v1));
}

TEST_F(SqldirPlugin, OpensAFolderAndListsItsRevisions) {
  TempFolder dir;
  dir.write("001_users.sql",
            "-- retort:revision 1a2b3c4d5e6f\n-- retort:message create users\n"
            "-- retort:upgrade\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n"
            "-- retort:downgrade\nDROP TABLE users;\n");
  dir.write("002_names.sql",
            "-- retort:revision 0f9e8d7c6b5a\n-- retort:down_revision 1a2b3c4d5e6f\n"
            "-- retort:upgrade\nALTER TABLE users ADD COLUMN name TEXT;\n");

  retort_provider_instance* instance = nullptr;
  retort_error err = fresh_error();
  ASSERT_EQ(functions->open(str(dir.path()), &instance, &err), RETORT_OK) << err.message;
  ASSERT_EQ(functions->revision_count(instance), 2u);

  const retort_revision* second = functions->revision_at(instance, 1);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(view(second->id), "0f9e8d7c6b5a");
  ASSERT_EQ(second->down_revision_count, 1u);
  EXPECT_EQ(view(second->down_revisions[0]), "1a2b3c4d5e6f");
  EXPECT_EQ(view(second->origin), dir.path() + "/002_names.sql");
  EXPECT_EQ(functions->revision_at(instance, 2), nullptr);

  RecordingHost host;
  const retort_migration_context ctx = host.context();
  ASSERT_EQ(functions->run(instance, 0, RETORT_UPGRADE, &ctx, &err), RETORT_OK) << err.message;
  ASSERT_EQ(host.ops.size(), 1u);
  EXPECT_EQ(host.ops[0].sql, "CREATE TABLE users (id INTEGER PRIMARY KEY);");

  host.refuse = true;
  EXPECT_EQ(functions->run(instance, 0, RETORT_DOWNGRADE, &ctx, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_DATABASE);
  EXPECT_STREQ(err.message, "near \"CRATE\": syntax error");
  EXPECT_STREQ(err.sqlstate, "42601");
  functions->close(instance);
}

TEST_F(SqldirPlugin, OpenReportsAMissingFolderInTheErrorStruct) {
  TempFolder dir;
  const std::string missing = dir.path() + "/nowhere";
  retort_provider_instance* instance = nullptr;
  retort_error err = fresh_error();
  ASSERT_EQ(functions->open(str(missing), &instance, &err), RETORT_FAILED);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(err.kind, RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(err.message), "cannot open sqldir folder '" + missing + "': No such file or directory");
}

TEST_F(SqldirPlugin, OpenReportsAParseErrorWithFileAndLine) {
  TempFolder dir;
  dir.write("001.sql", "-- retort:revision a-b\n");
  retort_provider_instance* instance = nullptr;
  retort_error err = fresh_error();
  ASSERT_EQ(functions->open(str(dir.path()), &instance, &err), RETORT_FAILED);
  EXPECT_EQ(err.kind, RETORT_ERROR_REVISION);
  EXPECT_EQ(std::string(err.message),
            dir.path() + "/001.sql:1: invalid revision id 'a-b' (expected 1 to 64 of A-Z a-z 0-9 _)");
}
