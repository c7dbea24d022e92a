// retort/sdk/common.hpp: what both kinds of plugin need to cross the ABI
// safely: string conversions, error reporting, and the exception boundary.
// Header-only, C++17.
#pragma once

#include <retort/abi.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the revision registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

/// Borrows a view as an ABI string; the view must outlive the use.
inline retort_str str(std::string_view s) noexcept { return retort_str{s.data(), s.size()}; }

/// Views an ABI string (a null pointer is the empty string).
inline std::string_view view(retort_str s) noexcept {
  return s.data ? std::string_view(s.data, s.size) : std::string_view();
}

/// A copy of a growable ABI struct (one that starts with `struct_size`)
/// holding only the fields `given` says it has; the rest stay zero, which
/// abi.h defines as "absent". Read every retort_op and retort_column through
/// this: a struct from an older minor is shorter, one from a newer minor is
/// longer, and both are valid.
template <class Struct>
Struct fitted(const Struct& given) noexcept {
  Struct local{};
  std::size_t n = given.struct_size < sizeof(Struct) ? given.struct_size : sizeof(Struct);
  std::memcpy(static_cast<void*>(&local), static_cast<const void*>(&given), n);
  local.struct_size = static_cast<std::uint32_t>(sizeof(Struct));
  return local;
}

/// Thrown inside a plugin to report a failure of a given kind; guard() turns
/// it into a retort_error at the boundary.
class failure : public std::runtime_error {
 public:
  explicit failure(std::string message, int kind = RETORT_ERROR_DATABASE,
                   std::string sqlstate = {}, int native_code = 0, int statement_index = -1,
                   std::uint32_t flags = 0)
      : std::runtime_error(std::move(message)),
        kind_(kind),
        sqlstate_(std::move(sqlstate)),
        native_code_(native_code),
        statement_index_(statement_index),
        flags_(flags) {}
  int kind() const noexcept { return kind_; }
  const std::string& sqlstate() const noexcept { return sqlstate_; }
  int native_code() const noexcept { return native_code_; }
  int statement_index() const noexcept { return statement_index_; }
  /// RETORT_ERROR_FLAG_* (ABI 1.2), e.g. RETORT_ERROR_FLAG_CONNECTION_LOST.
  std::uint32_t flags() const noexcept { return flags_; }

 private:
  int kind_;
  std::string sqlstate_;
  int native_code_;
  int statement_index_;
  std::uint32_t flags_;
};

namespace detail {
// The host owns `err` and says how much of it exists in struct_size; write
// only inside that, and always NUL-terminate.
inline bool has_field(const retort_error* err, std::size_t offset, std::size_t size) noexcept {
  return err && err->struct_size >= offset + size;
}
inline void copy_truncated(char* dst, std::size_t cap, std::string_view src) noexcept {
  std::size_t n = src.size() < cap - 1 ? src.size() : cap - 1;
  if (n > 0) std::memcpy(dst, src.data(), n);  // an empty view may have a null data()
  dst[n] = '\0';
  for (std::size_t i = 0; i < n; ++i)  // the host prints one line
    if (dst[i] == '\n' || dst[i] == '\r') dst[i] = ' ';
}
}  // namespace detail

/// Fills a host-owned error. Never throws.
inline void fail(retort_error* err, int kind, std::string_view message,
                 std::string_view sqlstate = {}, int native_code = 0,
                 int statement_index = -1, std::uint32_t flags = 0) noexcept {
  using detail::has_field;
  if (has_field(err, offsetof(retort_error, kind), sizeof err->kind)) err->kind = kind;
  if (has_field(err, offsetof(retort_error, native_code), sizeof err->native_code))
    err->native_code = native_code;
  if (has_field(err, offsetof(retort_error, statement_index), sizeof err->statement_index))
    err->statement_index = statement_index;
  if (has_field(err, offsetof(retort_error, sqlstate), sizeof err->sqlstate))
    detail::copy_truncated(err->sqlstate, sizeof err->sqlstate, sqlstate);
  if (has_field(err, offsetof(retort_error, message), sizeof err->message))
    detail::copy_truncated(err->message, sizeof err->message, message);
  if (has_field(err, offsetof(retort_error, flags), sizeof err->flags)) err->flags = flags;
}

/// Runs `body` and turns every exception into `err`: the one place where
/// C++ errors stop before the C boundary. Returns RETORT_OK or RETORT_FAILED.
template <class Body>
int guard(retort_error* err, Body&& body) noexcept {
  try {
    body();
    return RETORT_OK;
  } catch (const failure& f) {
    fail(err, f.kind(), f.what(), f.sqlstate(), f.native_code(), f.statement_index(), f.flags());
  } catch (const std::exception& e) {
    fail(err, RETORT_ERROR_PLUGIN, std::string("plugin exception: ") + e.what());
  } catch (...) {
    fail(err, RETORT_ERROR_PLUGIN, "plugin threw an unknown exception");
  }
  return RETORT_FAILED;
}

}  // namespace retort
#pragma GCC visibility pop

#if defined(__GNUC__)
#define RETORT_EXPORT extern "C" __attribute__((visibility("default")))
#else
#define RETORT_EXPORT extern "C"
#endif
