// The models: the schema the application wants (issue 13, docs/models.md),
// declared once in models plugins (.so, described through the ABI) and
// declarative .sql files or folders. Both are built in one scratch database
// and read back, so the engine normalises them exactly as it normalises
// what the revisions make.
#pragma once

#include "host/cli/app.hpp"
#include "host/schema/schema.hpp"

namespace host {

/// The configured models as the engine makes them, with their rename hints.
/// Usage error when none is configured.
schema::Desired read_models(App& app);

}  // namespace host
