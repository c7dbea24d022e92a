#include "host/graph/identifiers.hpp"

#include <retort/sdk/spelling.hpp>

#include <algorithm>
#include <array>

namespace host {

bool is_revision_id_text(std::string_view text) { return retort::spelling::is_revision_id(text); }

bool is_reserved_target_word(std::string_view text) {
  constexpr std::array<std::string_view, 4> reserved{"head", "heads", "base", "current"};
  return std::find(reserved.begin(), reserved.end(), text) != reserved.end();
}

bool is_branch_label_text(std::string_view text) { return retort::spelling::is_branch_label(text); }

std::string printable(std::string_view text, std::size_t longest) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < longest; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != 0x7f) {
      out += text[i];
      continue;
    }
    constexpr char hex[] = "0123456789abcdef";
    out += "\\x";
    out += hex[byte >> 4];
    out += hex[byte & 0xf];
  }
  if (text.size() > longest) out += "...";
  return out;
}

std::string describe_revision(const Revision& revision) {
  std::string out = "'" + printable(revision.id) + "'";
  // Origins are paths, which may be long and still worth reading in full.
  constexpr std::size_t longest_origin = 1024;
  if (!revision.origin.empty()) out += " (" + printable(revision.origin, longest_origin) + ")";
  return out;
}

}  // namespace host
