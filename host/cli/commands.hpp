// One function per command (the authoring ones are in authoring/commands.hpp;
// command_table.cpp names each with its row); each returns the process exit
// code and writes its result to stdout (text or --format json). Errors are
// thrown as Error.
#pragma once

#include <string>
#include <vector>

#include "host/cli/app.hpp"

namespace host {

int cmd_upgrade(App& app);
int cmd_downgrade(App& app);
int cmd_stamp(App& app);
int cmd_current(App& app);
int cmd_heads(App& app);
int cmd_branches(App& app);
int cmd_history(App& app);
int cmd_show(App& app);
int cmd_check(App& app);
int cmd_adopt(App& app);
int cmd_schema(App& app);
int cmd_diff(App& app);
/// revision: with --autogenerate, cmd_autogenerate; else the authoring cmd_revision.
int cmd_revision_or_autogenerate(App& app);
int cmd_autogenerate(App& app);
/// retort's own tables, which no schema description includes: the version,
/// history and lock tables of these settings.
std::vector<std::string> own_tables(const Settings& settings);
/// The schema a database's objects are read from: the connection's default
/// one (version_table_schema only says where retort's tables are), without
/// retort's tables.
schema::Schema read_schema_of(Connection& connection, const Settings& settings);
/// What one command did to one database of a fleet, printing nothing.
struct TargetResult {
  std::vector<std::string> from, to;  ///< its revisions before and after
  std::size_t revisions = 0;          ///< revisions run (or stamped)
  std::string note{};                 ///< "already at head", ...
  int exit_code = 0;                  ///< check's 6 when it found something
  std::string error{};                ///< then its first finding
};
/// upgrade and downgrade (online); the database is read first, without the
/// lock, and one already where TARGET is needs no lock at all.
TargetResult migrate_target(App& app);
TargetResult stamp_target(App& app);
TargetResult current_target(App& app);
TargetResult check_target(App& app);
/// --targets on upgrade, downgrade, stamp, current and check (commands_fleet.cpp).
int cmd_fleet(App& app);
int cmd_plugins(App& app);
int cmd_plugins_lock(App& app);  ///< `plugins lock`, dispatched by cmd_plugins

}  // namespace host
