// The MariaDB dialect's splitter (mariadb/split.hpp), DELIMITER lines
// and compound bodies included: the statements and every piece of the
// layout are cut from the script in order; the only failure is a usage
// error for a DELIMITER line without a delimiter.
#include <retort/sdk/common.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mariadb/split.hpp"
#include "split_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  try {
    fuzz::require_cut_from(retort::mariadb::split_statements(script), script);
    std::vector<std::string_view> pieces;
    for (const auto& piece : retort::mariadb::scan_script(script).pieces) pieces.push_back(piece.text);
    fuzz::require_cut_from(pieces, script);
  } catch (const retort::failure& f) {
    FUZZ_REQUIRE(f.kind() == RETORT_ERROR_USAGE, script);
    FUZZ_REQUIRE(fuzz::is_one_line(f.what()), script);
  }
  return 0;
}
