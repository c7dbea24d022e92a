// The SDK's text helpers (retort/sdk/text.hpp), under the name this
// dialect's files use.
#pragma once

#include <retort/sdk/text.hpp>
