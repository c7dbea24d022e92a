// Rendering retort operations (abi.h, retort_op_kind) into SQLite SQL.
// Connection-free: offline mode uses it alone.
#pragma once

#include <retort/sdk/dialect.hpp>

namespace retort::sqlite {

/// Renders `op` as SQLite statements, one per call of `out`. Throws
/// failure(RETORT_ERROR_USAGE) for what SQLite cannot do or a missing name,
/// failure(RETORT_ERROR_PLUGIN) for a malformed struct.
void render_op(const retort_op& op, const statement_out& out);

}  // namespace retort::sqlite
