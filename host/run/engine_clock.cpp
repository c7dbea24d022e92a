#include "host/run/engine_clock.hpp"

namespace host {

std::optional<std::string> utc_now_sql(std::string_view dialect) {
  // SQLite: %f is seconds with milliseconds.
  if (dialect == "sqlite") return std::string("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  // now() is when the revision's transaction began: the nearest the script
  // has to the moment an online run takes as started_at.
  if (dialect == "postgresql")
    return std::string("to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
  // %f is always six digits: keep three.
  if (dialect == "mariadb")
    return std::string("CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z')");
  return std::nullopt;
}

}  // namespace host
