// Column definitions and CREATE TABLE, shared by create_table and add_column.
#pragma once

#include <retort/abi.h>

#include <string>
#include <string_view>

namespace retort::sqlite {

/// How a column takes part in its table's primary key.
enum class key_role {
  none,           // not a key column, or part of a composite key (a table constraint)
  primary_key,    // the single key column: inline PRIMARY KEY
  autoincrement,  // the single key column with AUTOINCREMENT: SQLite's rowid alias
};

/// `"name" TYPE [constraints]` for column `index` (0-based) of table
/// `table_label`; `context` (e.g. "create_table users") starts every message.
std::string column_definition(const retort_column& column, std::size_t index, key_role role,
                              std::string_view table_label, std::string_view context);

/// The CREATE TABLE statement of a create_table operation.
std::string create_table_sql(const retort_op& op);

}  // namespace retort::sqlite
