// The files `retort init` and `retort revision` write. Each template is a
// real file in this folder, embedded at build time; `{{key}}` marks where a
// value goes.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace host {

/// The text of one template, by its path in host/cli/authoring/templates
/// ("cpp/CMakeLists.txt"). Throws std::logic_error for a name not embedded.
std::string_view template_text(std::string_view name);

/// `text` with every `{{key}}` replaced by its value. A `{{word}}` whose word
/// is not a key is a bug in the caller, and throws std::logic_error, so a
/// template never ships a placeholder nobody filled.
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace host
