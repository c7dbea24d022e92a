// The dbmate reader (plugins/providers/sqldir/dbmate.hpp) over arbitrary
// bytes: the first line is the file's path, the rest its content. It either
// reads the up and down sections, cut out of the content, or refuses with
// one line naming the file (conventional_check.hpp).
#include <cstddef>
#include <cstdint>

#include "conventional_check.hpp"
#include "dbmate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::read_path_and_content(data, size, [](const std::string& path, std::string_view content,
                                             std::string_view input) {
    const auto files = sqldir::dbmate_migration(path, content);
    fuzz::check_files(files, input, [&](const sqldir::ConventionalFile&) { return content; });
    for (const auto& file : files) {
      FUZZ_REQUIRE(file.path == path, input);
      FUZZ_REQUIRE(file.pieces.empty(), input);  // dbmate has no blocks
      // A section ends at the next marker: none is ever sent as SQL. (The
      // '\n' keeps a U+FEFF opening the script from being taken for the
      // file's BOM: only the file's first bytes are one.)
      FUZZ_REQUIRE(!sqldir::has_dbmate_marker("\n" + file.script), input);
    }
  });
  return 0;
}
