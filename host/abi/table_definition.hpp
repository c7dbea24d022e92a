// retort's own tables described once, as data: the column list every
// statement about a table is built from (CREATE, SELECT, INSERT, reading a
// row back), and the one builder that renders a CREATE TABLE through the
// dialect for both the history and the lock table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace host {

class Dialect;

struct ColumnSpec {
  std::string_view name;
  std::string_view type;      ///< a generic type (SPEC §3)
  std::uint32_t flags = 0;    ///< ColumnFlag bits
};

enum ColumnFlag : std::uint32_t { required = 1u, primary_key = 2u, autoincrement = 4u };
inline constexpr std::uint32_t key_column = primary_key | required;

/// retort_version (SPEC §6).
inline constexpr ColumnSpec version_columns[] = {{"version_num", "string(64)", key_column}};

/// retort_history (SPEC §6), in table order; HistoryField indexes it.
inline constexpr ColumnSpec history_columns[] = {
    {"id", "integer", key_column | autoincrement},
    {"revision", "string(64)", required},
    {"direction", "string(16)", required},
    {"checksum", "string(80)"},
    {"state", "string(16)", required},
    {"started_at", "string(32)", required},
    {"duration_ms", "bigint"},
    {"host", "string(255)"},
    {"tool_version", "string(32)"},
    {"statements_done", "integer"},
    {"error_message", "text"},
};
enum HistoryField : std::size_t {
  history_id, history_revision, history_direction, history_checksum, history_state, history_started_at,
  history_duration_ms, history_host, history_tool_version, history_statements_done, history_error_message,
};

/// The lease-table lock's table (lock_table.hpp).
inline constexpr ColumnSpec lock_columns[] = {
    {"name", "string(128)", key_column},
    {"owner_host", "string(255)", required},
    {"owner_pid", "bigint", required},
    {"owner_token", "string(64)", required},
    {"started_at", "string(32)", required},
    {"expires_at_ms", "bigint", required},
};

/// CREATE TABLE IF NOT EXISTS `schema`.`table` with `columns`, as `dialect` renders it.
std::vector<std::string> create_table_if_missing(const Dialect& dialect, std::string_view schema,
                                                 std::string_view table, std::span<const ColumnSpec> columns);

/// `"a", "b", "c"`: the columns' names quoted by `dialect`, comma-separated.
std::string quoted_column_list(const Dialect& dialect, std::span<const ColumnSpec> columns);

}  // namespace host
