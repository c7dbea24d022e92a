// The conformance table: operations written with the SDK's builder and,
// for every dialect, the statements it must render or the refusal it must
// give. Rows are in scenario order: applied one after the other they build
// up and tear down a small schema, so the live suite can run them as they are.
#pragma once

#include "dialect_under_test.hpp"

#include <map>
#include <string>
#include <vector>

namespace conformance {

struct expectation {
  std::vector<std::string> sql;  ///< the statements, when rendered
  int refusal_kind = 0;          ///< non-zero: refused, with this retort_error_kind
  std::string refusal_text;      ///< a part of the refusal's message
  bool refused() const { return refusal_kind != 0; }
};

struct operation_row {
  std::string name;
  write_fn write;
  std::map<std::string, expectation> expect;  ///< by dialect name; every built dialect has one
  bool live = true;  ///< false: only rendered (the SQL is the engine's to refuse)
};

expectation sql(std::vector<std::string> statements);
expectation refused(int kind, std::string text);

const std::vector<operation_row>& operation_table();

}  // namespace conformance
