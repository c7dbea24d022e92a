// Internal to host/abi: the retort_error the host owns for one plugin call,
// and how a failure in it becomes a DatabaseError.
#pragma once

#include <retort/abi.h>

#include <string_view>

#include "host/abi/database_error.hpp"

namespace host {

/// A retort_error the host owns and hands to one plugin call.
///
/// Invariant: it is zeroed with struct_size set before the call, and its
/// strings are NUL-terminated by the host before they are read, because a
/// broken plugin may leave them unterminated.
class ErrorReport {
 public:
  ErrorReport() noexcept;
  ErrorReport(const ErrorReport&) = delete;
  ErrorReport& operator=(const ErrorReport&) = delete;

  retort_error* get() noexcept { return &error_; }

  /// Throws DatabaseError unless `rc` is RETORT_OK. `plugin` prefixes the
  /// message; `operation` names the call when the plugin gave no reason;
  /// `secret`, when not empty, is masked as *** where the message echoes it (mask_secrets).
  void check(int rc, std::string_view plugin, std::string_view operation,
             std::string_view secret = {});

  /// The DatabaseError for what the plugin wrote, whatever `rc` was.
  [[noreturn]] void raise(std::string_view plugin, std::string_view operation,
                          std::string_view secret = {});

 private:
  retort_error error_;
};

}  // namespace host
