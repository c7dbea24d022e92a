// Column definitions and the keys that go with them, shared by CREATE TABLE
// and ADD COLUMN.
#pragma once

#include <retort/abi.h>

#include <cstddef>
#include <string>
#include <vector>

namespace retort::mariadb {

struct column_elements {
  /// `name` TYPE [NOT NULL] [DEFAULT …] [AUTO_INCREMENT] [PRIMARY KEY] [UNIQUE]
  std::vector<std::string> definitions;
  /// PRIMARY KEY (…) for a composite key, FOREIGN KEY (…) REFERENCES … for
  /// each column that references another table.
  std::vector<std::string> constraints;
};

/// A single primary-key column carries PRIMARY KEY inline; several make one
/// composite key. An AUTO_INCREMENT column must be a key in MariaDB: when
/// no column is marked primary it becomes the primary key, as SQLite's
/// AUTOINCREMENT does. Throws failure(usage) for a column without name or
/// type, or a reference without a column.
column_elements render_columns(const retort_column* const* columns, std::size_t count);

}  // namespace retort::mariadb
