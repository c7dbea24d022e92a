// The libpq connection string built from the options the host parsed out of
// the URL (abi.h, retort_connect_params). The dialect never parses URLs.
#pragma once

#include <retort/sdk/dialect.hpp>

#include <string>
#include <string_view>

namespace retort::postgresql {

/// `value` quoted for a libpq keyword=value string: in single quotes, with
/// backslash and single quote escaped by a backslash.
std::string conninfo_value(std::string_view value);

/// "user='...' password='...' host='...' port='...' dbname='...'" from
/// url.user, url.password, url.host, url.port, url.database, then every
/// param.NAME as NAME='value' (so a URL parameter overrides a URL part, as in
/// libpq). application_name defaults to 'retort'. Options of other prefixes
/// (version_table_schema, ...) and param.retort_ddl_after_write
/// (ddl_after_write.hpp) are not libpq's and are left out. Throws a usage
/// failure for a parameter name libpq could not read back.
std::string build_conninfo(const options& opts);

}  // namespace retort::postgresql
