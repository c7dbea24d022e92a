// host/errors: the host's one error type. Each layer throws or wraps an
// Error with what it knows (file and line, revision, plugin, URL with the
// password masked); the CLI prints its message as one line and exits with
// its code. Exit codes are decided here and nowhere else.
#pragma once

#include <stdexcept>
#include <string>

namespace host {

/// SPEC §5 exit codes.
enum class ExitCode : int {
  ok = 0,
  database = 1,  ///< the database refused, or the connection failed
  usage = 2,     ///< bad command line or configuration
  plugin = 3,    ///< plugin missing, unloadable, wrong ABI, misbehaving
  graph = 4,     ///< cycle, unknown or ambiguous revision, several heads
  lock = 5,      ///< migration lock not acquired within lock_timeout
  check = 6,     ///< `check` found a difference
  interrupted_int = 130,
  interrupted_term = 143,
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

/// Shorthands that read like the failure they raise.
[[noreturn]] inline void usage_error(const std::string& m) { throw Error(ExitCode::usage, m); }
[[noreturn]] inline void plugin_error(const std::string& m) { throw Error(ExitCode::plugin, m); }
[[noreturn]] inline void graph_error(const std::string& m) { throw Error(ExitCode::graph, m); }
[[noreturn]] inline void database_error(const std::string& m) { throw Error(ExitCode::database, m); }

}  // namespace host
