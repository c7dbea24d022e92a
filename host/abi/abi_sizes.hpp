// The sizes of ABI 1.0's growable structs, measured to the end of their last
// 1.0 field. They must never follow the structs in abi.h as fields are
// appended: a plugin built against 1.0 declares exactly these, and is valid.
#pragma once

#include <retort/abi.h>

#include <cstddef>
#include <cstdint>

namespace host::abi_1_0 {

inline constexpr std::size_t descriptor_size =
    offsetof(retort_plugin_descriptor, functions) + sizeof(const void*);
inline constexpr std::size_t dialect_table_size =
    offsetof(retort_dialect_v1, quote_literal) + sizeof(void (*)());
inline constexpr std::size_t provider_table_size =
    offsetof(retort_provider_v1, run) + sizeof(void (*)());
inline constexpr std::size_t revision_size =
    offsetof(retort_revision, origin) + sizeof(retort_str);

/// The descriptor's first fields are the same in every ABI major, so a
/// plugin of another major can be told apart before anything else is read.
inline constexpr std::size_t descriptor_version_end =
    offsetof(retort_plugin_descriptor, abi_minor) + sizeof(std::uint16_t);

}  // namespace host::abi_1_0

namespace host {

/// Where retort_revision's `flags` (appended in 1.2) ends: a record whose
/// struct_size reaches it has one; a shorter (1.0 or 1.1) record's
/// revisions are all ordinary.
inline constexpr std::size_t revision_flags_end = offsetof(retort_revision, flags) + sizeof(std::uint32_t);

}  // namespace host
