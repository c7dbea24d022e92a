// host/log: the host's one logger. Lines go to stderr (stdout carries only
// results), optionally also to a file, as text or JSON, with every
// configured secret masked.
#pragma once

#include <cstdio>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host/log/terminal.hpp"

namespace host {

/// Most severe first: a logger at `info` writes error, warn and info.
enum class Level { error, warn, info, debug };

/// "error" | "warn" | "info" | "debug", any case; host::Error(usage) otherwise.
Level parse_level(std::string_view name);

/// The lowercase name parse_level accepts.
std::string_view level_name(Level level);

/// Extra key=value pairs on a line, in order.
using LogFields = std::vector<std::pair<std::string, std::string>>;

class Logger {
 public:
  /// Lines go to `console`; the process-wide logger() uses std::cerr.
  /// Until configure(): info, text, no file, no secrets. `traits` say what
  /// the console may show (terminal.hpp); the default is plain text.
  explicit Logger(std::ostream& console, ConsoleTraits traits = {});
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  /// Replaces the whole configuration. `file`, when not empty, is opened for
  /// appending (host::Error(usage) naming it if that fails; the previous
  /// configuration then stays). `secrets` are masked in every line.
  void configure(Level threshold, bool json, const std::string& file,
                 std::vector<std::string> secrets);

  /// Adds secrets to mask (a fleet's target URLs, known once read).
  void add_secrets(const std::vector<std::string>& secrets);

  /// Whether a line of `level` would be written; spares building costly ones.
  bool enabled(Level level) const noexcept;

  /// Writes one line if `level` passes the threshold. Never throws: a line
  /// that cannot be written is lost, the migration goes on.
  void log(Level level, std::string_view message, const LogFields& fields = {}) noexcept;

  void error(std::string_view message, const LogFields& fields = {}) noexcept;
  void warn(std::string_view message, const LogFields& fields = {}) noexcept;
  void info(std::string_view message, const LogFields& fields = {}) noexcept;
  void debug(std::string_view message, const LogFields& fields = {}) noexcept;

  /// Whether show_status() draws anything: the console is a terminal that
  /// allows it, the format is text, and info lines are wanted.
  bool status_line_enabled() const noexcept;
  /// Keeps `text` as the console's last line, redrawn below every log line,
  /// until clear_status(). The file copy never sees it. Never throws.
  void show_status(std::string_view text) noexcept;
  void clear_status() noexcept;

 private:
  mutable std::mutex mutex_;
  std::ostream& console_;
  Level threshold_ = Level::info;
  bool json_ = false;
  std::FILE* file_ = nullptr;  ///< owned; closed on reconfigure and destruction
  std::vector<std::string> secrets_;
  ConsoleTraits traits_;
  std::string status_;  ///< on the console's last line now; empty: none
};

/// The process-wide logger, writing to stderr.
Logger& logger();

/// While it lives, every line the calling thread logs carries `key=value`
/// first among its fields (a fleet's `target=NAME`, whichever component
/// logs the line).
class ThreadLogField {
 public:
  ThreadLogField(std::string key, std::string value);
  ~ThreadLogField();
  ThreadLogField(const ThreadLogField&) = delete;
  ThreadLogField& operator=(const ThreadLogField&) = delete;
};

}  // namespace host
