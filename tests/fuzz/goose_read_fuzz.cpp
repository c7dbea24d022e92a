// The goose reader (plugins/providers/sqldir/goose.hpp) over arbitrary
// bytes: the first line is the file's path, the rest its content. It either
// reads the Up and Down sections, cut out of the content, or refuses with
// one line naming the file (conventional_check.hpp).
#include <cstddef>
#include <cstdint>

#include "conventional_check.hpp"
#include "goose.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::read_path_and_content(data, size, [](const std::string& path, std::string_view content,
                                             std::string_view input) {
    const auto files = sqldir::goose_migration(path, content);
    fuzz::check_files(files, input, [&](const sqldir::ConventionalFile&) { return content; });
    for (const auto& file : files) FUZZ_REQUIRE(file.path == path, input);
  });
  return 0;
}
