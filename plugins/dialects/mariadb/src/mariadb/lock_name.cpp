#include "mariadb/lock_name.hpp"

#include <cstddef>
#include <cstdint>

namespace retort::mariadb {
namespace {

constexpr std::size_t max_lock_name = 64;  // MariaDB's limit, in characters

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string hex16(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return out;
}

}  // namespace

std::string lock_name(std::string_view database, std::string_view key) {
  std::string name = "retort:";
  name += database;
  name += ':';
  name += key;
  // Bytes bound characters from above, so fitting in bytes is enough.
  if (name.size() <= max_lock_name) return name;
  const std::string suffix = "~" + hex16(fnv1a(name));
  std::size_t keep = max_lock_name - suffix.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep) + suffix;
}

}  // namespace retort::mariadb
