// The spelling rules for revision ids and branch labels, and how a revision
// is named in messages. The target parser (host/plan) shares these rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <retort/sdk/spelling.hpp>

#include "host/graph/revision.hpp"

namespace host {

inline constexpr std::size_t max_identifier_length = retort::spelling::max_name_length;

/// 1..64 of [A-Za-z0-9_]; also the spelling of an id prefix in a target.
bool is_revision_id_text(std::string_view text);

/// `head`, `heads`, `base` and `current` name targets, so no revision may be called that.
bool is_reserved_target_word(std::string_view text);

/// 1..64 of [A-Za-z0-9_-] (retort/sdk/spelling.hpp, the rule providers share).
bool is_branch_label_text(std::string_view text);

/// Text from outside (a target, an id a provider gave) made safe for a
/// one-line message: control bytes escaped, anything past `longest` bytes cut.
std::string printable(std::string_view text, std::size_t longest = 80);

/// "'1a2b3c4d5e6f' (migrations/0001_users.sql)", or just "'1a2b3c4d5e6f'" without an origin.
std::string describe_revision(const Revision& revision);

/// "'a', 'b', 'c'" — ids quoted and comma-separated, for one-line messages.
template <typename Ids>
std::string quoted_list(const Ids& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ", ";
    out += "'";
    out += id;
    out += "'";
  }
  return out;
}

}  // namespace host
