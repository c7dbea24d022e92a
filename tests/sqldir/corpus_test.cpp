// The fuzzer's seed corpus stays honest: valid_* files parse, broken_* files
// are refused with a revision error (never anything else).
#include "parse.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

TEST(SqldirCorpus, ValidSeedsParseAndBrokenSeedsAreRefused) {
  int valid = 0, broken = 0;
  for (const auto& entry : std::filesystem::directory_iterator(RETORT_SQLDIR_CORPUS_DIR)) {
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (name.rfind("valid_", 0) == 0) {
      EXPECT_NO_THROW(sqldir::parse_sql_revision(name, content)) << name;
      ++valid;
    } else if (name.rfind("broken_", 0) == 0) {
      try {
        sqldir::parse_sql_revision(name, content);
        ADD_FAILURE() << name << " parsed";
      } catch (const retort::failure& f) {
        EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION) << name;
      }
      ++broken;
    }
  }
  EXPECT_GE(valid, 3);
  EXPECT_GE(broken, 3);
}
