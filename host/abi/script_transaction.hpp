// Scripts that bring their own transaction: migration files written for
// golang-migrate, Flyway or psql often wrap themselves in BEGIN; ... COMMIT;.
// Inside retort's per-revision transaction that breaks (SQLite refuses a
// nested BEGIN, PostgreSQL and MariaDB commit retort's transaction early), so
// the collector drops such a wrapper and the revision runs in retort's
// transaction instead. Only words are looked at here; the dialect's splitter
// has already decided where statements begin and end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace host {

/// True when the first word of `script`, after white space and comments, is
/// BEGIN or START: the cheap test that spares splitting every other script.
bool may_open_own_transaction(std::string_view script);

/// When `statements` (a script split by its dialect) starts with a bare
/// transaction start (BEGIN, BEGIN TRANSACTION / WORK, BEGIN DEFERRED /
/// IMMEDIATE / EXCLUSIVE, START TRANSACTION), ends with a bare commit
/// (COMMIT [TRANSACTION / WORK], END [TRANSACTION / WORK]) and holds no other
/// transaction control in between, removes those two and returns true.
/// Otherwise leaves `statements` as they are and returns false: a script that
/// commits or rolls back midway, or starts its transaction with options
/// (ISOLATION LEVEL, READ ONLY), means something retort cannot keep.
bool strip_own_transaction(std::vector<std::string>& statements);

}  // namespace host
