// Operations (abi.h retort_op) rendered into PostgreSQL statements. Pure:
// no connection, so offline mode uses it alone.
#pragma once

#include <retort/abi.h>

#include <functional>
#include <string>
#include <string_view>

namespace retort::postgresql {

/// Receives one rendered statement (no trailing semicolon).
using statement_fn = std::function<void(std::string_view)>;

/// Renders `op` into one statement, passed to `out`. Throws a usage failure
/// for an unknown kind, an empty name or type, or a combination PostgreSQL
/// cannot express (autoincrement on a non-integer type, autoincrement with a
/// default, an ALTER COLUMN that changes nothing).
void render_op(const retort_op& op, const statement_fn& out);

}  // namespace retort::postgresql
