// The property every dialect's statement splitter keeps, whatever the
// script: statements are views into it, in order, not overlapping, so
// together they are never longer than the script and never invent text.
#pragma once

#include <string_view>
#include <vector>

#include "fuzz_check.hpp"

namespace fuzz {

inline void require_cut_from(const std::vector<std::string_view>& statements, std::string_view script) {
  const char* end_of_previous = script.data();
  std::size_t total = 0;
  for (std::string_view s : statements) {
    FUZZ_REQUIRE(is_within(s, script), script);
    FUZZ_REQUIRE(s.data() >= end_of_previous, script);
    end_of_previous = s.data() + s.size();
    total += s.size();
  }
  FUZZ_REQUIRE(total <= script.size(), script);
}

}  // namespace fuzz
