// Renames the models ask for (RenameHint): never guessed, only hinted. A
// hint whose old name is not in FROM, or whose new name already is, is
// already done and asks for nothing, so a hint can stay in the models after
// the revision that renamed has run.
#pragma once

#include <vector>

#include "host/schema/change_plan.hpp"
#include "host/schema/schema.hpp"

namespace host::schema {

struct Renamed {
  std::vector<Step> steps;  ///< rename_table, then rename_column
  Schema from;              ///< FROM as the engine has it after those steps
};

/// The rename steps `hints` ask of `from` -> `to`, and `from` renamed: its
/// tables, columns, keys, constraints and indexes under their new names
/// (each engine carries them over on a rename; check expressions and views
/// keep their text, and are planned as changed where it names the old one).
Renamed apply_renames(const Schema& from, const Schema& to, const std::vector<RenameHint>& hints);

/// The hints of the way back: each new name renamed from its old one, a
/// column's under its table's old name.
std::vector<RenameHint> inverted(const std::vector<RenameHint>& hints);

}  // namespace host::schema
