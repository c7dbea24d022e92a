// Text helpers: the SDK's (retort/sdk/text.hpp) under this dialect's
// names, and the scrubbing of a password a server echoed back.
#pragma once

#include <retort/sdk/text.hpp>

#include <string>
#include <string_view>

namespace retort::postgresql {

using retort::text::iequals;
using retort::text::is_space;
using retort::text::lower;
using retort::text::one_line;
using retort::text::shorten;
using retort::text::trim;

/// `text` with every occurrence of `secret` replaced by "***"; an empty
/// secret changes nothing.
std::string scrub(std::string text, std::string_view secret);

}  // namespace retort::postgresql
