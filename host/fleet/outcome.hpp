// What a fleet is made of and what each of its targets came to.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace host::fleet {

/// One database of a fleet.
struct Target {
  std::string name;                 ///< 1 to 64 of [A-Za-z0-9_.-]
  std::string url;                  ///< as written (may hold a password)
  std::vector<std::string> labels;  ///< from the config; none from a file
  std::string origin;               ///< "targets.txt:3" or "retort.ini [target.eu1]"
};

enum class State { ok, failed, not_started };

/// "ok" | "failed" | "not_started".
const char* state_name(State state);

struct Outcome {
  std::string target;
  std::string url;  ///< masked
  State state = State::not_started;
  int exit_code = 0;                  ///< 0 when ok; the command's exit code when failed
  std::vector<std::string> from, to;  ///< the target's revisions before and after
  std::size_t revisions = 0;          ///< revisions run (or stamped)
  double duration_ms = 0;
  std::string error{};  ///< one line; when not started, why
  std::string note{};   ///< "already at head", ...
};

}  // namespace host::fleet
