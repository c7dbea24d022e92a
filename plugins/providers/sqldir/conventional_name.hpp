// sqldir/conventional_name.hpp: what the name of a migration file written for
// golang-migrate or Flyway says about it. Such files carry no `-- retort:`
// header; their name is their only metadata. A pure function of the name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

enum class Layout { golang_migrate, flyway };

/// Which script of its revision a file holds: golang-migrate's `.up.sql` and
/// Flyway's `V` file upgrade; `.down.sql` and Flyway's `U` (undo) file downgrade.
enum class Role { upgrade, downgrade };

/// A version as written, split into its numeric components: golang-migrate
/// has one ("000001"), Flyway one or more ("1.10" -> {"1", "10"}).
using Version = std::vector<std::string>;

struct ConventionalName {
  Layout layout;
  Role role;
  Version version;
  std::string version_text;  ///< as written in the name, for messages
  std::string id;            ///< "000001" (golang-migrate), "V1_10" (Flyway)
  std::string message;       ///< the title or description, '_' shown as ' '
};

/// Reads the file name in `path` (what follows its last '/') as one of:
///   golang-migrate  {digits}_{title}.up.sql, {digits}_{title}.down.sql
///   Flyway          V{version}__{description}.sql, U{version}__{description}.sql
///                   where version is digits separated by single '.' or '_'.
/// nullopt when it is neither. Throws retort::failure (RETORT_ERROR_REVISION)
/// naming `path` for a Flyway repeatable migration (R__*.sql), which has no
/// place in a revision graph, and for a version too long to be an id.
std::optional<ConventionalName> conventional_name(std::string_view path);

/// Orders versions as numbers, component by component (2 < 10, 1.1 < 1.10);
/// leading zeros and missing trailing components count as 0, so "1" and "1.0"
/// and "001" are the same version. Negative, zero, positive like strcmp.
int compare_versions(const Version& a, const Version& b);

/// "golang-migrate" / "Flyway", for messages.
std::string_view layout_name(Layout layout);

}  // namespace sqldir
