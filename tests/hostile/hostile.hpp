// What every hostile-input test asserts about one run of the retort binary
// (SPEC §5): the exit code its kind of failure has, exactly one line on
// stderr that names what failed, no death by signal, and no password in
// anything it printed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness.hpp"
#include "project.hpp"

namespace hostile {

namespace fs = std::filesystem;
using it::Result;

/// A password with every character a URL parser trips over. URLs carry it
/// percent-encoded where it must be ('/' and '%'), '@' and ':' raw.
inline const std::string password = "s3cr@t:pa/ss%w0rd";
inline const std::string password_in_url = "s3cr@t:pa%2Fss%25w0rd";
/// Pieces of it that must never be printed, in any encoding.
inline const std::vector<std::string> password_pieces = {"s3cr", "w0rd", "pa/ss", "pa%2Fss"};

/// What a run must show.
struct Outcome {
  int code;                           ///< SPEC §5 exit code
  std::vector<std::string> mentions;  ///< substrings the stderr line must hold
};

/// Asserts `r` matches `expected`; `row` names the case in failure messages.
/// A failing run (code != 0) must print exactly one line on stderr; no run
/// may print a piece of `password` on stdout or stderr.
void expect_outcome(const std::string& row, const Result& r, const Outcome& expected);

int line_count(const std::string& text);

/// Runs retort in `project` as someone who wants to see only errors
/// (RETORT_LOG_LEVEL=error unless `env` sets it): progress logs are not
/// failures, so what is left on stderr is the failure's one line.
Result retort(const it::Project& project, std::vector<std::string> args,
              std::map<std::string, std::string> env = {});

/// Built fixtures: tests/hostile/fixtures, tests/plugins/fixtures, tests/integration/fixtures.
fs::path hostile_fixture(const std::string& file);
fs::path plugin_fixture(const std::string& file);
fs::path it_fixture(const std::string& file);

}  // namespace hostile
