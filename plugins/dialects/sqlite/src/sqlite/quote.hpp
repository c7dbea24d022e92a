// Quoting for SQLite: the only way names and values enter generated SQL.
#pragma once

#include <string>
#include <string_view>

namespace retort::sqlite {

/// "name" with every embedded double quote doubled, so any name is one identifier.
std::string quote_identifier(std::string_view name);

/// 'value' with every embedded single quote doubled.
std::string quote_literal(std::string_view value);

}  // namespace retort::sqlite
