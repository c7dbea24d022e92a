// The journal: a header, a line per outcome, and what --resume reads back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "host/errors/error.hpp"
#include "host/fleet/journal.hpp"

namespace {

namespace fs = std::filesystem;
using host::fleet::Journal;
using host::fleet::Outcome;
using host::fleet::State;

class FleetJournal : public ::testing::Test {
 protected:
  fs::path path = fs::temp_directory_path() / ("fleet-journal-" + std::to_string(::getpid()) + ".jsonl");
  void TearDown() override { fs::remove(path); }

  static Outcome outcome(const std::string& target, State state) {
    Outcome o;
    o.target = target;
    o.url = "sqlite:///" + target + ".db";
    o.state = state;
    o.exit_code = state == State::ok ? 0 : 1;
    o.from = {"a"};
    o.to = {"b"};
    o.revisions = 1;
    o.duration_ms = 12.7;
    o.error = state == State::ok ? "" : "it broke";
    return o;
  }
  std::vector<std::string> lines() const {
    std::ifstream in(path);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    return all;
  }
  std::string resume_error(const std::string& command) {
    try {
      std::set<std::string> done;
      Journal::resume(path, command, done);
    } catch (const host::Error& e) {
      EXPECT_EQ(e.code(), host::ExitCode::usage);
      return e.what();
    }
    ADD_FAILURE() << "no error";
    return "";
  }
};

TEST_F(FleetJournal, AHeaderThenALinePerOutcome) {
  {
    Journal journal = Journal::start(path, "upgrade head --targets t.txt");
    EXPECT_TRUE(journal.record(outcome("t1", State::ok)));
    EXPECT_TRUE(journal.record(outcome("t2", State::failed)));
  }
  const auto all = lines();
  ASSERT_EQ(all.size(), 3u);
  const auto header = nlohmann::json::parse(all[0]);
  EXPECT_EQ(header["journal"], "retort-fleet");
  EXPECT_EQ(header["command"], "upgrade head --targets t.txt");
  EXPECT_EQ(header["version"], 1);
  EXPECT_TRUE(std::regex_match(header["started_at"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << header["started_at"];
  const auto second = nlohmann::json::parse(all[2]);
  EXPECT_EQ(second["target"], "t2");
  EXPECT_EQ(second["state"], "failed");
  EXPECT_EQ(second["exit_code"], 1);
  EXPECT_EQ(second["from"], nlohmann::json::array({"a"}));
  EXPECT_EQ(second["duration_ms"], 12);
  EXPECT_EQ(second["error"], "it broke");
}

TEST_F(FleetJournal, ResumeKnowsWhatIsDoneByTheLastLineOfEachTarget) {
  {
    Journal journal = Journal::start(path, "upgrade head");
    journal.record(outcome("failed-then-ok", State::failed));
    journal.record(outcome("ok-then-failed", State::ok));
    journal.record(outcome("only-ok", State::ok));
  }
  std::set<std::string> done;
  {
    Journal journal = Journal::resume(path, "upgrade head", done);
    EXPECT_EQ(done, (std::set<std::string>{"ok-then-failed", "only-ok"}));
    journal.record(outcome("failed-then-ok", State::ok));
    journal.record(outcome("ok-then-failed", State::failed));
  }
  std::ofstream(path, std::ios::app) << "{\"target\": \"torn\", \"sta";  // a kill -9 mid-line
  done.clear();
  Journal::resume(path, "upgrade head", done);
  EXPECT_EQ(done, (std::set<std::string>{"failed-then-ok", "only-ok"}));
}

TEST_F(FleetJournal, WhatIsRecordedAfterATornLineSurvivesTheNextResume) {
  Journal::start(path, "upgrade head").record(outcome("before", State::ok));
  std::ofstream(path, std::ios::app) << "{\"target\": \"torn\", \"sta";
  std::set<std::string> done;
  Journal::resume(path, "upgrade head", done).record(outcome("after", State::ok));
  done.clear();
  Journal::resume(path, "upgrade head", done);
  EXPECT_EQ(done, (std::set<std::string>{"before", "after"}));
}

TEST_F(FleetJournal, RowsWithoutATargetOrAStateAreIgnored) {
  Journal::start(path, "upgrade head").record(outcome("whole", State::ok));
  std::ofstream(path, std::ios::app) << "{\"target\":\"no-state\"}\n{\"state\":\"ok\"}\n[1]\n\"text\"\n"
                                     << "{\"target\":7,\"state\":\"ok\"}\n\n";
  std::set<std::string> done;
  Journal::resume(path, "upgrade head", done);
  EXPECT_EQ(done, (std::set<std::string>{"whole"}));
}

TEST_F(FleetJournal, ResumeRefusesAMissingFileAnotherFileAndAnotherCommand) {
  EXPECT_NE(resume_error("upgrade head").find("cannot read the fleet journal"), std::string::npos);
  std::ofstream(path) << "hello\n";
  EXPECT_NE(resume_error("upgrade head").find("is not a retort fleet journal"), std::string::npos);
  Journal::start(path, "upgrade head --targets t.txt");
  EXPECT_NE(resume_error("downgrade base --targets t.txt")
                .find("is of 'upgrade head --targets t.txt', not 'downgrade base --targets t.txt'"),
            std::string::npos);
}

TEST_F(FleetJournal, StartRefusesAPathItCannotWrite) {
  try {
    Journal::start("/nonexistent/folder/j.jsonl", "x");
    ADD_FAILURE() << "no error";
  } catch (const host::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/folder/j.jsonl"), std::string::npos);
  }
}

TEST_F(FleetJournal, LinesFromManyThreadsStayWhole) {
  {
    Journal journal = Journal::start(path, "c");
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&journal, t] {
        for (int i = 0; i < 25; ++i)
          journal.record(outcome("t" + std::to_string(t) + "_" + std::to_string(i), State::ok));
      });
    for (auto& t : threads) t.join();
  }
  const auto all = lines();
  ASSERT_EQ(all.size(), 201u);
  std::set<std::string> names;
  for (std::size_t i = 1; i < all.size(); ++i) names.insert(nlohmann::json::parse(all[i])["target"]);
  EXPECT_EQ(names.size(), 200u);
}

}  // namespace
