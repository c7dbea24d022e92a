// sqldir/directive.hpp: recognising a `-- retort:NAME value` line. The parser
// does not lex SQL: this looks at one line at a time, nothing more.
#pragma once

#include <optional>
#include <string_view>

namespace sqldir {

/// A directive as written on its line; every view points into that line.
struct Directive {
  std::string_view spelled;  ///< "retort:NAME" as written, for messages
  std::string_view name;     ///< NAME: up to the first whitespace, maybe empty
  std::string_view value;    ///< the rest of the line, trimmed
};

/// The directive on `line` (without its line ending), if there is one: after
/// optional whitespace, "--", optional whitespace, then "retort:" in any
/// letter case. The prefix is matched loosely on purpose: a mistyped
/// `-- Retort:downgrade` in a script must be reported, not silently sent to
/// the database as part of the upgrade.
std::optional<Directive> directive_in(std::string_view line);

/// True for a blank line or an ordinary `--` comment: what may stand next to
/// the header directives before `-- retort:upgrade`.
bool is_blank_or_comment(std::string_view line);

}  // namespace sqldir
