// Internal to host/abi: the retort_schema_sink the host hands a dialect's
// introspect(), turning every object it describes into host/schema values.
// Plugin data is copied and checked (OwnedOp) before it is read.
#pragma once

#include <retort/abi.h>

#include <exception>
#include <string>

#include "host/schema/schema.hpp"

namespace host {

class SchemaImport {
 public:
  explicit SchemaImport(std::string dialect);
  SchemaImport(const SchemaImport&) = delete;
  SchemaImport& operator=(const SchemaImport&) = delete;

  const retort_schema_sink* sink() const noexcept { return &sink_; }
  /// The schema, sorted; rethrows what a callback could not pass through the plugin.
  schema::Schema take();

 private:
  static int on_object(void* self, const retort_op* op, retort_error* err) noexcept;
  static void on_unmanaged(void* self, retort_str kind, retort_str name) noexcept;
  void add(const retort_op& op);

  std::string dialect_;
  retort_schema_sink sink_{};
  schema::Schema schema_;
  std::exception_ptr failure_;
};

}  // namespace host
