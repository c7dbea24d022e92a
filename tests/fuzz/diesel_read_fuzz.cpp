// The Diesel reader (plugins/providers/sqldir/diesel.hpp) over arbitrary
// bytes: the first line is the migration folder's path; the rest holds
// metadata.toml, then up.sql, then down.sql, separated by the byte 0x1E (a
// missing part is an absent file). metadata.toml is the text parsed here;
// the scripts are taken whole. It either reads the migration, scripts cut
// out of their files, or refuses with one line naming the file.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "conventional_check.hpp"
#include "diesel.hpp"

namespace {

// The next part of `rest` up to a 0x1E (consumed); nullopt when none is left.
std::optional<std::string> next_part(std::optional<std::string_view>& rest) {
  if (!rest) return std::nullopt;
  const std::size_t end = rest->find('\x1e');
  std::string part(rest->substr(0, end));
  rest = end == std::string_view::npos ? std::nullopt : std::optional<std::string_view>(rest->substr(end + 1));
  return part;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::read_path_and_content(data, size, [](const std::string& path, std::string_view content,
                                             std::string_view input) {
    const std::optional<sqldir::ConventionalName> name = sqldir::diesel_name(path);
    if (!name) return;  // not a Diesel folder: the folder provider never asks
    std::optional<std::string_view> rest = content;
    sqldir::DieselFolder folder{path, *name, std::nullopt, std::nullopt, next_part(rest)};
    folder.up = next_part(rest);
    folder.down = next_part(rest);
    const auto files = sqldir::diesel_migration(folder);
    fuzz::check_files(files, input, [&](const sqldir::ConventionalFile& file) -> std::string_view {
      return file.name.role == sqldir::Role::upgrade ? *folder.up : *folder.down;
    });
    FUZZ_REQUIRE(files[0].path == path + "/up.sql", input);
    FUZZ_REQUIRE(files.size() == (folder.down ? 2u : 1u), input);
    // Every script of the migration runs as its metadata says.
    const bool transactional = !folder.metadata || sqldir::diesel_runs_in_transaction("m", *folder.metadata);
    for (const auto& file : files) FUZZ_REQUIRE(file.transactional == transactional, input);
  });
  return 0;
}
