// The stable JSON form of a schema (docs/schema.md): what `retort schema
// --format json` prints and what tests and reviews compare. Every key is
// always present, in a fixed order; absent values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "host/schema/schema.hpp"

namespace host::schema {

/// The version of the form, its first key: "retort-schema/1".
inline constexpr const char* json_format = "retort-schema/1";

nlohmann::ordered_json to_json(const Schema& schema);

/// Reads the form back; throws host::Error(usage) naming the first thing
/// that is not as docs/schema.md describes it.
Schema schema_from_json(const nlohmann::json& json);

}  // namespace host::schema
