// A database schema as retort describes it, whatever engine it came from:
// what a dialect's introspect() read (host/abi converts it), and later what
// the revisions or models should produce. Plain values: no C structs, no
// engine, no I/O. See docs/schema.md for the JSON form.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace host::schema {

struct Column {
  std::string name;
  std::string type;  ///< a generic type of SPEC §3 where the engine's type is one, else verbatim
  bool nullable = true;
  std::optional<std::string> default_sql;  ///< as the engine stores it
  bool autoincrement = false;              ///< identity, serial, AUTO_INCREMENT, rowid alias
  std::string generated;                   ///< a generated column's expression, "" for none
  bool generated_virtual = false;          ///< generated: computed when read (VIRTUAL), not stored
  bool operator==(const Column&) const = default;
};

struct ForeignKey {
  std::string name;  ///< "" when the engine keeps none (SQLite's unnamed ones)
  std::vector<std::string> columns;
  std::string references_table;
  std::vector<std::string> references_columns;
  std::string on_delete, on_update;  ///< upper case; "" for the engine's default (NO ACTION)
  bool operator==(const ForeignKey&) const = default;
};

struct Unique {
  std::string name;
  std::vector<std::string> columns;
  bool operator==(const Unique&) const = default;
};

struct Check {
  std::string name;
  std::string expression;  ///< as the engine prints it
  bool operator==(const Check&) const = default;
};

struct Table {
  std::string name;
  std::vector<Column> columns;          ///< in the table's order
  std::vector<std::string> primary_key; ///< in key order; empty: none
  std::vector<ForeignKey> foreign_keys; ///< sorted by name, then columns
  std::vector<Unique> uniques;
  std::vector<Check> checks;
  bool operator==(const Table&) const = default;
};

struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> entries;  ///< column names, or expressions as the engine prints them
  bool unique = false;
  std::string where;  ///< a partial index's predicate, "" for none
  bool operator==(const Index&) const = default;
};

struct View {
  std::string name;
  std::string definition;  ///< the SELECT, as the engine prints it
  bool operator==(const View&) const = default;
};

struct EnumType {
  std::string name;
  std::vector<std::string> labels;  ///< in order
  bool operator==(const EnumType&) const = default;
};

/// Something in the schema retort does not read: listed, never compared. An
/// object of a table is named "table.object" ("orders.trg_o"); an attribute
/// retort does not read is named for where it is and what it is, "table:
/// OPTION" or "table.column: ATTRIBUTE" ("orders.code: COLLATE NOCASE").
struct Unmanaged {
  std::string kind;  ///< "trigger", "function", "sequence", ...; "collation", "table option", ...
  std::string name;
  bool operator==(const Unmanaged&) const = default;
};

struct Schema {
  std::vector<Table> tables;  ///< each list sorted by name (sort_schema)
  std::vector<Index> indexes;
  std::vector<View> views;
  std::vector<EnumType> enums;
  std::vector<Unmanaged> unmanaged;
  bool operator==(const Schema&) const = default;
};

/// A rename hint from the models: `table` (with `column`: that column of
/// `table`) was called `from` before. Never compared: it only tells the
/// planner to rename where it would otherwise drop and add.
struct RenameHint {
  std::string table;
  std::string column;  ///< "" for the table itself
  std::string from;
  bool operator==(const RenameHint&) const = default;
};

/// What the models declare: the schema and its rename hints.
struct Desired {
  Schema schema;
  std::vector<RenameHint> renames;
};

/// Whether `u` is an object or attribute of table `table` (its name starts
/// with "table." or "table:"), so it goes wherever the table goes.
bool belongs_to(const Unmanaged& u, const std::string& table);

/// "a, b, c": how lists of names print in messages and in the text form.
std::string joined(const std::vector<std::string>& items);

/// What a constraint is matched by between two schemas: its name, or for an
/// unnamed one (SQLite keeps no name) what it holds: "(a, b) -> t (x, y)",
/// "(a, b)", "(expression)".
std::string constraint_key(const ForeignKey& f);
std::string constraint_key(const Unique& u);
std::string constraint_key(const Check& c);

/// Puts every list in its canonical order, so two descriptions of the same
/// schema are equal as values and print the same: objects by name, a
/// table's constraints by name then columns; columns keep the table's order.
void sort_schema(Schema& schema);

}  // namespace host::schema
