// The journal of a fleet run: JSON lines, a header naming the command, then
// one line per target as it ends, flushed to the disk, so that --resume can
// run again what failed or never finished, even after a kill -9.
#pragma once

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

#include "host/fleet/outcome.hpp"

namespace host::fleet {

class Journal {
 public:
  /// A fresh journal at `path` (replacing an older one), its header written.
  /// Usage error naming the path if it cannot be written.
  static Journal start(const std::filesystem::path& path, const std::string& command);

  /// For --resume: reads `path` and appends from then on. `done` receives the
  /// targets whose last recorded outcome is ok. Usage error when the file is
  /// missing, is not a journal, or is one of another command; a line that
  /// does not parse (torn by a kill) is ignored.
  static Journal resume(const std::filesystem::path& path, const std::string& command, std::set<std::string>& done);

  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&&) = delete;
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  ~Journal();

  /// Appends `outcome` as one line and syncs it; safe from several threads.
  /// False when it could not be written (the run goes on).
  bool record(const Outcome& outcome);

 private:
  Journal(std::FILE* file, std::filesystem::path path);
  bool write_line(const std::string& line);

  std::FILE* file_;
  std::filesystem::path path_;
  std::mutex mutex_;
};

}  // namespace host::fleet
