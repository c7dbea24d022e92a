#include "postgresql/advisory_lock.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace retort::postgresql {

std::int64_t advisory_lock_key(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64 offset basis
  for (unsigned char c : name) {
    hash ^= c;
    hash *= 0x100000001b3ull;  // FNV-1a 64 prime
  }
  std::int64_t key;
  std::memcpy(&key, &hash, sizeof key);  // two's complement, no overflow UB
  return key;
}

advisory_lock_ids lock_ids(std::int64_t key) {
  std::uint64_t bits;
  std::memcpy(&bits, &key, sizeof bits);
  return {static_cast<std::uint32_t>(bits >> 32), static_cast<std::uint32_t>(bits & 0xffffffffu)};
}

std::string lock_timeout_setting(double seconds) {
  const double ms = std::ceil(seconds * 1000.0);
  // lock_timeout is an int of milliseconds; beyond it, waiting forever is
  // what the caller asked for in practice.
  if (!std::isfinite(ms) || ms > static_cast<double>(std::numeric_limits<std::int32_t>::max())) return "0";
  return std::to_string(ms < 1.0 ? 1 : static_cast<long long>(ms)) + "ms";
}

std::string lock_timeout_message(std::string_view name, double seconds, const std::optional<lock_holder>& holder) {
  char wait[32];
  std::snprintf(wait, sizeof wait, "%g", seconds);
  std::string message = "migration lock \"" + std::string(name) + "\" not acquired within " + wait + " s";
  if (!holder) return message + ": held by another session";
  message += ": held by pid " + holder->pid;
  std::string details;
  auto add = [&](const std::string& part) { details += (details.empty() ? "" : ", ") + part; };
  if (holder->application_name && !holder->application_name->empty())
    add("application \"" + *holder->application_name + "\"");
  if (holder->client_address) add("client " + *holder->client_address);
  if (holder->backend_start) add("connected since " + *holder->backend_start);
  return details.empty() ? message : message + " (" + details + ")";
}

}  // namespace retort::postgresql
