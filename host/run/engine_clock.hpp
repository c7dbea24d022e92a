// The SQL an offline script uses for "now" in retort's history rows, so a
// row says when the script was applied, not when it was written.
// Per engine, which the host should not know: this mapping moves into the
// dialect descriptor with issue 11 (the ABI could not grow in issue 17).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace host {

/// An expression giving the database's current UTC time as text in the
/// format online runs store (2024-05-01T10:00:00.123Z), for the dialect
/// named `dialect`; nullopt for a dialect retort does not ship.
std::optional<std::string> utc_now_sql(std::string_view dialect);

}  // namespace host
