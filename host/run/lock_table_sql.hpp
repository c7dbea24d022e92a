// The SQL of the lock table behind `lock = table` (see lock_table.hpp),
// rendered through the dialect's quoting and its CREATE TABLE rendering, as
// bookkeeping.hpp does for the version tables, so it runs on every engine.
//
// The table lives next to the version table and is named after it:
// `retort_version` -> `retort_lock` (a trailing `_version` becomes `_lock`,
// any other name gets `_lock` appended). It holds at most one row per lock
// key, the owner's:
//   name           the lock key (Bookkeeping::lock_key())
//   owner_host     host name of the process holding it
//   owner_pid      its process id
//   owner_token    random, unique to one run: tells a run its own row from a
//                  later owner's on the same host, even with a recycled pid;
//                  "s-" first when the owner also holds the dialect's session
//                  lock (`lock = auto` where that lock is trusted), so a later
//                  holder of the session lock knows the row's owner is gone
//   started_at     UTC ISO 8601, when the owner took it
//   expires_at_ms  end of the lease, milliseconds since the Unix epoch by the
//                  owner's clock; renewed while the owner is alive
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace host {

class Bookkeeping;
class Dialect;

/// Starts the token of a row whose owner holds the session lock too (random
/// tokens are hex digits, so no other row's does, old retort versions' included).
inline constexpr std::string_view session_holder_token_prefix = "s-";

/// One lock row.
struct LockOwner {
  std::string host;
  long long pid = 0;
  std::string token;
  std::string started_at;
  long long expires_at_ms = 0;

  /// "host H pid P (started S)", for messages.
  std::string describe() const;
  /// Whether the owner took the row while holding the session lock.
  bool held_session_lock() const { return token.starts_with(session_holder_token_prefix); }
};

class LockTableSql {
 public:
  LockTableSql(const Dialect& dialect, const Bookkeeping& books);

  /// The table's name, without schema.
  const std::string& table() const { return table_; }
  /// Its schema ("": the connection's default), the version table's.
  const std::string& schema() const { return schema_; }
  /// The name `lock = table` uses for a version table.
  static std::string table_for(const std::string& version_table);

  std::vector<std::string> create_table() const;
  std::string insert(const LockOwner& owner) const;
  std::string select_owner() const;
  /// Replaces `dead` by `me` only if `dead` still holds the row and its lease
  /// ended before `now_ms`: two runs taking over at once cannot both win.
  std::string take_over_expired(const LockOwner& dead, const LockOwner& me, long long now_ms) const;
  /// Replaces `dead` by `me` only if `dead` still holds the row, whatever its
  /// lease: for a row whose owner is known to be gone.
  std::string take_over(const LockOwner& dead, const LockOwner& me) const;
  std::string renew(const std::string& token, long long expires_at_ms) const;
  std::string remove(const std::string& token) const;

  /// The owner in the rows of select_owner(), if there is a row.
  static std::optional<LockOwner> parse_owner(const std::vector<std::vector<std::optional<std::string>>>& rows);

 private:
  std::string qualified() const;
  std::string ident(const std::string& name) const;
  std::string literal(const std::string& value) const;
  std::string where_mine(const std::string& token) const;

  const Dialect& dialect_;
  std::string schema_;
  std::string table_;
  std::string key_;
};

}  // namespace host
