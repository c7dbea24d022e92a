// Reading a retort_op safely. Operations come from revision plugins through
// the host, so a broken struct (too small, a null pointer with a size) is
// reported as a plugin failure instead of being dereferenced, and a missing
// name is reported as a usage failure naming the operation.
#pragma once

#include <retort/sdk/common.hpp>

#include <string>
#include <string_view>

namespace retort::sqlite::fields {

/// The operation's name as revisions call it, e.g. "create_table".
std::string_view op_name(int kind);

/// Throws unless `op` and its column structs are at least as large as ABI 1.0
/// says and their arrays are present when their counts say so.
void check_structs(const retort_op& op);

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
