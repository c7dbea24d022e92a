// The command line, parsed once into an Invocation (SPEC §5). Options may
// stand before or after the command; relative targets such as `-1` are
// targets, not options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "host/config/settings.hpp"

namespace host {

struct Invocation {
  CommandLine global;                  ///< what feeds the settings
  bool json = false;                   ///< --format json
  bool help = false;
  bool version = false;
  bool allow_untrusted_plugins = false;  ///< load plugins others could have changed (trust.hpp)
  std::string command;                 ///< "" when none was given
  std::vector<std::string> arguments;  ///< positional arguments after the command
  // Command options; each is accepted only by the commands that take it.
  bool sql = false;
  std::optional<std::string> output;
  bool purge = false;
  bool no_drift = false;  ///< check --no-drift
  std::optional<std::string> diff_from, diff_to;  ///< diff --from, --to (adopt --from: the tool)
  bool allow_destructive = false;                 ///< diff, revision --autogenerate --allow-destructive
  bool autogenerate = false;                      ///< revision --autogenerate
  bool retry_pending = false;
  std::optional<std::string> range;
  // Fleets (upgrade, downgrade, stamp, current, check over many databases).
  std::optional<std::string> targets;         ///< --targets FILE | label:L
  std::optional<std::size_t> jobs;            ///< --jobs N (>= 1)
  std::size_t canary = 0;                     ///< --canary N
  std::size_t max_failures = 0;               ///< --max-failures K; 0: no limit
  std::optional<std::string> journal;         ///< --journal FILE
  bool resume = false;                        ///< --resume
  bool fleet_target = false;                  ///< set on each target's App of a fleet, never parsed
  // Authoring (init, revision, merge).
  std::optional<std::string> message;         ///< -m
  std::optional<std::string> head;            ///< revision --head
  bool splice = false;                        ///< revision --splice: --head need not be a head
  std::vector<std::string> branch_labels;     ///< revision --branch-label (repeatable)
  std::vector<std::string> depends_on;        ///< revision --depends-on (repeatable)
  std::optional<std::string> rev_id;          ///< --rev-id
  std::optional<std::string> template_name;   ///< --template sqldir|cpp
};

/// Throws Error(usage) naming the offending argument.
Invocation parse_arguments(const std::vector<std::string>& argv);

/// Usage text: the overview, or one command's.
std::string usage_text(const std::string& command = {});

/// The commands retort knows (command_table.hpp), in the order help lists them.
const std::vector<std::string>& command_names();

/// A command option the parser knows; which commands accept it is in their
/// rows of the command table.
struct CommandOption {
  std::string long_name;  ///< "rev-range"
  bool takes_value;       ///< --rev-range RANGE, as opposed to --sql
};
std::vector<CommandOption> command_options_known();

}  // namespace host
