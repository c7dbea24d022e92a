// sqldir/conventional_name.hpp: what the name of a migration written for
// another tool says about it: golang-migrate's and Flyway's files, goose's and
// dbmate's files, Diesel's folders. Such migrations carry no `-- retort:`
// header; their name is their version, id and message. Pure functions of the
// name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

enum class Layout { golang_migrate, flyway, diesel, goose, dbmate };

/// Which script of its revision a file holds: golang-migrate's `.up.sql`,
/// Flyway's `V` file and Diesel's `up.sql` upgrade; `.down.sql`, Flyway's `U`
/// (undo) file and Diesel's `down.sql` downgrade. A goose or dbmate file holds
/// both, one section each. A Flyway repeatable (`R__` file) has no version
/// and no downgrade: it is a revision of its own, outside the chain.
enum class Role { upgrade, downgrade, repeatable };

/// A version as written, split into its numeric components: golang-migrate,
/// goose and dbmate have one ("000001"), Diesel one without its dashes
/// ("2019-02-26-002946" -> {"20190226002946"}), Flyway one or more
/// ("1.10" -> {"1", "10"}); a Flyway repeatable none.
using Version = std::vector<std::string>;

struct ConventionalName {
  Layout layout;
  Role role;
  Version version;
  std::string version_text;  ///< as written in the name, for messages
  std::string id;            ///< "000001" (golang-migrate, goose, dbmate), "V1_10" (Flyway),
                             ///< "20190226002946" (Diesel), "R__create_views" (repeatable_id())
  std::string message;       ///< the title or description, '_' shown as ' '
};

/// Reads the file name in `path` (what follows its last '/') as one of:
///   golang-migrate  {digits}_{title}.up.sql, {digits}_{title}.down.sql
///   Flyway          V{version}__{description}.sql, U{version}__{description}.sql
///                   where version is digits separated by single '.' or '_';
///                   R__{description}.sql, a repeatable (Role::repeatable).
/// nullopt when it is neither. Throws retort::failure (RETORT_ERROR_REVISION)
/// naming `path` for a version too long to be an id.
std::optional<ConventionalName> conventional_name(std::string_view path);

/// Reads the file name in `path` as {digits}_{title}.sql, the name of goose's
/// and dbmate's files. Which of the two a file is, its content says (goose.hpp,
/// dbmate.hpp), and the caller passes it as `layout`; the role is upgrade.
/// nullopt when the name has another shape. Throws retort::failure
/// (RETORT_ERROR_REVISION) naming `path` for a version too long to be an id.
std::optional<ConventionalName> numbered_name(std::string_view path, Layout layout);

/// Reads the last component of `folder_path` (no trailing '/') as the name of
/// a Diesel migration's folder: {version}_{name}, where the version is digits
/// and '-', starting with a digit (2019-02-26-002946_create_users,
/// 20160107082941_create_posts, 00000000000000_diesel_initial_setup). The id
/// is the version without its dashes; the role is upgrade. nullopt when the
/// name has another shape; throws like numbered_name() for a long version.
std::optional<ConventionalName> diesel_name(std::string_view folder_path);

/// The id of the Flyway repeatable `R__{description}.sql`: `R__` and the
/// description with every byte other than [A-Za-z0-9_] as '_'; when that is
/// longer than 64, its first 52 bytes of description, '_', and 8 hex digits
/// of a hash (32-bit FNV-1a) of the description as written. Always 3 to 64 of
/// [A-Za-z0-9_]; two descriptions may map to one id, which the caller refuses.
std::string repeatable_id(std::string_view description);

/// Orders versions as numbers, component by component (2 < 10, 1.1 < 1.10);
/// leading zeros and missing trailing components count as 0, so "1" and "1.0"
/// and "001" are the same version. Negative, zero, positive like strcmp.
int compare_versions(const Version& a, const Version& b);

/// "golang-migrate", "Flyway", "Diesel", "goose", "dbmate", for messages.
std::string_view layout_name(Layout layout);

}  // namespace sqldir
