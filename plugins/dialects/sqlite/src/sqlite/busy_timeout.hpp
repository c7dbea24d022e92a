// How long SQLite's busy handler waits: the one clamp for opening a
// connection and for taking the migration lock, from the host's seconds or
// the URL's `?busy_timeout=MS`.
#pragma once

#include <climits>
#include <optional>
#include <string_view>

namespace retort::sqlite {

/// Milliseconds for sqlite3_busy_timeout: 0 (do not wait) for zero,
/// negative or NaN; INT_MAX (about 24 days) for anything longer, infinity included.
inline int busy_timeout_ms(double seconds) noexcept {
  const double ms = seconds * 1000.0;
  if (!(ms > 0)) return 0;
  if (ms >= static_cast<double>(INT_MAX)) return INT_MAX;
  return static_cast<int>(ms);
}

/// The URL's `?busy_timeout=MS`: a non-negative whole number of
/// milliseconds, INT_MAX for anything longer (as above); std::nullopt when
/// `text` is not one (empty, a sign, a fraction, a unit).
inline std::optional<int> busy_timeout_ms_from_url(std::string_view text) noexcept {
  if (text.empty()) return std::nullopt;
  long long ms = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    if (ms < INT_MAX) ms = ms * 10 + (c - '0');
  }
  return ms >= INT_MAX ? INT_MAX : static_cast<int>(ms);
}

}  // namespace retort::sqlite
