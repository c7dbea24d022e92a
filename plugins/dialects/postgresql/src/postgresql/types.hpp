// Generic column types (SPEC §3) in PostgreSQL's spelling.
#pragma once

#include <string>
#include <string_view>

namespace retort::postgresql {

/// The PostgreSQL type for a generic type, matched case-insensitively and
/// ignoring whitespace ("String ( 20 )" is VARCHAR(20)); any other type is
/// passed through verbatim (trimmed). Throws a usage failure for an empty
/// type, or for a generic name with arguments it does not take
/// ("integer(11)", "string(abc)"): PostgreSQL would refuse them anyway, and
/// offline mode should say so before a script is written.
std::string render_type(std::string_view type);

/// ABI 1.2 introspection: the type a column reads back as, from PostgreSQL's
/// format_type() spelling. What a generic type renders to reads back as that
/// generic type ("character varying(64)" -> "string(64)", "timestamp with
/// time zone" -> "timestamp_tz", "jsonb" -> "json", "bytea" -> "binary");
/// anything else verbatim as format_type prints it ("integer[]",
/// "timestamp(3) without time zone"), except "json", which would read as the
/// generic json (JSONB here) and so comes back as "pg_catalog.json".
std::string generic_type(std::string_view format_type_output);

/// True if `rendered` (a result of render_type) is an integer type that an
/// identity column accepts.
bool is_identity_capable(std::string_view rendered);

}  // namespace retort::postgresql
