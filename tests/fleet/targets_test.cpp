// Targets files and label selection: what is read, and the one-line errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "host/errors/error.hpp"
#include "host/fleet/targets.hpp"

namespace {

using host::fleet::Target;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const host::Error& e) {
    EXPECT_EQ(e.code(), host::ExitCode::usage);
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(FleetTargets, NamesAndUrlsAreReadSkippingCommentsAndBlankLines) {
  const auto targets = host::fleet::parse_targets(
      "# tenants\n\n  a1 sqlite:///a1.db\nb.2\tpostgresql://u:pw@127.0.0.1/b2   # the second\r\nc-3 x://y#z\n",
      "t.txt");
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[0].name, "a1");
  EXPECT_EQ(targets[0].url, "sqlite:///a1.db");
  EXPECT_EQ(targets[0].origin, "t.txt:3");
  EXPECT_EQ(targets[1].name, "b.2");
  EXPECT_EQ(targets[1].url, "postgresql://u:pw@127.0.0.1/b2");
  EXPECT_EQ(targets[2].url, "x://y#z");  // a '#' inside a word is not a comment
}

TEST(FleetTargets, BadLinesAreErrorsNamingFileAndLineWithoutThePassword) {
  EXPECT_EQ(error_of([] { host::fleet::parse_targets("a sqlite:///a.db\nb\n", "t.txt"); }),
            "t.txt:2: expected 'NAME URL', found 1 field(s): 'b'");
  const std::string three =
      error_of([] { host::fleet::parse_targets("a postgresql://u:secret@127.0.0.1/a extra\n", "t.txt"); });
  EXPECT_NE(three.find("t.txt:1: expected 'NAME URL', found 3"), std::string::npos) << three;
  EXPECT_EQ(three.find("secret"), std::string::npos) << three;
  EXPECT_EQ(error_of([] { host::fleet::parse_targets("a/b sqlite:///a.db\n", "t.txt"); }),
            "t.txt:1: 'a/b' is not a target name: 1 to 64 of [A-Za-z0-9_.-]");
  EXPECT_EQ(error_of([] { host::fleet::parse_targets(std::string(65, 'a') + " x://\n", "t.txt"); }).substr(0, 9),
            "t.txt:1: ");
  EXPECT_EQ(error_of([] { host::fleet::parse_targets("a x://1\n\nb x://2\na x://3\n", "t.txt"); }),
            "t.txt:4: target a already at line 1");
  EXPECT_EQ(error_of([] { host::fleet::parse_targets("# none\n\n", "t.txt"); }),
            "t.txt lists no target: one 'NAME URL' a line");
}

TEST(FleetTargets, FilesThatCannotBeReadAreErrors) {
  EXPECT_NE(error_of([] { host::fleet::read_targets_file("/nonexistent/targets.txt"); })
                .find("cannot read targets file /nonexistent/targets.txt"),
            std::string::npos);
  EXPECT_NE(error_of([] { host::fleet::read_targets_file("/tmp"); }).find("is a folder"), std::string::npos);
  const auto path = std::filesystem::temp_directory_path() / ("fleet-targets-" + std::to_string(::getpid()));
  std::ofstream(path) << "x sqlite:///x.db\n";
  const auto read = host::fleet::select_targets(path.string(), {}, "retort.ini");
  std::filesystem::remove(path);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].origin, path.string() + ":1");
}

TEST(FleetTargets, LabelsChooseConfiguredTargetsInOrder) {
  const std::vector<Target> configured = {{"eu1", "x://1", {"eu", "paid"}, "r [target.eu1]"},
                                          {"us1", "x://2", {"us"}, "r [target.us1]"},
                                          {"eu2", "x://3", {"eu"}, "r [target.eu2]"}};
  const auto eu = host::fleet::select_targets("label:eu", configured, "retort.ini");
  ASSERT_EQ(eu.size(), 2u);
  EXPECT_EQ(eu[0].name, "eu1");
  EXPECT_EQ(eu[1].name, "eu2");
  EXPECT_EQ(error_of([&] { host::fleet::select_targets("label:asia", configured, "retort.ini"); }),
            "no [target.NAME] section of retort.ini has the label 'asia' (labels there: eu, paid, us)");
  EXPECT_NE(error_of([&] { host::fleet::select_targets("label:", configured, "retort.ini"); }).find("names no label"),
            std::string::npos);
  EXPECT_NE(error_of([] { host::fleet::select_targets("label:eu", {}, "retort.ini"); }).find("no target sections"),
            std::string::npos);
}

}  // namespace
