// How names and values are written in MariaDB SQL produced by retort.
#pragma once

#include <string>
#include <string_view>

namespace retort::mariadb {

/// `name`, with embedded backticks doubled.
std::string quote_identifier(std::string_view name);

/// `schema`.`table`, or `table` when the schema is empty.
std::string qualified_name(std::string_view schema, std::string_view table);

/// 'value' with ' doubled and \ and NUL escaped as \\ and \0. Written for
/// the default sql_mode: under NO_BACKSLASH_ESCAPES a backslash would come
/// out doubled. A live connection escapes with the server's own rules
/// instead (mysql_real_escape_string).
std::string quote_literal(std::string_view value);

}  // namespace retort::mariadb
