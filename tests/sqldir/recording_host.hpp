// The host side of retort_migration_context, as the ABI defines it: it
// records every operation a provider emits, and can refuse them the way a
// dialect that cannot render an operation does.
#pragma once

#include <retort/abi.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

struct RecordedOp {
  std::int32_t kind = 0;
  std::uint32_t struct_size = 0;
  std::string sql;
  std::size_t column_count = 0;
  std::size_t table_size = 0;
};

struct RecordingHost {
  std::vector<RecordedOp> ops;
  bool refuse = false;  // answer every op with the failure below
  int refusal_kind = RETORT_ERROR_DATABASE;
  std::string refusal_message = "near \"CRATE\": syntax error";
  std::string refusal_sqlstate = "42601";

  retort_migration_context context() {
    retort_migration_context ctx{};
    ctx.struct_size = sizeof ctx;
    ctx.host = this;
    ctx.dialect = retort_str{"sqlite", 6};
    ctx.offline = 0;
    ctx.revision_id = retort_str{"", 0};
    ctx.op = &RecordingHost::op;
    ctx.x_argument = &RecordingHost::x_argument;
    return ctx;
  }

 private:
  static int op(void* host, const retort_op* op, retort_error* err) {
    auto& self = *static_cast<RecordingHost*>(host);
    if (self.refuse) {
      err->kind = self.refusal_kind;
      std::strncpy(err->message, self.refusal_message.c_str(), sizeof err->message - 1);
      std::strncpy(err->sqlstate, self.refusal_sqlstate.c_str(), sizeof err->sqlstate - 1);
      return RETORT_FAILED;
    }
    RecordedOp r;
    r.kind = op->kind;
    r.struct_size = op->struct_size;
    r.sql.assign(op->sql.data ? op->sql.data : "", op->sql.size);
    r.column_count = op->column_count;
    r.table_size = op->table.size;
    self.ops.push_back(r);
    return RETORT_OK;
  }
  static int x_argument(void*, retort_str, retort_str*) { return 0; }
};
