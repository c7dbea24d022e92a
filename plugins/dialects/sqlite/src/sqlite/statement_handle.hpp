// Owning handles for SQLite statements, so every exit path finalizes them.
#pragma once

#include <sqlite3.h>

#include <memory>

namespace retort::sqlite {

struct statement_finalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using statement_handle = std::unique_ptr<sqlite3_stmt, statement_finalizer>;

}  // namespace retort::sqlite
