// The migration lock: GET_LOCK, which is per connection, survives COMMIT
// and is released when the connection ends, so a crashed migration never
// leaves the lock behind.
#include "mariadb/connection.hpp"
#include "mariadb/lock_name.hpp"

#include <cmath>
#include <sstream>

namespace retort::mariadb {
namespace {

std::string seconds(double s) {
  std::ostringstream out;
  out << s << " s";
  return out.str();
}

}  // namespace

void mariadb_connection::lock(std::string_view key, double timeout_seconds) {
  if (!(timeout_seconds >= 0) || std::isinf(timeout_seconds))
    throw failure("the lock timeout must be a finite number of seconds, zero or more",
                  RETORT_ERROR_USAGE);
  const std::string name = lock_name(database_, key);
  const std::string name_literal = literal(name);
  std::ostringstream sql;
  sql.precision(17);
  sql << "SELECT GET_LOCK(" << name_literal << ", " << timeout_seconds << ")";
  const std::optional<std::string> got = query_value(sql.str());
  if (got && *got == "1") return;
  if (!got)
    throw failure(
        scrub("GET_LOCK(" + name_literal + ") returned NULL: the server could not take the lock"),
        RETORT_ERROR_DATABASE);
  throw failure(scrub("migration lock " + name_literal + " not acquired within " +
                      seconds(timeout_seconds) + ": held by " + describe_lock_holder(name_literal)),
                RETORT_ERROR_LOCK_TIMEOUT);
}

// Best effort: the holder may let go meanwhile, and PROCESSLIST shows other
// accounts' sessions only with the PROCESS privilege.
std::string mariadb_connection::describe_lock_holder(const std::string& name_literal) {
  try {
    const std::optional<std::string> id = query_value("SELECT IS_USED_LOCK(" + name_literal + ")");
    if (!id) return "another connection (which has released it since)";
    std::string who = "connection " + *id;
    query_rows("SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = " +
                   *id,
               [&](const row& r) {
                 if (r.size() < 4 || !r[0] || !r[1]) return;
                 who += " (" + std::string(*r[0]) + "@" + std::string(*r[1]);
                 if (r[2] && r[3]) who += ", " + std::string(*r[2]) + " for " + std::string(*r[3]) + " s";
                 who += ")";
               });
    return who;
  } catch (const failure&) {
    return "another connection";
  }
}

void mariadb_connection::unlock(std::string_view key) {
  const std::string name_literal = literal(lock_name(database_, key));
  const std::optional<std::string> released =
      query_value("SELECT RELEASE_LOCK(" + name_literal + ")");
  if (released && *released == "1") return;
  throw failure(scrub("migration lock " + name_literal +
                      (released ? " is held by another connection; not released"
                                : " was not held by anyone; nothing to release")),
                RETORT_ERROR_DATABASE);
}

}  // namespace retort::mariadb
