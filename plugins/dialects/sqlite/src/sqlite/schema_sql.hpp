// What SQLite keeps only in the text of sqlite_schema.sql: constraint names,
// CHECK expressions, generated-column expressions, AUTOINCREMENT, column
// collations, WITHOUT ROWID and STRICT, an index's expressions and WHERE, a
// view's SELECT. The pragmas give every other fact;
// this reads the text with SQLite's quoting, never by pattern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace retort::sqlite {

/// A table constraint or column constraint as written.
struct written_constraint {
  enum kind { foreign_key, unique, check } what;
  std::string name;                  ///< "" when written without CONSTRAINT name
  std::vector<std::string> columns;  ///< FOREIGN KEY (..) / UNIQUE (..); a column constraint's column
  std::string references_table;      ///< foreign keys
  std::string check_sql;             ///< the text inside CHECK ( ... )
};

struct written_table {
  bool autoincrement = false;  ///< AUTOINCREMENT appears (SQLite allows it on the rowid alias only)
  std::vector<written_constraint> constraints;
  /// Generated columns: name -> expression inside AS ( ... ).
  std::vector<std::pair<std::string, std::string>> generated;
  /// Columns with a COLLATE clause: name -> the collation as written.
  std::vector<std::pair<std::string, std::string>> collations;
  bool without_rowid = false;  ///< the table options after the closing parenthesis
  bool strict = false;
};

/// Reads a CREATE TABLE statement as sqlite_schema stores it.
written_table read_create_table(std::string_view sql);

struct written_index {
  std::vector<std::string> entries;  ///< each indexed column or expression as written
  std::string where;                 ///< the partial index predicate, "" if none
};
/// Reads a CREATE [UNIQUE] INDEX statement.
written_index read_create_index(std::string_view sql);

/// The SELECT of a CREATE VIEW statement, as written.
std::string read_view_select(std::string_view sql);

}  // namespace retort::sqlite
