// The name of the GET_LOCK lock that stands for a migration lock key.
#pragma once

#include <string>
#include <string_view>

namespace retort::mariadb {

/// GET_LOCK names are server-wide, so the database is part of the name:
/// migrations of two databases on one server do not wait for each other.
/// "retort:<database>:<key>" when it fits MariaDB's 64 characters;
/// otherwise its first characters, then '~' and 16 hex digits of a 64-bit
/// FNV-1a hash of the whole name (stable across builds and platforms, so
/// every retort version computes the same name).
std::string lock_name(std::string_view database, std::string_view key);

}  // namespace retort::mariadb
