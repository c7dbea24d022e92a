// How long SQLite's busy handler waits, from the host's seconds: the one
// clamp for opening a connection and for taking the migration lock.
#pragma once

#include <climits>

namespace retort::sqlite {

/// Milliseconds for sqlite3_busy_timeout: 0 (do not wait) for zero,
/// negative or NaN; INT_MAX (about 24 days) for anything longer, infinity included.
inline int busy_timeout_ms(double seconds) noexcept {
  const double ms = seconds * 1000.0;
  if (!(ms > 0)) return 0;
  if (ms >= static_cast<double>(INT_MAX)) return INT_MAX;
  return static_cast<int>(ms);
}

}  // namespace retort::sqlite
