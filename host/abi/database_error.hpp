// The host's side of a retort_error: the failure a plugin reported, kept
// with the database's own details so the runner can add the revision id and
// build its one-line message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "host/errors/error.hpp"

namespace host {

/// Maps retort_error.kind to the exit code it stands for. Kinds this host
/// does not know (a newer or a broken plugin) are plugin errors.
ExitCode exit_code_for_error_kind(std::int32_t kind) noexcept;

/// A failure reported by a plugin through retort_error. Despite the name it
/// carries every kind a plugin can report (the exit code says which); most
/// are the database refusing something, hence the name callers catch it by.
class DatabaseError : public Error {
 public:
  DatabaseError(ExitCode code, const std::string& message, std::string plugin_message,
                std::string sqlstate, int native_code, int statement_index, bool connection_lost = false);

  /// The plugin's message as it wrote it (control characters replaced), without
  /// the "dialect: " prefix what() has.
  const std::string& plugin_message() const noexcept { return plugin_message_; }
  /// Five-character SQLSTATE, or "" when the engine gave none.
  const std::string& sqlstate() const noexcept { return sqlstate_; }
  /// The engine's own error number, 0 if none.
  int native_code() const noexcept { return native_code_; }
  /// 0-based statement of a script that failed, -1 if unknown.
  int statement_index() const noexcept { return statement_index_; }
  /// The plugin said the connection is unusable (RETORT_ERROR_FLAG_CONNECTION_LOST).
  bool connection_lost() const noexcept { return connection_lost_; }

 private:
  std::string plugin_message_;
  std::string sqlstate_;
  int native_code_;
  int statement_index_;
  bool connection_lost_;
};

/// Whether `e` says the session with the server is gone: the dialect said
/// so (RETORT_ERROR_FLAG_CONNECTION_LOST), or, from a dialect of ABI 1.1 or
/// older, SQLSTATE class 08 (the standard's connection exception). The
/// server has then rolled back what was open and dropped the session's
/// locks, so cleanup through that session cannot succeed and need not.
bool is_connection_lost(const std::exception& e) noexcept;


}  // namespace host
