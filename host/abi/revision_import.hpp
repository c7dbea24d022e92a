// Turning a provider's retort_revision records into host::Revision values,
// checking each record as untrusted input first.
#pragma once

#include <retort/abi.h>

#include <cstddef>
#include <string>

#include "host/graph/revision.hpp"

namespace host {

/// Limits past which a provider is taken to be broken rather than large.
inline constexpr std::size_t max_revision_string = 1u << 20;  ///< bytes, any one string
inline constexpr std::size_t max_revision_list = 100000;      ///< entries, any one list or count

/// Converts the record at `index`. `who` names the provider in messages
/// ("provider shop (/x/shop.so)"); `fallback_origin` is used when the record
/// gives none. Throws host::Error(ExitCode::plugin) for a null or too small
/// record, null data with a size, or a string or list past the limits. An
/// overlong id is copied as is: judging ids is the graph's business.
Revision import_revision(const retort_revision* record, std::size_t index, const std::string& who,
                         const std::string& fallback_origin);

}  // namespace host
