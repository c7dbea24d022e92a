// The generic column types of SPEC §3 in MariaDB's words.
#pragma once

#include <string>
#include <string_view>

namespace retort::mariadb {

/// The MariaDB type for a generic type, matched case-insensitively and
/// ignoring whitespace ("String ( 20 )" is VARCHAR(20)); any other text is
/// returned as given, trimmed. timestamp_tz is DATETIME(6): MariaDB has no
/// zoned timestamp type with the range we want, so values are stored in
/// UTC by convention (TIMESTAMP would convert by session time zone and
/// ends in 2038).
std::string column_type(std::string_view generic);

}  // namespace retort::mariadb
