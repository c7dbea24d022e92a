// Rendering helpers shared by the render tests.
#pragma once

#include "support.hpp"

#include <sqlite/render.hpp>
#include <retort/sdk/fitted_op.hpp>

namespace sqlite_test {

/// Every statement `op` renders to.
inline std::vector<std::string> render(const retort_op& op) {
  statement_collector out;
  const retort::fitted_op local(op);  // as the SDK's dialect adapter reads it
  retort::sqlite::render_op(local.get(), retort::statement_out(&out.sink));
  return out.statements;
}

/// The one statement `op` renders to.
inline std::string render_one(const retort_op& op) {
  auto statements = render(op);
  EXPECT_EQ(statements.size(), 1u);
  return statements.empty() ? std::string() : statements.front();
}

template <std::size_t N>
retort_op with_columns(retort_op op, const retort_column* (&columns)[N]) {
  op.columns = columns;
  op.column_count = N;
  return op;
}

template <std::size_t N>
retort_op create_table(std::string_view table, const retort_column* (&columns)[N]) {
  return with_columns(make_op(RETORT_OP_CREATE_TABLE, table), columns);
}

}  // namespace sqlite_test
