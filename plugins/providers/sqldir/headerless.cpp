#include "headerless.hpp"

#include "dbmate.hpp"
#include "goose.hpp"
#include "lines.hpp"

#include <optional>
#include <string>

namespace sqldir {

std::vector<ConventionalFile> read_headerless(std::string_view path, std::string_view content) {
  const bool goose = has_goose_annotation(content);
  const bool dbmate = has_dbmate_marker(content);
  if (goose && dbmate)
    refuse_file(path,
                "has both goose's ('-- +goose') and dbmate's ('-- migrate:') lines; a migration follows one layout");
  if (goose) return goose_migration(path, content);
  if (dbmate) return dbmate_migration(path, content);

  std::optional<ConventionalName> name = conventional_name(path);
  if (!name)
    refuse_file(path,
                "no '-- retort:revision' header, no goose or dbmate section ('-- +goose Up', '-- migrate:up'), "
                "and the name is neither golang-migrate's ({version}_{title}.up.sql or .down.sql) nor Flyway's "
                "(V{version}__{description}.sql, R__{description}.sql)");
  std::vector<ConventionalFile> files;
  files.push_back({std::string(path), std::move(*name), conventional_script(path, content), {}, std::nullopt});
  return files;
}

}  // namespace sqldir
