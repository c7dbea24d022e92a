// sqldir/values.hpp: the shapes a directive's value may take. Pure helpers of
// the parser; they say whether a value is acceptable and leave the wording of
// the error, which needs the file and line, to parse.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

/// Whitespace that surrounds values and makes a line blank (not newlines:
/// values never span lines).
inline constexpr std::string_view horizontal_space = " \t\r\f\v";

/// `text` without leading and trailing horizontal_space.
std::string_view trim(std::string_view text);

/// True when `line` holds nothing but horizontal_space.
bool is_blank(std::string_view line);

/// SPEC §3: 1 to 64 characters of [A-Za-z0-9_].
bool is_revision_id(std::string_view text);

/// 1 to 64 characters of [A-Za-z0-9_-]: retort/sdk/spelling.hpp, the rule
/// the host's graph and target parser read labels by too.
bool is_branch_label(std::string_view text);

/// True when `a` and `b` are equal but for the letter case of ASCII letters.
bool equals_ignoring_case(std::string_view a, std::string_view b);

/// `value` quoted for a message, cut short so that one absurd line cannot
/// crowd out the rest of the (1 KiB, one-line) error.
std::string shown(std::string_view value);

/// true/false, yes/no, 1/0 in any letter case; nothing else.
std::optional<bool> parse_flag(std::string_view text);

/// "a, b ,c" -> {"a", "b", "c"}; an empty (or blank) value is an empty list.
/// Returns nullopt when an item between commas is empty ("a,,b", "a,").
std::optional<std::vector<std::string>> split_list(std::string_view value);

}  // namespace sqldir
