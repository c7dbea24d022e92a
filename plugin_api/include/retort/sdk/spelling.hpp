// retort/sdk/spelling.hpp: how revision ids and branch labels are spelled,
// the one rule the host's graph, its target parser, the authoring commands
// and every provider read them by. Needs nothing of the ABI, so the host's
// graph includes it without seeing a C struct.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace retort::spelling {

/// The longest revision id or branch label (SPEC §3, and retort_version's VARCHAR(64)).
inline constexpr std::size_t max_name_length = 64;

/// The rule, for messages.
inline constexpr std::string_view revision_id_rule = "1 to 64 of A-Z a-z 0-9 _";
inline constexpr std::string_view branch_label_rule = "1 to 64 of A-Z a-z 0-9 _ -";

// A table, not four range tests: the host checks every id of a project at
// start-up (100,000 of them in bench/).
inline constexpr std::array<bool, 256> id_char_table = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

constexpr bool is_id_char(char c) noexcept { return id_char_table[static_cast<unsigned char>(c)]; }

/// `[A-Za-z0-9_]{1,64}` (SPEC §3).
constexpr bool is_revision_id(std::string_view text) noexcept {
  if (text.empty() || text.size() > max_name_length) return false;
  for (char c : text)
    if (!is_id_char(c)) return false;
  return true;
}

/// `[A-Za-z0-9_-]{1,64}`. No `.`, `@`, `+` or `:`: a label is read inside
/// targets (`label@head`, `REV+N`, `FROM:TO`), which must stay unambiguous.
constexpr bool is_branch_label(std::string_view text) noexcept {
  if (text.empty() || text.size() > max_name_length) return false;
  for (char c : text)
    if (!is_id_char(c) && c != '-') return false;
  return true;
}

}  // namespace retort::spelling
