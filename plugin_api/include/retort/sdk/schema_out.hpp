// retort/sdk/schema_out.hpp: where a schema is described, as the operations
// that would create it (ABI 1.2). A dialect's connection::introspect()
// describes the live schema into one (dialect.hpp); a models plugin
// describes the schema the application wants (models.hpp).
//
//   void describe(retort::schema_out& out) {
//     out.ops().create_table("users", {retort::column("id", "bigint").primary_key()});
//     out.ops().create_index("ix_users_id", "users", {"id"});
//     out.unmanaged("trigger", "audit_users");
//   }
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/ops.hpp>

#include <string_view>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the revision registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

/// ABI 1.2: a host's retort_schema_sink, written to with the ops builder
/// revisions use: `out.ops().create_table(...)`, `create_index`,
/// `create_view`, `create_enum`. What a dialect does not read is named with
/// unmanaged("trigger", "audit_orders").
class schema_out {
 public:
  explicit schema_out(const retort_schema_sink* sink) : sink_(sink) {
    context_.struct_size = sizeof context_;
    context_.host = this;
    context_.op = &forward;
    context_.x_argument = &no_x_argument;
    context_.host_abi_minor = RETORT_ABI_MINOR;
  }
  schema_out(const schema_out&) = delete;
  schema_out& operator=(const schema_out&) = delete;

  retort::ops& ops() noexcept { return ops_; }
  void unmanaged(std::string_view kind, std::string_view name) const {
    sink_->unmanaged(sink_->context, str(kind), str(name));
  }

 private:
  static int forward(void* self, const retort_op* op, retort_error* err) {
    const retort_schema_sink* sink = static_cast<schema_out*>(self)->sink_;
    return sink->object(sink->context, op, err);
  }
  static int no_x_argument(void*, retort_str, retort_str*) { return 0; }

  const retort_schema_sink* sink_;
  retort_migration_context context_{};
  retort::ops ops_{&context_};
};

}  // namespace retort
#pragma GCC visibility pop
