#include "host/abi/revision_import.hpp"

#include <cstring>
#include <vector>

#include "host/errors/error.hpp"
#include "host/abi/abi_sizes.hpp"

namespace host {

namespace {

struct Record {
  const std::string& who;
  std::size_t index;

  [[noreturn]] void refuse(const std::string& reason) const {
    plugin_error(who + ": revision record " + std::to_string(index) + " " + reason);
  }

  std::string text(retort_str s, const char* field) const {
    return text_named(s, [field] { return std::string(field); });
  }

  // `field` names the field only when refusing: building "down_revisions[0]"
  // for every item was most of an import's cost (bench/).
  template <typename FieldName>
  std::string text_named(retort_str s, const FieldName& field) const {
    if (!s.data && s.size) refuse("has a null " + field() + " of " + std::to_string(s.size) + " bytes");
    if (s.size > max_revision_string)
      refuse("has a " + field() + " of " + std::to_string(s.size) + " bytes, more than " +
             std::to_string(max_revision_string));
    return s.data ? std::string(s.data, s.size) : std::string();
  }

  std::vector<std::string> list(const retort_str* items, std::size_t count, const char* field) const {
    if (!items && count) refuse(std::string("has null ") + field + " with " + std::to_string(count) + " entries");
    if (count > max_revision_list)
      refuse(std::string("has ") + std::to_string(count) + " " + field + ", more than " +
             std::to_string(max_revision_list));
    std::vector<std::string> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      out.push_back(text_named(items[i], [field, i] { return std::string(field) + "[" + std::to_string(i) + "]"; }));
    return out;
  }
};

// Free text a plugin hands over is printed on terminals and in logs: a
// newline would forge output lines, an escape sequence would drive the
// terminal. Control characters become spaces; ids and labels are checked
// by the graph instead.
std::string one_line(std::string text) {
  // Written to store unconditionally, which the compiler vectorises: every
  // message and origin of every revision passes here (bench/).
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    c = byte < 0x20 || byte == 0x7f ? ' ' : c;
  }
  return text;
}

}  // namespace

Revision import_revision(const retort_revision* record, std::size_t index, const std::string& who,
                         const std::string& fallback_origin) {
  const Record check{who, index};
  if (!record) check.refuse("is null");
  const std::uint32_t declared = record->struct_size;
  if (declared < abi_1_0::revision_size)
    check.refuse("is " + std::to_string(declared) + " bytes, smaller than ABI 1.0's " +
                 std::to_string(abi_1_0::revision_size));
  // ABI 1.0's fields are always there; `flags` (appended in 1.2) only when
  // the record's size covers it, and a later minor's fields are not known
  // to this host.
  retort_revision r{};
  std::memcpy(&r, record, declared >= revision_flags_end ? revision_flags_end : abi_1_0::revision_size);

  Revision out;
  out.id = check.text(r.id, "id");
  out.down_revisions = check.list(r.down_revisions, r.down_revision_count, "down_revisions");
  out.branch_labels = check.list(r.branch_labels, r.branch_label_count, "branch_labels");
  out.depends_on = check.list(r.depends_on, r.depends_on_count, "depends_on");
  out.message = one_line(check.text(r.message, "message"));
  out.transactional = r.transactional != 0;
  out.origin = one_line(check.text(r.origin, "origin"));
  if (out.origin.empty()) out.origin = fallback_origin;
  out.repeatable = (r.flags & RETORT_REVISION_REPEATABLE) != 0;
  out.index = index;
  return out;
}

}  // namespace host
