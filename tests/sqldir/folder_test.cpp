// Reading a folder of revision files: which files, in which order, and what
// happens when the folder or a file is wrong.
#include "folder_provider.hpp"
#include "sql_files.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using sqldir::FolderProvider;

namespace {

std::string revision_file(const std::string& id, const std::string& parents = "") {
  return "-- retort:revision " + id + "\n-- retort:down_revision " + parents +
         "\n-- retort:upgrade\nSELECT '" + id + "';\n";
}

std::vector<std::string> ids_of(const FolderProvider& p) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < p.revision_count(); ++i) ids.emplace_back(retort::view(p.revision_at(i)->id));
  return ids;
}

// The failure constructing a provider for `folder` throws.
retort::failure failure_opening(const std::string& folder) {
  try {
    FolderProvider p(folder);
  } catch (const retort::failure& f) {
    return f;
  }
  ADD_FAILURE() << "opening " << folder << " did not fail";
  return retort::failure("", 0);
}

}  // namespace

TEST(SqldirFolder, FilesAreReadInFileNameOrder) {
  TempFolder dir;
  dir.write("010_c.sql", revision_file("ccc", "bbb"));
  dir.write("001_a.sql", revision_file("aaa"));
  dir.write("002_b.sql", revision_file("bbb", "aaa"));
  FolderProvider p(dir.path());
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"aaa", "bbb", "ccc"}));
}

TEST(SqldirFolder, OnlySqlFilesDirectlyInTheFolderAreRead) {
  TempFolder dir;
  dir.write("001_a.sql", revision_file("aaa"));
  dir.write("README.md", "not a revision");
  dir.write("002_b.sql.bak", "not a revision");
  dir.write("003_c.SQL", "not a revision either: the pattern is *.sql");
  dir.write(".#001_a.sql", "an editor's lock file");
  std::filesystem::create_directory(dir.path() + "/nested");
  dir.write("nested/004_d.sql", revision_file("ddd"));
  std::filesystem::create_directory(dir.path() + "/folder.sql");
  FolderProvider p(dir.path());
  EXPECT_EQ(ids_of(p), std::vector<std::string>{"aaa"});
}

TEST(SqldirFolder, EmptyFolderHasNoRevisions) {
  TempFolder dir;
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_count(), 0u);
  EXPECT_EQ(p.revision_at(0), nullptr);
}

TEST(SqldirFolder, RecordsCarryEveryFieldAndTheFileAsOrigin) {
  TempFolder dir;
  dir.write("003_merge.sql",
            "-- retort:revision mmm\n"
            "-- retort:down_revision aaa, bbb\n"
            "-- retort:branch_labels shop\n"
            "-- retort:depends_on ccc, core\n"
            "-- retort:message merge the two\n"
            "-- retort:transactional false\n"
            "-- retort:upgrade\n");
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 1u);
  const retort_revision& r = *p.revision_at(0);
  EXPECT_EQ(r.struct_size, sizeof(retort_revision));
  EXPECT_EQ(retort::view(r.id), "mmm");
  ASSERT_EQ(r.down_revision_count, 2u);
  EXPECT_EQ(retort::view(r.down_revisions[0]), "aaa");
  EXPECT_EQ(retort::view(r.down_revisions[1]), "bbb");
  ASSERT_EQ(r.branch_label_count, 1u);
  EXPECT_EQ(retort::view(r.branch_labels[0]), "shop");
  ASSERT_EQ(r.depends_on_count, 2u);
  EXPECT_EQ(retort::view(r.depends_on[0]), "ccc");
  EXPECT_EQ(retort::view(r.depends_on[1]), "core");
  EXPECT_EQ(retort::view(r.message), "merge the two");
  EXPECT_EQ(r.transactional, 0);
  EXPECT_EQ(retort::view(r.origin), dir.path() + "/003_merge.sql");
}

TEST(SqldirFolder, RecordsStayValidWhileTheProviderLives) {
  TempFolder dir;
  // Many short ids: small-string storage is where a moved std::string would
  // leave a dangling view behind.
  for (int i = 0; i < 40; ++i) dir.write("r" + std::to_string(100 + i) + ".sql", revision_file("r" + std::to_string(i)));
  FolderProvider p(dir.path());
  ASSERT_EQ(p.revision_count(), 40u);
  for (std::size_t i = 0; i < 40; ++i) {
    EXPECT_EQ(retort::view(p.revision_at(i)->id), "r" + std::to_string(i));
    EXPECT_EQ(retort::view(p.revision_at(i)->origin), dir.path() + "/r" + std::to_string(100 + i) + ".sql");
  }
}

TEST(SqldirFolder, DuplicateIdsAcrossFilesNameBothFiles) {
  TempFolder dir;
  dir.write("001_a.sql", revision_file("aaa"));
  dir.write("002_b.sql", revision_file("bbb", "aaa"));
  dir.write("003_copy.sql", revision_file("aaa"));
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  EXPECT_STREQ(f.what(), ("duplicate revision id 'aaa' in " + dir.path() + "/001_a.sql and " + dir.path() +
                          "/003_copy.sql")
                             .c_str());
}

TEST(SqldirFolder, ParseErrorNamesTheFileByItsPathInTheFolder) {
  TempFolder dir;
  dir.write("001_a.sql", revision_file("aaa"));
  dir.write("002_add.sql", "-- retort:revision bbb\n-- retort:down_revision aaa\n-- retort:upgrad\n");
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  EXPECT_EQ(std::string(f.what()).rfind(dir.path() + "/002_add.sql:3: unknown directive 'retort:upgrad' (", 0), 0u)
      << f.what();
}

TEST(SqldirFolder, MissingFolderIsAUsageErrorWithTheOsReason) {
  TempFolder dir;
  const std::string missing = dir.path() + "/migrations";
  const retort::failure f = failure_opening(missing);
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(f.what()), "cannot open sqldir folder '" + missing + "': No such file or directory");
}

TEST(SqldirFolder, AFileInsteadOfAFolderIsAUsageError) {
  TempFolder dir;
  const std::string file = dir.write("001_a.sql", revision_file("aaa"));
  const retort::failure f = failure_opening(file);
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(f.what()), "cannot open sqldir folder '" + file + "': Not a directory");
}

TEST(SqldirFolder, EmptyArgumentIsAUsageError) {
  const retort::failure f = failure_opening("");
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(f.what()), "sqldir needs a folder: revisions = FOLDER, or sqldir:FOLDER");
}

TEST(SqldirFolder, BrokenSymbolicLinkIsReportedNotSkipped) {
  TempFolder dir;
  dir.write("001_a.sql", revision_file("aaa"));
  std::filesystem::create_symlink(dir.path() + "/gone.sql", dir.path() + "/002_b.sql");
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_USAGE);
  EXPECT_EQ(std::string(f.what()), "cannot read '" + dir.path() + "/002_b.sql': No such file or directory");
}

// Root reads any file, so as root the check runs in a child that has given
// up root for the "nobody" user.
TEST(SqldirFolder, UnreadableFileIsAUsageErrorWithTheOsReason) {
  TempFolder dir;
  const std::string file = dir.write("001_a.sql", revision_file("aaa"));
  std::filesystem::permissions(file, std::filesystem::perms::none);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  auto check = [&]() -> bool {
    const retort::failure f = failure_opening(dir.path());
    return f.kind() == RETORT_ERROR_USAGE &&
           std::string(f.what()) == "cannot read '" + file + "': Permission denied";
  };
  if (geteuid() != 0) {
    EXPECT_TRUE(check());
    return;
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    bool ok = setgid(65534) == 0 && setuid(65534) == 0 && check();
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "as an unprivileged user, opening the folder did not fail with \"Permission denied\"";
}

TEST(SqldirFolder, FileOverSixteenMebibytesIsRefusedByName) {
  TempFolder dir;
  std::string big = revision_file("aaa");
  big.resize(sqldir::max_file_size + 1, '\n');
  const std::string file = dir.write("001_big.sql", big);
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  EXPECT_EQ(std::string(f.what()), file + ": larger than the 16 MiB limit for a revision file (16777217 bytes)");
}

TEST(SqldirFolder, FileOfExactlySixteenMebibytesIsRead) {
  TempFolder dir;
  std::string big = revision_file("aaa");
  big.resize(sqldir::max_file_size, '\n');
  dir.write("001_big.sql", big);
  FolderProvider p(dir.path());
  EXPECT_EQ(p.revision_count(), 1u);
}

TEST(SqldirFolder, FileWithANulByteIsRefusedByName) {
  TempFolder dir;
  const std::string file = dir.write("001_bin.sql", std::string("-- retort:revision aaa\n\0\n", 25));
  const retort::failure f = failure_opening(dir.path());
  EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
  EXPECT_EQ(std::string(f.what()), file + ":2: NUL byte (not a text file?)");
}

// Folders of many files are read by several threads (folder_provider.cpp):
// the outcome must be the one reading them one by one gives.
TEST(SqldirFolder, ManyFilesAreReadInFileNameOrderWithTheirOrigins) {
  TempFolder dir;
  constexpr int count = 1500;
  std::vector<std::string> expected;
  for (int i = 0; i < count; ++i) {
    char name[32], id[16];
    std::snprintf(id, sizeof id, "r%05d", i);
    std::snprintf(name, sizeof name, "%05d_step.sql", i);
    dir.write(name, revision_file(id, expected.empty() ? "" : expected.back()));
    expected.emplace_back(id);
  }
  FolderProvider p(dir.path());
  ASSERT_EQ(ids_of(p), expected);
  for (int i : {0, 777, count - 1}) {
    char name[32];
    std::snprintf(name, sizeof name, "%05d_step.sql", i);
    EXPECT_EQ(retort::view(p.revision_at(static_cast<std::size_t>(i))->origin), dir.path() + "/" + name);
    ASSERT_EQ(p.revision_at(static_cast<std::size_t>(i))->down_revision_count, i == 0 ? 0u : 1u);
  }
}

TEST(SqldirFolder, InAManyFileFolderTheFirstBrokenFileByNameIsReported) {
  TempFolder dir;
  for (int i = 0; i < 1500; ++i) {
    char name[32], id[16];
    std::snprintf(id, sizeof id, "r%05d", i);
    std::snprintf(name, sizeof name, "%05d_step.sql", i);
    dir.write(name, i == 700 || i == 1400 ? "-- retort:revision bad id\n" : revision_file(id));
  }
  // Threads finish in any order; the error must not depend on which came first.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const retort::failure f = failure_opening(dir.path());
    EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION);
    EXPECT_NE(std::string(f.what()).find("00700_step.sql:1:"), std::string::npos) << f.what();
  }
}

// A file is read first into a 32 KiB buffer, then on into a growing string.
TEST(SqldirFolder, FilesAroundTheFirstReadsSizeAreReadWhole) {
  for (std::size_t size : {std::size_t{0}, std::size_t{32767}, std::size_t{32768}, std::size_t{32769},
                           std::size_t{32768 * 4 + 1}, std::size_t{1} << 20}) {
    TempFolder dir;
    std::string content(size, 'x');
    for (std::size_t i = 0; i < size; i += 97) content[i] = static_cast<char>('a' + i % 26);
    dir.write("001_a.sql", content);
    const sqldir::SqlFolder folder(dir.path());
    ASSERT_EQ(folder.size(), 1u);
    EXPECT_EQ(folder.read(0), content) << "size " << size;
  }
}

// Names are sorted on their first 16 bytes first (sql_files.cpp): names that
// share those, one that is a prefix of another, and bytes past 0x7f must
// still come out in the byte order std::string gives.
TEST(SqldirFolder, NamesSortInByteOrderPastTheirFirstSixteenBytes) {
  TempFolder dir;
  const std::vector<std::string> names = {
      "20240101120000_b.sql", "20240101120000_a.sql", "20240101120000.sql", "20240101120000_\xc3\xa9.sql",
      "20240101120000_a_b.sql", "2024.sql", "a.sql", "\xc3\xa9.sql", "20240101120000_Z.sql"};
  for (const auto& name : names) dir.write(name, "");
  std::vector<std::string> expected = names;
  std::sort(expected.begin(), expected.end());
  const sqldir::SqlFolder folder(dir.path());
  std::vector<std::string> listed;
  for (std::size_t i = 0; i < folder.size(); ++i) listed.push_back(folder.path(i).substr(dir.path().size() + 1));
  EXPECT_EQ(listed, expected);
}
