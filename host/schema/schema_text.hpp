// The text form `retort schema` prints: one block per object, SQL-like
// words, for people; the JSON form (schema_json.hpp) is for programs.
#pragma once

#include <string>

#include "host/schema/schema.hpp"

namespace host::schema {

std::string to_text(const Schema& schema);

}  // namespace host::schema
