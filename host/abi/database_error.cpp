#include "host/abi/database_error.hpp"
#include "host/abi/error_report.hpp"

#include <retort/sdk/text.hpp>

#include <cstring>
#include <utility>

#include "host/config/url.hpp"

namespace host {

namespace {

// Where a driver echoes the password, and only there: a password that is
// also a word must not garble the names in the message (issue 17).
std::string masked(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  return mask_secrets(std::move(text), {std::string(secret)});
}

}  // namespace

bool is_connection_lost(const std::exception& e) noexcept {
  const auto* database = dynamic_cast<const DatabaseError*>(&e);
  if (!database) return false;
  return database->connection_lost() || database->sqlstate().rfind("08", 0) == 0;
}

ExitCode exit_code_for_error_kind(std::int32_t kind) noexcept {
  switch (kind) {
    case RETORT_ERROR_DATABASE: return ExitCode::database;
    case RETORT_ERROR_USAGE: return ExitCode::usage;
    case RETORT_ERROR_PLUGIN: return ExitCode::plugin;
    case RETORT_ERROR_REVISION: return ExitCode::graph;
    case RETORT_ERROR_LOCK_TIMEOUT: return ExitCode::lock;
    default: return ExitCode::plugin;
  }
}

DatabaseError::DatabaseError(ExitCode code, const std::string& message,
                             std::string plugin_message, std::string sqlstate,
                             int native_code, int statement_index, bool connection_lost)
    : Error(code, message),
      plugin_message_(std::move(plugin_message)),
      sqlstate_(std::move(sqlstate)),
      native_code_(native_code),
      statement_index_(statement_index),
      connection_lost_(connection_lost) {}

ErrorReport::ErrorReport() noexcept {
  std::memset(&error_, 0, sizeof error_);
  error_.struct_size = sizeof error_;
  // A plugin that fills only the message has not said which statement failed.
  error_.statement_index = -1;
}

void ErrorReport::check(int rc, std::string_view plugin, std::string_view operation,
                        std::string_view secret) {
  if (rc != RETORT_OK) raise(plugin, operation, secret);
}

void ErrorReport::raise(std::string_view plugin, std::string_view operation,
                        std::string_view secret) {
  error_.message[sizeof error_.message - 1] = '\0';
  error_.sqlstate[sizeof error_.sqlstate - 1] = '\0';
  std::string text = masked(retort::text::one_line(error_.message), secret);
  std::string sqlstate = retort::text::one_line(error_.sqlstate);
  std::string line = std::string(plugin) + ": " +
                     (text.empty() ? std::string(operation) + " failed and the plugin gave no reason"
                                   : text);
  throw DatabaseError(exit_code_for_error_kind(error_.kind), line, std::move(text),
                      std::move(sqlstate), error_.native_code, error_.statement_index,
                      (error_.flags & RETORT_ERROR_FLAG_CONNECTION_LOST) != 0);
}

}  // namespace host
