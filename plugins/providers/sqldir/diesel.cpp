#include "diesel.hpp"

#include "lines.hpp"
#include "values.hpp"

#include <cstddef>

namespace sqldir {
namespace {

// A TOML value with its comment, if any, cut off. The only value read is a
// boolean, so a '#' inside a string does not matter here.
std::string_view value_without_comment(std::string_view value) { return trim(value.substr(0, value.find('#'))); }

}  // namespace

bool diesel_runs_in_transaction(std::string_view path, std::string_view metadata) {
  constexpr std::string_view key = "run_in_transaction";
  bool in_table = false;  // keys under a [table] header are not top-level
  std::size_t set_at = 0;
  bool runs = true;
  for_each_line(without_bom(metadata), [&](const Line& line) {
    const std::string_view text = trim(line.text);
    if (text.substr(0, 1) == "[") in_table = true;
    const std::size_t equals = text.find('=');
    if (in_table || equals == std::string_view::npos || trim(text.substr(0, equals)) != key) return;
    if (set_at)
      refuse_line(path, line.number, std::string(key) + " set twice (first at line " + std::to_string(set_at) + ")");
    set_at = line.number;
    const std::string_view value = value_without_comment(text.substr(equals + 1));
    if (value != "true" && value != "false")
      refuse_line(path, line.number, std::string(key) + " must be true or false, found " + shown(value));
    runs = value == "true";
  });
  return runs;
}

std::vector<ConventionalFile> diesel_migration(const DieselFolder& folder) {
  if (!folder.up) refuse_file(folder.path + "/", "a Diesel migration folder without up.sql");
  const bool transactional =
      !folder.metadata || diesel_runs_in_transaction(folder.path + "/metadata.toml", *folder.metadata);

  std::vector<ConventionalFile> files;
  const std::string up_path = folder.path + "/up.sql";
  files.push_back({up_path, folder.name, conventional_script(up_path, *folder.up), {}, transactional});
  if (folder.down) {
    ConventionalName down_name = folder.name;
    down_name.role = Role::downgrade;
    const std::string down_path = folder.path + "/down.sql";
    files.push_back({down_path, down_name, conventional_script(down_path, *folder.down), {}, transactional});
  }
  return files;
}

}  // namespace sqldir
