// A plan of operations that turns one schema into another, ordered so every
// step can run when its turn comes: views and foreign keys dropped before
// what they depend on, tables created before the foreign keys that point at
// them (all foreign keys are added after all tables, which also breaks any
// cycle), views created last. Renames are never guessed, only hinted. Every step that can
// destroy data says what it destroys. What the vocabulary cannot express is
// refused, never approximated.
#pragma once

#include <string>
#include <vector>

#include "host/schema/schema.hpp"

namespace host::schema {

struct Step {
  enum class Kind {
    create_table, drop_table, add_column, drop_column, alter_column, create_index, drop_index,
    add_foreign_key, drop_foreign_key, add_unique, drop_unique, add_check, drop_check,
    create_view, drop_view, create_enum, drop_enum, rebuild_table, rename_table, rename_column,
  };
  Kind kind;
  std::string table;      ///< the table the step is on (or the view's / enum's name)
  Table definition;       ///< create_table: the table (its foreign keys only where the engine rebuilds
                          ///< tables); rebuild_table: the table as it becomes
  std::vector<std::string> copied;  ///< rebuild_table: the columns whose values are copied over
  Column column;          ///< add_column; alter_column: the column as it becomes
  bool change_type = false, change_nullable = false, change_default = false;  ///< alter_column
  ForeignKey foreign_key;  ///< add_/drop_foreign_key
  Unique unique;           ///< add_/drop_unique
  Check check;             ///< add_/drop_check
  Index index;             ///< create_/drop_index
  View view;               ///< create_/drop_view
  EnumType enum_type;      ///< create_/drop_enum
  std::string name;        ///< drop_column, drop_*: the object's name; rename_table: the new name;
                           ///< rename_column: the old name (column.name is the new one)
  std::string destroys;    ///< "" for a safe step; else what it may destroy, in words
};

struct ChangePlan {
  std::vector<Step> steps;
  /// Differences no step can make ("users: primary key (id) -> (id, name):
  /// not planned; ..."): a plan with any is not offered.
  std::vector<std::string> refused;
};

/// What the planner may assume of the engine.
struct PlanRules {
  /// The engine alters a table only by rebuilding it (SQLite): a table whose
  /// change is more than adding a plain column, dropping a column or an
  /// index is rebuilt (rebuild_table), its indexes and every view recreated.
  bool rebuilds_tables = false;
};

/// The steps that turn `from` into `to` (both sorted). `renames` (the
/// models' hints, renames.hpp) come first; nothing else is ever renamed.
ChangePlan plan_changes(const Schema& from, const Schema& to, const PlanRules& rules = {},
                        const std::vector<RenameHint>& renames = {});

/// "drop table t", "add column t.c": the step in words, for messages.
std::string describe(const Step& step);

}  // namespace host::schema
