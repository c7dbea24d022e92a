// Targets are parsed here and nowhere else. Grammar (README.md has examples):
//
//   target  := [ label "@" ] anchor [ step ] | [ label "@" ] step
//   anchor  := "head" | "heads" | "base" | "current" | revision
//   step    := ("+" | "-") digits          1..999999999
//   revision:= 1..64 of [A-Za-z0-9_]       a full id, or a unique prefix of 4+
//   label   := 1..64 of [A-Za-z0-9_-]
//
// Keywords win over id prefixes (`head` never means revision "head1a2b").
// A step with no anchor counts from `current`. "+N" walks N revisions up the
// line (each revision on it must have one child, on the label's branch when
// one is given); "-N" walks down ("REV-1" is the database just before REV:
// REV reverted, everything it needs still applied).
//
// Text outside the grammar ("", "a@", "+x", "heads+1", "base-1", "x!") is a
// usage error (exit 2). Text in the grammar the graph cannot resolve (unknown
// revision or label, ambiguous or too-short prefix, several heads where one is
// needed, a walk past a head or below base) is a graph error (exit 4).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "host/graph/graph.hpp"

namespace host {

/// A target as written, checked for spelling only.
struct TargetSpec {
  enum class Anchor { current, head, heads, base, revision };

  std::string text;          ///< as written, for messages
  std::string branch_label;  ///< before '@'; empty when none
  Anchor anchor = Anchor::current;
  std::string revision;      ///< an id or prefix, when anchor is revision
  long steps = 0;            ///< +N up, -N down, 0 when none

  /// A bare `+N`/`-N` (or `LABEL@+N`): the direction it moves from the database.
  bool is_relative_to_current() const { return anchor == Anchor::current && steps != 0; }
};

/// Throws a usage error for text outside the grammar.
TargetSpec parse_target(std::string_view text);

/// Where a target leaves the database, as three kinds of position:
///   at       these revisions applied, with everything they need;
///   below    these not applied, everything they need applied ("REV-1");
///   without  these and all that grew from them not applied, nothing
///            required (`base` is every base, `LABEL@base` the label's root).
struct ResolvedTarget {
  std::vector<Graph::Node> at;
  std::vector<Graph::Node> below;
  std::vector<Graph::Node> without;
};

/// `current_rows` (the version rows as nodes) anchor `current` and bare steps.
/// Throws a graph error naming the target when the graph cannot resolve it.
ResolvedTarget resolve_target(const Graph& graph, const TargetSpec& target, std::span<const Graph::Node> current_rows);

/// The revisions a target names in the graph alone: an id or prefix, `head`,
/// `heads`, `LABEL@head`, `REV+N`. Throws a graph error "ROLE 'TEXT' does
/// not name a revision" for a target that names a state instead (`base`,
/// `LABEL@base`, `REV-1`), and as resolve_target for what cannot resolve
/// (several heads for `head`, an unknown or ambiguous prefix).
std::vector<Graph::Node> named_revisions(const Graph& graph, std::string_view text, std::string_view role);

}  // namespace host
