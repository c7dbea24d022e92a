// A deep, validated copy of an operation received from a revision plugin.
// Plugins are code we did not write: their structs may be smaller (an older
// ABI minor), or hold null pointers and absurd sizes. Everything downstream
// (checksums, dialect rendering) sees only the copy.
#pragma once

#include <retort/abi.h>

#include <string>
#include <vector>

namespace host {

class OwnedOp {
 public:
  /// Copies `op`; throws Error(plugin) naming the problem if it is malformed.
  static OwnedOp copy(const retort_op* op, bool nested = false);
  /// The ABI view, borrowing from this object.
  const retort_op& view() const { return op_; }

  OwnedOp(const OwnedOp&) = delete;
  OwnedOp& operator=(const OwnedOp&) = delete;
  OwnedOp(OwnedOp&&) = default;

 private:
  OwnedOp() = default;
  retort_str keep(retort_str s, const char* what);
  void relink();

  std::vector<std::string> strings_;  // owns every string of the op and its columns
  std::vector<retort_column> columns_;
  std::vector<const retort_column*> column_ptrs_;
  std::vector<retort_str> index_columns_;
  std::vector<retort_str> references_columns_;
  std::vector<OwnedOp> constraints_;  // a CREATE_TABLE's (ABI 1.2)
  std::vector<const retort_op*> constraint_ptrs_;
  retort_op op_{};
};

}  // namespace host
