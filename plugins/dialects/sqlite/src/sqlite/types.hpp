// The generic column types of SPEC §3, spelled for SQLite.
#pragma once

#include <string>
#include <string_view>

namespace retort::sqlite {

/// The SQLite spelling of `type`: a generic type (case-insensitive, spaces
/// allowed around its arguments, e.g. "String( 100 )") is mapped; anything
/// else is returned verbatim, only trimmed. An empty result means `type` was blank.
std::string sqlite_type(std::string_view type);

/// Whether `type` is an integer type SQLite accepts AUTOINCREMENT on: the
/// generic integer, bigint or smallint, or a verbatim type containing "INT"
/// (SQLite's own rule for INTEGER affinity).
bool is_integer_type(std::string_view type);

/// The generic type a declared type reads back as: sqlite_type's inverse
/// ("VARCHAR(64)" -> "string(64)", "CHAR(36)" -> "uuid"); any other
/// declaration verbatim. TEXT reads as text: json is stored as TEXT too.
std::string read_type(std::string_view declared);

}  // namespace retort::sqlite
