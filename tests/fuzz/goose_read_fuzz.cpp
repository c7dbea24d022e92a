// The goose reader (plugins/providers/sqldir/goose.hpp) over arbitrary
// bytes: the first line is the file's path, the rest its content. It either
// reads the Up and Down sections, cut out of the content, or refuses with
// one line naming the file (conventional_check.hpp).
#include <cstddef>
#include <cstdint>

#include "conventional_check.hpp"
#include "goose.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const std::pair<std::string, std::string_view> parts = fuzz::path_and_content(data, size);
  const std::string& path = parts.first;
  const std::string_view content = parts.second;
  if (!fuzz::is_possible_path(path)) return 0;
  try {
    const auto files = sqldir::goose_migration(path, content);
    fuzz::check_files(files, input, [&](const sqldir::ConventionalFile&) { return content; });
    for (const auto& file : files) FUZZ_REQUIRE(file.path == path, input);
  } catch (const retort::failure& f) {
    fuzz::check_refusal(f, path, input);
  }
  return 0;
}
