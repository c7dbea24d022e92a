// A live database session opened by a dialect plugin: the host's wrapper
// over retort_connection and the dialect's connection functions.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/schema/schema.hpp"

struct retort_connection;  // retort/abi.h, read only inside host/abi
struct retort_dialect_v1;

namespace host {

struct FunctionTable;

/// Every call throws DatabaseError (see database_error.hpp) with the exit
/// code of the kind the plugin reported. Not thread-safe: one session.
class Connection {
 public:
  using Row = std::vector<std::optional<std::string>>;  ///< nullopt is SQL NULL

  /// Takes ownership of `handle`, which `functions.connect` returned.
  /// Made by Dialect::connect().
  Connection(retort_connection* handle, std::shared_ptr<const FunctionTable> table, std::string dialect);
  /// Disconnects; the plugin cannot report a failure here and is not asked to.
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The dialect's name, as its messages are prefixed.
  const std::string& dialect() const noexcept { return dialect_; }

  /// Runs a script of one or more statements.
  void execute(std::string_view sql);
  /// Runs one statement and returns every row, all values as text.
  std::vector<Row> query(std::string_view sql);
  /// As query(), handing each row to `each` as it arrives instead of keeping
  /// them all, as views valid during the call: a long history table is
  /// neither copied nor held. An exception from `each` ends the reading and
  /// is rethrown here.
  using RowView = std::vector<std::optional<std::string_view>>;
  void query_each(std::string_view sql, const std::function<void(const RowView&)>& each);
  void begin();
  void commit();
  void rollback();
  /// Takes the migration lock `key`; the error's code is ExitCode::lock when
  /// it was not acquired within `timeout_seconds`.
  void lock(std::string_view key, double timeout_seconds);
  void unlock(std::string_view key);
  /// Whether `table` exists in `schema` (empty: the connection's default).
  bool table_exists(std::string_view schema, std::string_view table);
  /// Asks the plugin (ABI 1.1 `cancel`) to stop the statement an execute()
  /// or query() on another thread is running. The one member safe to call
  /// from another thread; does nothing when no such call is in progress or
  /// the dialect cannot cancel (NULL, or a 1.0 table). Never throws: a
  /// cancel that fails leaves the statement to run to its end.
  void cancel() noexcept;
  /// "" when the dialect's lock() on this connection excludes every other
  /// session (or the dialect cannot say: NULL, a table before 1.2); else the
  /// dialect's one-line reason why not (ABI 1.2 session_lock_doubt).
  std::string session_lock_doubt();
  /// The live schema `schema` (empty: the connection's default) as the
  /// dialect's introspect() (ABI 1.2) reads it, without the tables named in
  /// `skip`, sorted. A dialect without introspect is a plugin error naming it.
  schema::Schema read_schema(std::string_view schema, const std::vector<std::string>& skip);

 private:
  /// Marks execute()/query() in progress, so cancel() never reaches a
  /// statement the caller did not mean (a ROLLBACK, the unlock).
  class Busy;
  retort_connection* handle_;   // owned; released by the destructor
  std::shared_ptr<const FunctionTable> table_;  // the dialect's, validated when it was loaded
  const retort_dialect_v1& functions_;           // inside *table_
  std::string dialect_;
  std::mutex busy_mutex_;  // guards busy_, and holds cancel() and the end of a call apart
  bool busy_ = false;
};

}  // namespace host
