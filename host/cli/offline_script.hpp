// The offline session (--sql): instead of a connection, a script on stdout
// or in --output FILE, in the dialect's syntax, that first creates retort's
// tables. upgrade, downgrade and stamp drive the same Runner or statements
// into it as they do into a LockedSession's connection.
#pragma once

#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "host/cli/app.hpp"
#include "host/run/sink.hpp"

namespace host {

class OfflineScript {
 public:
  /// Whether the script opens with a comment naming retort's version and
  /// the dialect (upgrade and downgrade scripts do, stamp's do not).
  enum class Header { none, version_and_dialect };
  /// Opens --output (usage error if it cannot be written), then writes the
  /// header and the statements creating retort's tables.
  OfflineScript(App& app, Header header);
  OfflineScript(const OfflineScript&) = delete;
  OfflineScript& operator=(const OfflineScript&) = delete;

  Sink& sink() { return sink_; }
  const Bookkeeping& books() const { return books_; }
  /// Flushes the script; a usage error if it could not all be written.
  void close();

 private:
  std::ostream& open();
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }

  std::optional<std::string> path_;
  std::ofstream file_;
  ScriptSink sink_;  // after file_: writes to it
  Bookkeeping books_;
};

}  // namespace host
