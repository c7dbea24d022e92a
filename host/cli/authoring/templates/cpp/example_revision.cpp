// retort:revision {{id}}
// An example revision: edit it, or delete it before applying anything.
#include <retort/sdk/revision.hpp>

using retort::column;

static retort::registration revision_{{id}} =
    retort::revision("{{id}}")
        .message("create example")
        .upgrade([](retort::ops& op) {
          op.create_table("example", {
              column("id", "bigint").primary_key().autoincrement(),
              column("name", "string(100)").not_null(),
              column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
          });
          op.create_index("ix_example_name", "example", {"name"});
        })
        .downgrade([](retort::ops& op) { op.drop_table("example"); });
