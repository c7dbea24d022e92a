// The pieces of the migration lock that need no server: the key a lock name
// maps to, the lock_timeout value for a wait, and the message on timeout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace retort::postgresql {

/// The pg_advisory_lock key for a lock name: FNV-1a (64-bit) of its bytes,
/// reinterpreted as the signed bigint the function takes. Deterministic
/// across processes, builds and machines, so every retort agrees on it.
std::int64_t advisory_lock_key(std::string_view name);

/// How pg_locks shows a bigint advisory key: classid holds the high 32 bits,
/// objid the low 32 bits, and objsubid is 1.
struct advisory_lock_ids {
  std::uint32_t classid;
  std::uint32_t objid;
};
advisory_lock_ids lock_ids(std::int64_t key);

/// The lock_timeout value for a wait of `seconds` (> 0), in whole
/// milliseconds, at least 1; "0" (PostgreSQL's "wait forever") when the wait
/// exceeds what lock_timeout can hold or is infinite.
std::string lock_timeout_setting(double seconds);

/// Who holds a lock, as the server reports it; fields absent when unknown
/// (pg_stat_activity hides other users' details from unprivileged roles).
struct lock_holder {
  std::string pid;
  std::optional<std::string> application_name;
  std::optional<std::string> client_address;  // an address, or "unix socket"
  std::optional<std::string> backend_start;
};

/// The one-line timeout message, e.g. `migration lock "retort_version" not
/// acquired within 0.3 s: held by pid 42 (application "retort", client
/// 127.0.0.1, connected since 2024-01-01T00:00:00Z)`.
std::string lock_timeout_message(std::string_view name, double seconds, const std::optional<lock_holder>& holder);

}  // namespace retort::postgresql
