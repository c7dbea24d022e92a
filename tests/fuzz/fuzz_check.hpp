// What the fuzz targets share: a property failure must stop libFuzzer with
// a reproducer, so it aborts with the property and the input's size, in the
// libFuzzer build and in the corpus replay of the normal build alike.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace fuzz {

[[noreturn]] inline void violated(const char* property, std::string_view input) {
  std::fprintf(stderr, "fuzz property violated: %s (input of %zu bytes)\n", property, input.size());
  std::abort();
}

#define FUZZ_REQUIRE(condition, input) \
  do {                                  \
    if (!(condition)) ::fuzz::violated(#condition, input); \
  } while (0)

/// One line: what retort prints for an error must not break a terminal or a log.
inline bool is_one_line(std::string_view message) { return message.find('\n') == std::string_view::npos; }

/// `part` lies within `whole` (a view the splitter returned into its input).
inline bool is_within(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace fuzz
