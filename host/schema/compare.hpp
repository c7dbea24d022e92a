// What differs between two schemas, object by object: the findings of drift
// in `check`, and (next) what a diff plans operations for. Not-managed
// objects are never compared; `not_compared` lists them so no caller can
// call two schemas equal without saying what it skipped.
#pragma once

#include <string>
#include <vector>

#include "host/schema/schema.hpp"

namespace host::schema {

struct Difference {
  enum class Change { added, removed, changed };
  Change change;
  std::string kind;    ///< "table", "column", "primary key", "foreign key", "unique", "check", "index", "view", "enum"
  std::string object;  ///< "orders", "orders.note", "orders.fk_orders_user", "ix_orders_placed"
  std::string detail;  ///< for `changed`: what, e.g. "type string(20) -> text"; otherwise ""
};

/// "added", "removed", "changed".
std::string change_name(Difference::Change change);

/// How `to` differs from `from`: `added` is in `to` only. Both sorted
/// (sort_schema). Unnamed constraints are matched by what they hold.
std::vector<Difference> compare(const Schema& from, const Schema& to);

/// The not-managed objects of both, "kind name", each once, sorted.
std::vector<std::string> not_compared(const Schema& a, const Schema& b);

}  // namespace host::schema
