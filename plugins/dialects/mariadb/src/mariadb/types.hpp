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

/// ABI 1.2 introspection: the generic type an information_schema
/// COLUMN_TYPE reads back as, so that what column_type() created reads back
/// as the generic type that created it. MariaDB prints the display width
/// and precision it adds itself: int(11), bigint(20), smallint(6),
/// tinyint(1) and decimal(10,0) are what INT, BIGINT, SMALLINT, BOOLEAN and
/// DECIMAL create, so they read as integer, bigint, smallint, boolean and
/// numeric (MariaDB stores no difference between INT and INT(11)). Any
/// other width stays (`int(5)`, `tinyint(4)`), as does anything after the
/// parentheses (`int(11) unsigned`) and every type no generic type renders
/// (`longtext`, `enum('a','b')`): verbatim, as COLUMN_TYPE prints it,
/// except a plain `datetime` (no fractions), which would render back as the
/// generic datetime's DATETIME(6): it reads as `datetime(0)`.
/// timestamp_tz and datetime both render DATETIME(6) and read as datetime;
/// json renders a LONGTEXT with a check, which introspect() recognises
/// (this function sees only `longtext`).
std::string generic_type(std::string_view column_type);

}  // namespace retort::mariadb
