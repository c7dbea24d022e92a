// retort:revision {{id}}
#include <retort/sdk/revision.hpp>

using retort::column;

static retort::registration revision_{{id}} =
    retort::revision("{{id}}")
{{chain}}        .upgrade([](retort::ops& op) {
{{upgrade}}        })
        .downgrade([](retort::ops& op) {
{{downgrade}}        });
