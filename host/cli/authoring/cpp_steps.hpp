// A change plan (host/schema/change_plan.hpp) written as C++: the body of
// a revision's upgrade or downgrade lambda, one call of the SDK's ops
// builder (retort/sdk/ops.hpp) per step, so the revision is portable across
// dialects. Each call asks for exactly the operation host/abi/step_render.cpp
// makes of the same step; a step the builder cannot ask for is refused.
// Pure functions: no files, no database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host/schema/change_plan.hpp"

namespace host {

/// The statements of an `.upgrade([](retort::ops& op) { ... })` body: one
/// `op.xxx(...);` per step, in order, each line starting with `indent` and
/// ending in '\n'; a step that destroys data is preceded by a
/// `// destroys: ...` line. "" for no steps. A rebuild_table step (an engine
/// that alters tables by rebuilding them) has no ops-builder form: throws
/// host::Error(usage) naming the table and advising the .sql form.
std::string cpp_statements(const std::vector<schema::Step>& steps, const std::string& indent);

/// `text` as a C++ narrow string literal, quotes included, that holds
/// exactly its bytes: quotes, backslashes and control characters escaped
/// (octal, so no following digit is swallowed), "??" broken up so no
/// trigraph forms, bytes that are not UTF-8 and Unicode bidirectional
/// controls escaped; other UTF-8 is kept as it reads.
std::string cpp_string_literal(std::string_view text);

}  // namespace host
