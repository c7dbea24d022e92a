// The progress line of a run of several revisions, on a terminal:
//   [2/5] upgrade 8a4e1c2b3d4f create products ... 3.2s
// kept as the logger's status line (below the log lines, which still say
// what ran) with the elapsed time of the whole run ticking while a long
// revision runs. Anywhere else (pipes, files, CI, --log-format json,
// --log-level warn) it draws nothing: the log lines alone tell the story.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "host/log/logger.hpp"

namespace host {

class Progress {
 public:
  /// Shows nothing when `total` < 2 or the logger has no status line.
  Progress(Logger& logger, std::size_t total);
  /// Erases the line: the log, or the error that ended the run, follows.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Step `n` (1-based) of the total begins; `what` is e.g.
  /// "upgrade 8a4e1c2b3d4f create products". Drawn at once.
  void step(std::size_t n, std::string what);

 private:
  void draw();
  void tick();

  Logger& logger_;
  const std::size_t total_;
  const bool active_;
  const std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;  ///< guards what follows, shared with the ticker
  std::condition_variable wake_;
  bool stopping_ = false;
  std::string line_;  ///< "[n/m] what", without the elapsed time
  std::thread ticker_;
};

/// "0.4s", "12.0s", "3m07s", "1h02m": an elapsed time as a person reads it.
std::string format_elapsed(std::chrono::milliseconds elapsed);

}  // namespace host
