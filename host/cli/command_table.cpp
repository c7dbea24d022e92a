#include "host/cli/command_table.hpp"

#include "host/cli/authoring/commands.hpp"
#include "host/cli/commands.hpp"

namespace host {

// upgrade, downgrade, stamp, current and check also run over many databases.
#define FLEET_OPTIONS "targets", "jobs", "canary", "max-failures", "journal", "resume"

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      {"init", nullptr, cmd_init, 0, {"template"}, 1, 1,
       "init DIR [--template sqldir|cpp]",
       "scaffold a project: retort.ini and a revisions folder, or a C++ revision plugin (cpp)"},
      // With --autogenerate it also uses a scratch database (and with
      // --from database the database itself).
      {"revision", cmd_revision_or_autogenerate, nullptr, READS_CONFIG | NEEDS_GRAPH,
       {"message", "head", "splice", "branch-label", "depends-on", "rev-id", "template", "autogenerate", "from",
        "allow-destructive"}, 0, 0,
       "revision -m MSG [--head REV [--splice]] [--branch-label L] [--depends-on R] [--rev-id ID] "
       "[--template sqldir|cpp] [--autogenerate [--from head|database] [--allow-destructive]]",
       "write a new revision whose parent is the current head (or --head); --autogenerate: its steps from head "
       "to the models, proven first"},
      {"merge", cmd_merge, nullptr, READS_CONFIG | NEEDS_GRAPH, {"message", "rev-id", "template"}, 1, 1000,
       "merge REV REV... [-m MSG] [--rev-id ID] [--template sqldir|cpp]",
       "write a revision merging heads (REV: an id, a prefix, label@head, or heads)"},
      {"upgrade", cmd_upgrade, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE | TAKES_LOCK,
       {"sql", "output", "retry-pending", FLEET_OPTIONS}, 1, 1,
       "upgrade TARGET [--sql [FROM:]TARGET] [--output FILE] [--retry-pending] [--targets FILE|label:L ...]",
       "apply revisions up to TARGET (head, heads, an id, a prefix, +N, label@head)"},
      {"downgrade", cmd_downgrade, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE | TAKES_LOCK,
       {"sql", "output", "retry-pending", FLEET_OPTIONS}, 1, 1,
       "downgrade TARGET [--sql FROM:TARGET] [--output FILE] [--retry-pending] [--targets FILE|label:L ...]",
       "revert revisions down to TARGET (base, an id, -N)"},
      {"stamp", cmd_stamp, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE | TAKES_LOCK,
       {"purge", "sql", "output", FLEET_OPTIONS}, 1, 1,
       "stamp TARGET [--purge] [--sql] [--targets FILE|label:L ...]",
       "set the version table to TARGET without running revisions"},
      {"adopt", cmd_adopt, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE | TAKES_LOCK, {"from"}, 0, 0,
       "adopt [--from alembic|golang-migrate|goose|flyway|dbmate|diesel]",
       "take over a database another tool manages: its table (left as it is) stamped into retort's"},
      {"current", cmd_current, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE, {FLEET_OPTIONS}, 0, 0,
       "current [--targets FILE|label:L ...]",
       "the revisions the database is at"},
      {"heads", cmd_heads, nullptr, READS_CONFIG | NEEDS_GRAPH, {}, 0, 0,
       "heads",
       "the heads of the revision graph"},
      {"branches", cmd_branches, nullptr, READS_CONFIG | NEEDS_GRAPH, {}, 0, 0,
       "branches",
       "the branch points of the revision graph"},
      {"history", cmd_history, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE, {"rev-range"}, 0, 0,
       "history [-r RANGE]",
       "revisions, newest first, marking which are applied"},
      {"show", cmd_show, nullptr, READS_CONFIG | NEEDS_GRAPH, {}, 1, 1,
       "show REV",
       "one revision in full, with its SQL for the configured dialect"},
      {"check", cmd_check, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE, {"no-drift", FLEET_OPTIONS}, 0, 0,
       "check [--no-drift] [--targets FILE|label:L ...]",
       "exit 0 only if the database is at the heads, nothing applied changed, nothing unknown or half-applied, "
       "and its schema is what the revisions make"},
      {"diff", cmd_diff, nullptr, READS_CONFIG | NEEDS_GRAPH | NEEDS_DATABASE, {"from", "to", "allow-destructive"}, 0, 0,
       "diff [--from SOURCE] [--to SOURCE] [--allow-destructive]",
       "the SQL that turns one schema into another (database, head, a revision, file:PATH, empty), proven on a scratch "
       "database first"},
      {"schema", cmd_schema, nullptr, READS_CONFIG | NEEDS_DATABASE, {}, 0, 0,
       "schema",
       "the database's live schema as the dialect reads it, without retort's own tables"},
      // `plugins lock` loads the configured dialect and providers, no graph.
      {"plugins", cmd_plugins, nullptr, READS_CONFIG, {}, 0, 2,
       "plugins [inspect FILE | lock]",
       "the plugins found; describe one file without running it; or pin what this configuration loads "
       "in retort.plugins.lock"},
  };
  return table;
}

#undef FLEET_OPTIONS

const Command* find_command(std::string_view name) {
  for (const auto& command : command_table())
    if (command.name == name) return &command;
  return nullptr;
}

}  // namespace host
