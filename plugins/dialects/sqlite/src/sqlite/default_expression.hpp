// The expression after DEFAULT. SQLite's grammar accepts only a literal, a
// signed number or a parenthesized expression there (CREATE TABLE and ADD
// COLUMN alike), while revisions write portable expressions such as
// "lower('x')"; so anything that is not already one of those is wrapped in
// parentheses, which SQLite treats as the same constant.
#pragma once

#include <string>
#include <string_view>

namespace retort::sqlite {

/// `expression` (trimmed) as SQLite accepts it after DEFAULT.
std::string default_expression(std::string_view expression);

}  // namespace retort::sqlite
