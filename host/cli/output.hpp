// Results on stdout: text for people, or one JSON document (--format json).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace host {

using Json = nlohmann::ordered_json;

/// Prints `doc` as one JSON document followed by a newline.
void print_json(const Json& doc);

}  // namespace host
