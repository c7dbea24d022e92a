// The spelling of targets (grammar in target.hpp). Nothing here looks at
// the graph, so every error is a usage error.
#include <algorithm>

#include "host/errors/error.hpp"
#include "host/graph/identifiers.hpp"
#include "host/plan/target.hpp"

namespace host {
namespace {

// 999,999,999 steps is past any real graph and still fits a long.
constexpr std::size_t most_step_digits = 9;

[[noreturn]] void refuse(std::string_view text, const std::string& why) {
  usage_error("invalid target '" + printable(text) + "': " + why +
              " (expected head, heads, base, current, a revision id or a prefix of 4+ characters, "
              "LABEL@head, LABEL@base, +N, -N, REV+N or REV-N)");
}

long parse_steps(std::string_view text, std::string_view step) {
  const char sign = step.front();
  std::string_view digits = step.substr(1);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    refuse(text, "'" + std::string(1, sign) + "' must be followed by a number of steps");
  if (digits.size() > most_step_digits) refuse(text, "the number of steps is too large");
  long count = 0;
  for (char c : digits) count = count * 10 + (c - '0');
  if (count == 0) refuse(text, "the number of steps must be at least 1");
  return sign == '-' ? -count : count;
}

TargetSpec::Anchor parse_anchor(std::string_view text, std::string_view anchor) {
  using Anchor = TargetSpec::Anchor;
  if (anchor.empty() || anchor == "current") return Anchor::current;
  if (anchor == "head") return Anchor::head;
  if (anchor == "heads") return Anchor::heads;
  if (anchor == "base") return Anchor::base;
  if (!is_revision_id_text(anchor)) refuse(text, "'" + printable(anchor) + "' is not a revision id or prefix");
  return Anchor::revision;
}

}  // namespace

TargetSpec parse_target(std::string_view text) {
  if (text.empty()) refuse(text, "it is empty");
  TargetSpec target;
  target.text = std::string(text);

  std::string_view rest = text;
  if (const auto at = rest.find('@'); at != std::string_view::npos) {
    std::string_view label = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (!is_branch_label_text(label)) refuse(text, "'" + printable(label) + "' is not a branch label");
    if (rest.empty()) refuse(text, "nothing follows '@'");
    target.branch_label = std::string(label);
  }

  // Ids and labels never contain '+' or '-' after the '@', so the first sign starts the step.
  const auto sign = rest.find_first_of("+-");
  std::string_view anchor = rest.substr(0, sign);
  if (sign != std::string_view::npos) target.steps = parse_steps(text, rest.substr(sign));
  target.anchor = parse_anchor(text, anchor);
  if (target.anchor == TargetSpec::Anchor::revision) target.revision = std::string(anchor);

  if (target.anchor == TargetSpec::Anchor::heads && target.steps != 0)
    refuse(text, "'heads' names several revisions, so it takes no steps");
  if (target.anchor == TargetSpec::Anchor::base && target.steps < 0) refuse(text, "nothing is below base");
  return target;
}

}  // namespace host
