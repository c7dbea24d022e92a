// Internal to host/abi: the retort_schema_sink the host hands a dialect's
// introspect() or a models plugin's models(), turning every object it
// describes into host/schema values, and the models' rename hints into
// RenameHints. Plugin data is copied and checked (OwnedOp) before it is read.
#pragma once

#include <retort/abi.h>

#include <exception>
#include <string>
#include <vector>

#include "host/schema/schema.hpp"

namespace host {

class SchemaImport {
 public:
  /// `who` prefixes every refusal (the dialect's name, or the models
  /// plugin's name and file); `call` names the function that describes
  /// ("introspect", "models").
  explicit SchemaImport(std::string who, std::string call = "introspect");
  SchemaImport(const SchemaImport&) = delete;
  SchemaImport& operator=(const SchemaImport&) = delete;

  const retort_schema_sink* sink() const noexcept { return &sink_; }
  /// The schema, sorted; rethrows what a callback could not pass through the plugin.
  schema::Schema take();
  /// The rename hints, in the order described: a CREATE_TABLE's
  /// renamed_from (column ""), then each of its columns'. A hint naming its
  /// object itself, two hints for one object, or two objects renamed from
  /// one name were refused (Error(plugin)) as they arrived; rethrown here too.
  std::vector<schema::RenameHint> take_renames();

 private:
  static int on_object(void* self, const retort_op* op, retort_error* err) noexcept;
  static void on_unmanaged(void* self, retort_str kind, retort_str name) noexcept;
  void add(const retort_op& op);
  void add_hint(schema::RenameHint hint);

  std::string who_;
  std::string call_;
  retort_schema_sink sink_{};
  schema::Schema schema_;
  std::vector<schema::RenameHint> renames_;
  std::exception_ptr failure_;
};

}  // namespace host
