// A loaded dialect plugin: the host's wrapper over retort_dialect_v1.
// Rendering needs no connection, so offline mode uses a Dialect alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host/abi/connection.hpp"
#include "host/abi/loaded_plugin.hpp"

struct retort_dialect_v1;  // retort/abi.h, read only inside host/abi
struct retort_op;

namespace host {

/// Every call that can fail throws DatabaseError with the exit code of the
/// kind the plugin reported, or host::Error(ExitCode::plugin) when the
/// plugin breaks the ABI's contract. The plugin's static strings are copied
/// once; null ones read as the defaults.
class Dialect {
 public:
  /// `plugin` must be a dialect (load_plugin() validated its table).
  explicit Dialect(LoadedPlugin plugin);
  ~Dialect();
  Dialect(const Dialect&) = delete;
  Dialect& operator=(const Dialect&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& version() const noexcept { return version_; }
  const std::filesystem::path& path() const noexcept { return path_; }
  /// The URL schemes the plugin's table lists (the registry chooses by the
  /// static note's, which the build writes from the same string).
  const std::vector<std::string>& schemes() const noexcept { return schemes_; }
  bool transactional_ddl() const noexcept { return transactional_ddl_; }
  /// Statements that open and close a transaction in offline scripts;
  /// "BEGIN" and "COMMIT" when the plugin gives none.
  const std::string& begin_sql() const noexcept { return begin_sql_; }
  const std::string& commit_sql() const noexcept { return commit_sql_; }
  /// The engine's current UTC time as an SQL expression (abi.h utc_now_sql);
  /// "" when the plugin gives none (ABI 1.1 and older).
  const std::string& utc_now_sql() const noexcept { return utc_now_sql_; }
  /// Whether lock() takes a lock of the server session (RETORT_DIALECT_SESSION_LOCK).
  bool has_session_lock() const noexcept { return session_lock_; }
  /// The dialect's URLs name a file (RETORT_DIALECT_FILE_URL), not a server.
  bool has_file_url() const noexcept { return file_url_; }
  /// The engine alters a table by rebuilding it (RETORT_DIALECT_REBUILDS_TABLES).
  bool rebuilds_tables() const noexcept { return rebuilds_tables_; }
  /// DROP DATABASE takes WITH (FORCE) (RETORT_DIALECT_DROP_DATABASE_FORCE).
  bool drops_database_with_force() const noexcept { return drops_database_with_force_; }

  /// Connects. `url` is passed whole (the plugin must never echo it) and
  /// `options` are the URL's parts (url.user, url.password, param.NAME...).
  /// A password given as url.password is masked in the error message.
  std::unique_ptr<Connection> connect(
      const std::string& url, const std::vector<std::pair<std::string, std::string>>& options) const;

  /// The statements `op` renders to.
  std::vector<std::string> render(const retort_op& op) const;
  /// A script split into statements, honouring the dialect's quoting.
  std::vector<std::string> split(std::string_view script) const;
  std::string quote_identifier(std::string_view name) const;
  std::string quote_literal(std::string_view value) const;

 private:
  std::filesystem::path path_;
  std::string name_;
  std::string version_;
  std::shared_ptr<const FunctionTable> table_;  // shared with the LoadedPlugin
  const retort_dialect_v1& functions_;           // inside *table_
  std::vector<std::string> schemes_;
  bool transactional_ddl_ = false;
  std::string begin_sql_;
  std::string commit_sql_;
  std::string utc_now_sql_;
  bool session_lock_;
  bool file_url_;
  bool rebuilds_tables_;
  bool drops_database_with_force_;
  int abi_minor_;
};

}  // namespace host
