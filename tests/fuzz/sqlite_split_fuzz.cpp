// The SQLite dialect's splitter (sqlite/split.hpp): statements cut
// from the script, or a usage failure for an unterminated quote.
#include <retort/sdk/common.hpp>
#include <sqlite/split.hpp>

#include <cstddef>
#include <cstdint>

#include "split_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  try {
    fuzz::require_cut_from(retort::sqlite::split_statements(script), script);
  } catch (const retort::failure& f) {
    FUZZ_REQUIRE(f.kind() == RETORT_ERROR_USAGE, script);
    FUZZ_REQUIRE(fuzz::is_one_line(f.what()), script);
  }
  return 0;
}
