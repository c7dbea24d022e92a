// Checksums of what a revision runs. Defined on the revision's operations,
// not on the SQL a dialect renders from them, so a checksum is the same on
// every engine and survives changes to retort's renderers. The normalisation
// is part of the contract (docs/checksums.md); changing it means a new
// algorithm version, recorded in the checksum's prefix.
#pragma once

#include <retort/abi.h>

#include <memory>
#include <string>
#include <string_view>

namespace host {

/// The prefix of every checksum this version computes ("v1:" + 64 hex).
inline constexpr std::string_view checksum_prefix = "v1:";

/// Normalises SQL text: CRLF and CR become LF, trailing white space is
/// removed from every line, leading and trailing blank lines are dropped.
std::string normalize_sql(std::string_view sql);

/// Accumulates operations into one checksum.
class ChecksumBuilder {
 public:
  ChecksumBuilder();
  ~ChecksumBuilder();
  ChecksumBuilder(ChecksumBuilder&&) noexcept;
  ChecksumBuilder& operator=(ChecksumBuilder&&) noexcept;

  void add(const retort_op& op);
  /// "v1:<hex>" of everything added so far.
  std::string finish();

 private:
  void field(std::string_view value);
  void add_fields(const retort_op& op);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace host
