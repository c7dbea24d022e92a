// The sqldir parser (plugins/providers/sqldir/parse.hpp) over arbitrary
// bytes: it either returns a revision whose fields keep the format's rules
// or throws one retort::failure whose message is one line naming the file.
#include <retort/sdk/common.hpp>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "parse.hpp"

namespace {

bool is_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '_')) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const sqldir::ParsedRevision r = sqldir::parse_sql_revision("fuzz.sql", input);
    FUZZ_REQUIRE(is_id(r.id), input);
    for (const auto& parent : r.down_revisions) FUZZ_REQUIRE(is_id(parent), input);
    // Scripts are cut out of the file, never made up.
    FUZZ_REQUIRE(r.upgrade.size() + r.downgrade.size() <= size, input);
    FUZZ_REQUIRE(input.find(r.upgrade) != std::string_view::npos, input);
    FUZZ_REQUIRE(input.find(r.downgrade) != std::string_view::npos, input);
  } catch (const retort::failure& f) {
    const std::string_view message = f.what();
    FUZZ_REQUIRE(f.kind() == RETORT_ERROR_REVISION, input);
    FUZZ_REQUIRE(message.rfind("fuzz.sql", 0) == 0, input);
    FUZZ_REQUIRE(fuzz::is_one_line(message), input);
  }
  return 0;
}
