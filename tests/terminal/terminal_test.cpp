// What the console shows a person and what it shows a pipe: the decision
// (console_traits), colour in the logger's text lines, the status line kept
// below the log, and the progress line of a run.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "host/log/logger.hpp"
#include "host/log/progress.hpp"
#include "host/log/terminal.hpp"

namespace {

using host::ConsoleTraits;
using host::Logger;
using host::Progress;

const ConsoleTraits terminal{true, true, 60};
const ConsoleTraits terminal_without_colour{false, true, 60};

bool has_escape(const std::string& text) { return text.find('\x1b') != std::string::npos; }

TEST(ConsoleTraits, APipeOrFileGetsNeitherColourNorStatusLine) {
  const ConsoleTraits t = host::console_traits(false, "xterm-256color", nullptr, 0);
  EXPECT_FALSE(t.colour);
  EXPECT_FALSE(t.status_line);
}

TEST(ConsoleTraits, ATerminalGetsColourAndStatusLine) {
  const ConsoleTraits t = host::console_traits(true, "xterm-256color", nullptr, 132);
  EXPECT_TRUE(t.colour);
  EXPECT_TRUE(t.status_line);
  EXPECT_EQ(t.width, 132);
}

TEST(ConsoleTraits, NoColorTurnsColourOffButKeepsTheStatusLine) {
  const ConsoleTraits t = host::console_traits(true, "xterm", "1", 80);
  EXPECT_FALSE(t.colour);
  EXPECT_TRUE(t.status_line);
}

TEST(ConsoleTraits, AnEmptyNoColorIsAsIfUnset) {
  EXPECT_TRUE(host::console_traits(true, "xterm", "", 80).colour);
}

TEST(ConsoleTraits, ADumbTerminalIsTreatedAsPlainText) {
  const ConsoleTraits t = host::console_traits(true, "dumb", nullptr, 80);
  EXPECT_FALSE(t.colour);
  EXPECT_FALSE(t.status_line);
}

TEST(ConsoleTraits, UnknownWidthMeansEightyColumns) {
  EXPECT_EQ(host::console_traits(true, "xterm", nullptr, 0).width, 80);
}

TEST(FitToWidth, ShortTextIsKept) { EXPECT_EQ(host::fit_to_width("[1/3] upgrade", 20), "[1/3] upgrade"); }

TEST(FitToWidth, LongTextIsCutWithDots) {
  EXPECT_EQ(host::fit_to_width("[1/3] upgrade 8a4e1c2b3d4f", 12), "[1/3] upg...");
}

TEST(FitToWidth, NeverSplitsACharacter) {
  // "é" is two bytes; counted as one character.
  EXPECT_EQ(host::fit_to_width("ééééé", 5), "ééééé");
  EXPECT_EQ(host::fit_to_width("éééééé", 5), "éé...");
}

TEST(LoggerOnATerminal, ColoursTheLevelWordOnTheConsoleOnly) {
  std::ostringstream console;
  Logger log(console, terminal);
  log.warn("careful");
  EXPECT_NE(console.str().find("\x1b[33mWARN "), std::string::npos) << console.str();
  EXPECT_NE(console.str().find("careful"), std::string::npos);
}

TEST(LoggerOnATerminal, NoColourWhenTheTraitsSaySo) {
  std::ostringstream console;
  Logger log(console, terminal_without_colour);
  log.error("broken");
  EXPECT_FALSE(has_escape(console.str())) << console.str();
}

TEST(LoggerOnATerminal, JsonLinesAreNeverColoured) {
  std::ostringstream console;
  Logger log(console, terminal);
  log.configure(host::Level::info, true, "", {});
  log.info("machine readable");
  EXPECT_FALSE(has_escape(console.str())) << console.str();
}

TEST(LoggerOffATerminal, WritesPlainLinesAndNoStatus) {
  std::ostringstream console;
  Logger log(console);
  EXPECT_FALSE(log.status_line_enabled());
  log.show_status("[1/2] upgrade x");
  log.info("plain");
  log.clear_status();
  EXPECT_FALSE(has_escape(console.str())) << console.str();
  EXPECT_EQ(console.str().find("[1/2]"), std::string::npos);
}

TEST(LoggerStatusLine, IsRedrawnBelowEveryLogLine) {
  std::ostringstream console;
  Logger log(console, terminal_without_colour);
  log.show_status("[1/2] upgrade abc");
  console.str("");
  log.info("running");
  const std::string shown = console.str();
  ASSERT_EQ(shown.rfind("\r\x1b[K", 0), 0u) << "the status line is erased first: " << shown;
  const auto line = shown.find("running");
  const auto status = shown.rfind("[1/2] upgrade abc");
  ASSERT_NE(line, std::string::npos);
  ASSERT_NE(status, std::string::npos);
  EXPECT_LT(line, status) << shown;
}

TEST(LoggerStatusLine, IsCutToTheTerminalWidth) {
  std::ostringstream console;
  Logger log(console, ConsoleTraits{false, true, 20});
  log.show_status("[1/2] upgrade 0123456789abcdef create a very long table name");
  const std::string shown = console.str().substr(std::string("\r\x1b[K").size());
  EXPECT_LE(shown.size(), 19u) << shown;
}

TEST(LoggerStatusLine, MasksSecrets) {
  std::ostringstream console;
  Logger log(console, terminal_without_colour);
  log.configure(host::Level::info, false, "", {"hunter2"});
  log.show_status("[1/2] connecting as app:hunter2");
  EXPECT_EQ(console.str().find("hunter2"), std::string::npos) << console.str();
}

TEST(LoggerStatusLine, IsOffBelowInfoAndInJson) {
  std::ostringstream console;
  Logger quiet(console, terminal);
  quiet.configure(host::Level::warn, false, "", {});
  EXPECT_FALSE(quiet.status_line_enabled());
  Logger json(console, terminal);
  json.configure(host::Level::info, true, "", {});
  EXPECT_FALSE(json.status_line_enabled());
}

TEST(Progress, ShowsRevisionNOfMOnATerminal) {
  std::ostringstream console;
  Logger log(console, terminal_without_colour);
  {
    Progress progress(log, 3);
    progress.step(2, "upgrade 8a4e1c2b3d4f create products");
  }  // read only after its ticker thread has stopped
  const std::string shown = console.str();
  EXPECT_NE(shown.find("[2/3] upgrade 8a4e1c2b3d4f create products ... "), std::string::npos) << shown;
  EXPECT_EQ(shown.substr(shown.size() - 4), "\r\x1b[K") << "the line is erased when the run ends";
}

TEST(Progress, ShowsNothingForASingleRevision) {
  std::ostringstream console;
  Logger log(console, terminal);
  {
    Progress progress(log, 1);
    progress.step(1, "upgrade abc");
  }
  EXPECT_EQ(console.str(), "");
}

TEST(Progress, ShowsNothingOffATerminal) {
  std::ostringstream console;
  Logger log(console);
  {
    Progress progress(log, 5);
    progress.step(1, "upgrade abc");
  }
  EXPECT_EQ(console.str(), "");
}

TEST(FormatElapsed, ReadsLikeAPersonWouldSayIt) {
  using std::chrono::milliseconds;
  EXPECT_EQ(host::format_elapsed(milliseconds(0)), "0.0s");
  EXPECT_EQ(host::format_elapsed(milliseconds(3250)), "3.2s");
  EXPECT_EQ(host::format_elapsed(milliseconds(187'000)), "3m07s");
  EXPECT_EQ(host::format_elapsed(milliseconds(3'720'000)), "1h02m");
}

}  // namespace
