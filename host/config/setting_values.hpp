// Internal to host/config: what a valid setting value looks like, shared by
// the file, environment and command-line layers so they accept the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace host {

inline const std::vector<std::string> log_level_names = {"error", "warn", "info", "debug"};
inline const std::vector<std::string> log_format_names = {"text", "json"};

/// true/false/yes/no/1/0, any case.
std::optional<bool> parsed_boolean(std::string_view text);

/// A finite decimal number above zero.
std::optional<double> parsed_positive_number(std::string_view text);

/// `text` lowercased if it is one of `choices` (compared without case).
std::optional<std::string> parsed_choice(std::string_view text,
                                         const std::vector<std::string>& choices);

/// "a, b or c", for messages.
std::string alternatives(const std::vector<std::string>& choices);

/// Throws the usage error every layer reports for a bad value:
/// "[FILE:LINE: ]invalid value 'V' for NAME: expected WHAT".
[[noreturn]] void invalid_value(const std::string& location, const std::string& name,
                                std::string_view value, const std::string& expected);

}  // namespace host
