#include "hostile.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hostile {

int line_count(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;  // an unterminated last line counts too
  return lines;
}

void expect_outcome(const std::string& row, const Result& r, const Outcome& expected) {
  SCOPED_TRACE(row);
  const std::string shown = "\n--- stdout:\n" + r.out.substr(0, 2000) + "\n--- stderr:\n" + r.err.substr(0, 2000);
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << shown;
  EXPECT_EQ(r.code, expected.code) << shown;
  if (expected.code != 0) {
    EXPECT_EQ(line_count(r.err), 1) << shown;
  }
  for (const auto& mention : expected.mentions) EXPECT_THAT(r.err, ::testing::HasSubstr(mention)) << shown;
  for (const auto& piece : password_pieces) {
    EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr(piece))) << "password on stdout" << shown;
    EXPECT_THAT(r.err, ::testing::Not(::testing::HasSubstr(piece))) << "password on stderr" << shown;
  }
}

Result retort(const it::Project& project, std::vector<std::string> args, std::map<std::string, std::string> env) {
  env.emplace("RETORT_LOG_LEVEL", "error");
  return project.retort(std::move(args), env);
}

fs::path hostile_fixture(const std::string& file) { return fs::path(HOSTILE_FIXTURES) / file; }
fs::path plugin_fixture(const std::string& file) { return fs::path(PLUGIN_FIXTURES) / file; }
fs::path it_fixture(const std::string& file) { return fs::path(IT_FIXTURES) / file; }

}  // namespace hostile
