// The commands retort knows, one row each, as git's git.c keeps them
// (`{ "add", cmd_add, RUN_SETUP | NEED_WORK_TREE }`): name, handler, what it
// needs, the options it accepts, its usage and one line of help. Dispatch
// (main), `--help` and the option check (arguments) read this table; the
// completion script and the man page are checked against it
// (tests/cli/command_table_test.cpp, tests/packaging).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace host {

class App;
struct Invocation;

/// What a command needs besides the parsed command line. App builds each
/// piece lazily; these flags say which pieces a command asks for, and
/// tests/integration/command_needs_test.cpp holds the binary to them (a
/// command without NEEDS_DATABASE never connects; one with TAKES_LOCK runs
/// offline with --sql and no database).
enum CommandNeeds : unsigned {
  /// Settings resolved, logging configured, an App: every command but
  /// `init`, whose project has no configuration yet.
  READS_CONFIG = 1u << 0,
  /// The revision graph, from the configured providers.
  NEEDS_GRAPH = 1u << 1,
  /// A connection to the configured database (upgrade, downgrade and stamp:
  /// only without --sql).
  NEEDS_DATABASE = 1u << 2,
  /// Holds the migration lock while it writes (LockedSession; never with --sql).
  TAKES_LOCK = 1u << 3,
};

struct Command {
  std::string_view name;
  /// Exactly one is set: `run` when `needs` has READS_CONFIG, else `run_unconfigured`.
  int (*run)(App&);
  int (*run_unconfigured)(const Invocation&);
  unsigned needs;
  /// Long names of the command options it accepts (global ones are always accepted).
  std::vector<std::string_view> options;
  std::size_t min_args, max_args;  ///< positional arguments after the name
  std::string_view synopsis;       ///< usage, after "retort "
  std::string_view summary;        ///< one line for `retort --help`
};

/// Every command, in the order `retort --help` lists them.
const std::vector<Command>& command_table();

/// The row named `name`, or nullptr.
const Command* find_command(std::string_view name);

}  // namespace host
