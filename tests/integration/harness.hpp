// What the integration tests act through: the built `retort` binary run as a
// user runs it, in a temporary project folder, against a real database whose
// state is read back with the engine's own command-line client.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace it {

namespace fs = std::filesystem;

struct Result {
  int code = -1;         ///< exit status, or -1 when killed by a signal
  int signal = 0;        ///< the signal that ended it, 0 if it exited
  std::string out, err;
};

/// Runs `program args...` in `cwd` with extra environment; never via a shell.
Result run_process(const std::vector<std::string>& argv, const fs::path& cwd,
                   const std::map<std::string, std::string>& env = {});

/// A process started by spawn_process(), for tests that signal it while it
/// runs. Its output is read only inside wait_for_stderr() and finish(), so a
/// child that writes more than a pipe holds (64 KiB) in between blocks.
/// Destroying an unfinished Process kills it with SIGKILL and reaps it.
class Process {
 public:
  Process(int pid, int out_fd, int err_fd) : pid_(pid), fds_{out_fd, err_fd} {}
  ~Process();
  Process(Process&& other) noexcept;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  Process& operator=(Process&&) = delete;

  int pid() const { return pid_; }
  /// Sends `signal` (e.g. SIGKILL, SIGINT); a process that has exited is not an error.
  void send(int signal) const;
  /// Reads output until stderr contains `text` (true), or the process closes
  /// its output or `timeout_ms` passes (false).
  bool wait_for_stderr(const std::string& text, int timeout_ms);
  /// Reads the rest of the output and waits for the process to end.
  Result finish();

 private:
  /// Reads whatever arrives within `timeout_ms` (-1: until both pipes close).
  void pump(int timeout_ms);
  int pid_;
  int fds_[2];
  Result partial_;
  bool finished_ = false;
};

/// Starts `program args...` like run_process() but returns at once.
Process spawn_process(const std::vector<std::string>& argv, const fs::path& cwd,
                      const std::map<std::string, std::string>& env = {});

/// The built tree: bin/retort, lib/retort/plugins, revisions/retort_shop.so.
fs::path build_dir();
fs::path source_dir();
fs::path retort_binary();
fs::path shop_plugin();

/// A temporary folder removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& content);
std::string read_file(const fs::path& path);

/// One database engine with a fresh, empty database per test.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;  ///< "sqlite", "postgresql", "mariadb"
  virtual std::string url() const = 0;
  /// Runs SQL with the engine's client; rows as lines, columns tab-separated.
  virtual std::string query(const std::string& sql) const = 0;
  /// Feeds a script file to the engine's client, stopping at the first error.
  virtual Result apply_script(const fs::path& script) const = 0;
  /// Table names of the user schema, sorted, one per line.
  virtual std::string tables() const = 0;
  /// "table.column type nullable" lines for the user schema, sorted.
  virtual std::string columns() const = 0;
  /// A fresh database on the same server (for comparing two runs).
  virtual std::unique_ptr<Engine> sibling() const = 0;
};

/// Makes a fresh database of the engine named; fails the test (via
/// exception) if the server's URL is not configured.
std::unique_ptr<Engine> make_engine(const std::string& name, const fs::path& workdir);

/// The engines the suite runs on: all three.
std::vector<std::string> engine_names();

}  // namespace it
