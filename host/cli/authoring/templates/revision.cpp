// retort:revision {{id}}
#include <retort/sdk/revision.hpp>

using retort::column;

static retort::registration revision_{{id}} =
    retort::revision("{{id}}")
{{chain}}        .upgrade([](retort::ops& op) {
          // op.create_table("orders", {column("id", "bigint").primary_key().autoincrement()});
          static_cast<void>(op);
        })
        .downgrade([](retort::ops& op) {
          // op.drop_table("orders");
          static_cast<void>(op);
        });
