// Log lines as users and log collectors see them: format, filtering,
// masking, file copy, and stderr as the only console.
#include "host/log/logger.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "host/config/url.hpp"
#include "test_support.hpp"

namespace {

using host::Level;
using host::Logger;
using test_support::TempDir;

const std::string timestamp_pattern = R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string contents_of(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class LoggerTest : public ::testing::Test {
 protected:
  std::ostringstream console;
  Logger log{console};
};

TEST_F(LoggerTest, TextLineHasTimestampPaddedLevelMessageAndFields) {
  log.info("upgrading", {{"revision", "1a2b3c4d5e6f"}, {"message", "create users"}});
  EXPECT_TRUE(std::regex_match(
      console.str(),
      std::regex(timestamp_pattern +
                 R"( INFO  upgrading revision=1a2b3c4d5e6f message="create users"\n)")))
      << console.str();
}

TEST_F(LoggerTest, EveryLevelNameIsFiveCharactersWide) {
  log.configure(Level::debug, false, "", {});
  log.error("e");
  log.warn("w");
  log.info("i");
  log.debug("d");
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].substr(24), " ERROR e");
  EXPECT_EQ(lines[1].substr(24), " WARN  w");
  EXPECT_EQ(lines[2].substr(24), " INFO  i");
  EXPECT_EQ(lines[3].substr(24), " DEBUG d");
}

TEST_F(LoggerTest, TextFieldValuesAreQuotedAndEscapedWhenNeeded) {
  log.info("m", {{"empty", ""}, {"quote", "say \"hi\""}, {"eq", "a=b"}, {"path", "/tmp/x.db"}});
  EXPECT_NE(console.str().find(R"( m empty="" quote="say \"hi\"" eq="a=b" path=/tmp/x.db)"),
            std::string::npos)
      << console.str();
}

TEST_F(LoggerTest, MultiLineMessageStaysOnOneLine) {
  log.info("CREATE TABLE t (\n  id INTEGER\n)", {{"sql", "a\nb"}});
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find(R"(CREATE TABLE t (\n  id INTEGER\n) sql="a\nb")"), std::string::npos)
      << lines[0];
}

TEST_F(LoggerTest, JsonLineIsOneObjectWithTsLevelMsgThenFields) {
  log.configure(Level::info, true, "", {});
  log.warn("slow \"lock\"", {{"revision", "abc"}, {"waited_ms", "1500"}});
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].starts_with(R"({"ts":")")) << lines[0];
  const auto object = nlohmann::json::parse(lines[0]);
  EXPECT_TRUE(std::regex_match(object["ts"].get<std::string>(), std::regex(timestamp_pattern)));
  EXPECT_EQ(object["level"], "warn");
  EXPECT_EQ(object["msg"], "slow \"lock\"");
  EXPECT_EQ(object["revision"], "abc");
  EXPECT_EQ(object["waited_ms"], "1500");
  EXPECT_LT(lines[0].find("\"level\""), lines[0].find("\"msg\""));
  EXPECT_LT(lines[0].find("\"msg\""), lines[0].find("\"revision\""));
}

TEST_F(LoggerTest, JsonFieldNamedLikeAReservedKeyIsRenamed) {
  log.configure(Level::info, true, "", {});
  log.info("real", {{"msg", "field"}, {"level", "x"}});
  const auto object = nlohmann::json::parse(console.str());
  EXPECT_EQ(object["msg"], "real");
  EXPECT_EQ(object["level"], "info");
  EXPECT_EQ(object["field.msg"], "field");
  EXPECT_EQ(object["field.level"], "x");
}

TEST_F(LoggerTest, JsonLineSurvivesInvalidUtf8) {
  log.configure(Level::info, true, "", {});
  log.info("bad \xC3\x28 byte", {{"k", "\xFF"}});
  ASSERT_EQ(lines_of(console.str()).size(), 1u);
  EXPECT_NO_THROW(nlohmann::json::parse(console.str()));
}

TEST_F(LoggerTest, LinesBelowTheThresholdAreDropped) {
  log.configure(Level::warn, false, "", {});
  log.debug("d");
  log.info("i");
  log.warn("w");
  log.error("e");
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].ends_with(" WARN  w"));
  EXPECT_TRUE(lines[1].ends_with(" ERROR e"));
  EXPECT_FALSE(log.enabled(Level::info));
  EXPECT_TRUE(log.enabled(Level::warn));
}

TEST_F(LoggerTest, DefaultThresholdIsInfo) {
  log.debug("hidden");
  log.info("shown");
  EXPECT_EQ(lines_of(console.str()).size(), 1u);
  EXPECT_TRUE(log.enabled(Level::info));
  EXPECT_FALSE(log.enabled(Level::debug));
}

TEST_F(LoggerTest, SecretsAreMaskedInTextLines) {
  const auto url = host::parse_url("postgresql://alice:p%40ss@db/shop");
  log.configure(Level::info, false, "", {url.password});
  log.info("connecting to " + url.text + " with p@ss", {{"url", url.text}, {"pw", "p@ss"}});
  EXPECT_EQ(console.str().find("p@ss"), std::string::npos) << console.str();
  EXPECT_EQ(console.str().find("p%40ss"), std::string::npos) << console.str();
  EXPECT_NE(console.str().find("alice:***@db"), std::string::npos) << console.str();
}

TEST_F(LoggerTest, SecretsAreMaskedInJsonLinesEvenWhenJsonWouldEscapeThem) {
  log.configure(Level::info, true, "", {"pa\"ss\\word"});
  log.error("auth failed for pa\"ss\\word", {{"detail", "pw=pa\"ss\\word"}});
  const auto object = nlohmann::json::parse(console.str());
  EXPECT_EQ(object["msg"], "auth failed for ***");
  EXPECT_EQ(object["detail"], "pw=***");
}

TEST_F(LoggerTest, FileGetsTheSameLinesAppended) {
  TempDir dir;
  const auto file = dir.write("retort.log", "earlier line\n");
  log.configure(Level::info, false, file.string(), {"s3cret"});
  log.info("one");
  log.warn("two s3cret");
  log.debug("not written");
  EXPECT_EQ(contents_of(file), "earlier line\n" + console.str());
  EXPECT_EQ(contents_of(file).find("s3cret"), std::string::npos);
}

TEST_F(LoggerTest, UnopenableFileIsAUsageErrorNamingItAndKeepsTheOldConfiguration) {
  TempDir dir;
  const auto file = (dir.path() / "no_such_folder" / "retort.log").string();
  const auto message =
      test_support::usage_error_of([&] { log.configure(Level::debug, true, file, {}); });
  EXPECT_TRUE(message.starts_with("cannot open log file '" + file + "'")) << message;
  log.debug("still info threshold");
  log.info("still text");
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].ends_with(" INFO  still text"));
}

TEST_F(LoggerTest, ConcurrentLinesNeverInterleave) {
  constexpr int threads = 4;
  constexpr int lines_per_thread = 200;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([this, t] {
      for (int i = 0; i < lines_per_thread; ++i) log.info("line", {{"thread", std::to_string(t)}});
    });
  }
  for (auto& worker : workers) worker.join();
  const auto lines = lines_of(console.str());
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(threads * lines_per_thread));
  const std::regex shape(timestamp_pattern + R"( INFO  line thread=\d)");
  for (const auto& line : lines) EXPECT_TRUE(std::regex_match(line, shape)) << line;
}

TEST(ParseLevel, AcceptsTheFourNamesInAnyCase) {
  EXPECT_EQ(host::parse_level("error"), Level::error);
  EXPECT_EQ(host::parse_level("warn"), Level::warn);
  EXPECT_EQ(host::parse_level("Info"), Level::info);
  EXPECT_EQ(host::parse_level("DEBUG"), Level::debug);
  EXPECT_EQ(host::level_name(Level::warn), "warn");
}

TEST(ParseLevel, RefusesAnythingElse) {
  EXPECT_EQ(test_support::usage_error_of([] { host::parse_level("warning"); }),
            "invalid log level 'warning': expected error, warn, info or debug");
}

// The process-wide logger must write to fd 2 and leave stdout to results.
TEST(ProcessLogger, WritesToStderrOnly) {
  TempDir dir;
  const auto err_path = dir.path() / "stderr.txt";
  const auto out_path = dir.path() / "stdout.txt";
  std::fflush(stdout);
  std::cerr.flush();
  const int saved_err = ::dup(2);
  const int saved_out = ::dup(1);
  ASSERT_NE(std::freopen(err_path.c_str(), "w", stderr), nullptr);
  ASSERT_NE(std::freopen(out_path.c_str(), "w", stdout), nullptr);

  host::logger().info("to stderr", {{"k", "v"}});
  std::cerr.flush();
  std::fflush(stderr);
  std::fflush(stdout);
  ::dup2(saved_err, 2);
  ::dup2(saved_out, 1);
  ::close(saved_err);
  ::close(saved_out);

  EXPECT_EQ(&host::logger(), &host::logger());
  EXPECT_NE(contents_of(err_path).find(" INFO  to stderr k=v"), std::string::npos)
      << contents_of(err_path);
  EXPECT_EQ(contents_of(out_path), "");
}

}  // namespace
