// Reading a retort_op's strings safely. The struct itself has been read by
// the SDK's fitted_op (sizes, arrays); here a null string with a size is a
// plugin failure instead of being dereferenced, and a missing name is a
// usage failure naming the operation.
#pragma once

#include <retort/sdk/common.hpp>

#include <string>
#include <string_view>

namespace retort::sqlite::fields {

/// The text of a borrowed string; throws failure(PLUGIN) for null data with a size.
std::string_view text_of(retort_str s, std::string_view field);

/// A required identifier: non-empty and without NUL bytes, or failure(USAGE)
/// "<context>: <what> is empty".
std::string_view name_of(retort_str s, std::string_view context, std::string_view what);

/// `"schema"."name"`, or `"name"` when the schema is empty.
std::string qualified(std::string_view schema, std::string_view name);

/// `table` or `schema.table`, unquoted, for messages.
std::string display_table(const retort_op& op);

}  // namespace retort::sqlite::fields
