// The plugin's entry point. Exactly one source of a revision plugin says
// RETORT_REVISION_PLUGIN; every revision in src/revisions registers itself.
#include <retort/sdk/revision.hpp>

RETORT_REVISION_PLUGIN("{{name}}", "0.1.0")
