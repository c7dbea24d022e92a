// What opening a connection needs, read from the options the host gives
// (abi.h, retort_connect_params): url.database, lock_timeout and the URL
// parameters, which are pragmas. Kept apart from the connection so the
// dialect refuses a bad URL before touching the file.
#pragma once

#include <retort/sdk/dialect.hpp>

#include <optional>
#include <string>

namespace retort::sqlite {

struct open_settings {
  std::string path;  ///< url.database: a file name, or ":memory:"
  /// How long reads wait for another writer: `?busy_timeout=MS`, else
  /// lock_timeout (default 60 s). The migration lock waits lock_timeout
  /// whatever this says (transactions.cpp).
  int busy_timeout_ms = 60000;
  std::optional<bool> foreign_keys;         ///< `?foreign_keys=on|off|1|0|true|false`
  std::optional<std::string> journal_mode;  ///< `?journal_mode=...`, lower case
};

/// Reads the options; throws retort::failure (usage) for a URL parameter
/// that is not busy_timeout, foreign_keys or journal_mode (a `?mode=ro`
/// silently dropped once let a "read-only" URL migrate the database), a
/// value they do not take, or a lock_timeout that is not a number.
open_settings read_open_settings(const options& opts);

}  // namespace retort::sqlite
