// Quoting of identifiers and literals the way PostgreSQL reads them with
// standard_conforming_strings on (the default since 9.1).
#pragma once

#include <string>
#include <string_view>

namespace retort::postgresql {

/// "name" with embedded double quotes doubled. Never fails.
std::string quote_identifier(std::string_view name);

/// 'value' with embedded single quotes doubled; backslashes are ordinary
/// characters in a standard string, so they need nothing. Never fails.
std::string quote_literal(std::string_view value);

/// A name that will be quoted into SQL: throws a usage failure naming `what`
/// when it is empty or holds a NUL byte (which PostgreSQL cannot store).
std::string_view require_name(std::string_view name, std::string_view what);

/// "schema"."name", or "name" when `schema` is empty; both validated.
std::string qualified_name(std::string_view schema, std::string_view name, std::string_view what);

}  // namespace retort::postgresql
