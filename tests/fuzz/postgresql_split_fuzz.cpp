// The PostgreSQL dialect's splitter (postgresql/split.hpp): it never fails,
// an unterminated quote or body becomes the last statement.
#include <cstddef>
#include <cstdint>

#include "postgresql/split.hpp"
#include "split_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  fuzz::require_cut_from(retort::postgresql::split_statements(script), script);
  return 0;
}
