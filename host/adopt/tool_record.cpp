#include "host/adopt/tool_record.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "host/errors/error.hpp"

namespace host::adopt {

namespace {

// Booleans as the engines hand them over as text: PostgreSQL's t/f,
// MariaDB's and SQLite's 1/0, and the words a hand-made row may hold.
bool truthy(const std::optional<std::string>& value) {
  if (!value) return false;
  std::string v = *value;
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  return v == "1" || v == "t" || v == "true" || v == "y" || v == "yes" || v == "on";
}

const std::string& text(const ToolRow& row, std::size_t column) {
  static const std::string null_text;
  return column < row.size() && row[column] ? *row[column] : null_text;
}

ToolRecord versions_as_rows(const std::vector<ToolRow>& rows) {
  ToolRecord record;
  for (const auto& row : rows)
    if (!text(row, 0).empty()) record.applied.push_back(text(row, 0));
  return record;
}

// golang-migrate keeps one row: the version it reached, and whether the run
// that set it stopped midway.
ToolRecord golang_migrate_record(const std::vector<ToolRow>& rows) {
  if (rows.empty()) return {};
  if (rows.size() > 1)
    database_error("schema_migrations holds " + std::to_string(rows.size()) +
                   " rows, but golang-migrate keeps one (its version): this is not golang-migrate's table as it "
                   "writes it; say --from dbmate if dbmate made it");
  const std::string& version = text(rows[0], 0);
  if (truthy(rows[0].size() > 1 ? rows[0][1] : std::nullopt))
    database_error("schema_migrations says version " + version +
                   " is dirty: golang-migrate's last run of it failed midway; repair the schema by hand, then "
                   "'migrate force " + version + "' (or the version before it), and adopt again");
  if (version.empty() || version.front() == '-') return {};  // no version: nothing applied
  ToolRecord record;
  record.applied.push_back(version);
  record.through = version;
  return record;
}

// goose appends a row per run; the latest row of a version says whether it
// is applied. Version 0 is the row goose writes when it makes the table.
ToolRecord goose_record(const std::vector<ToolRow>& rows) {
  std::map<std::string, bool> latest;
  std::vector<std::string> order;
  for (const auto& row : rows) {
    const std::string& version = text(row, 0);
    if (version.empty() || version == "0") continue;
    if (!latest.count(version)) order.push_back(version);
    latest[version] = truthy(row.size() > 1 ? row[1] : std::nullopt);
  }
  ToolRecord record;
  for (const auto& version : order)
    if (latest[version]) record.applied.push_back(version);
  return record;
}

// Flyway's history in installed_rank order: versioned rows apply their
// version, UNDO_* rows revert it, DELETE rows (repair) forget it, a
// BASELINE row stands for every version up to its own. Rows without a
// version are repeatable migrations, which retort runs again (docs).
ToolRecord flyway_record(const std::vector<ToolRow>& rows) {
  std::map<std::string, bool> applied;
  std::vector<std::string> order;
  ToolRecord record;
  for (const auto& row : rows) {
    const std::string& version = text(row, 0);
    const std::string& type = text(row, 1);
    const std::string& script = text(row, 3);
    if (!truthy(row.size() > 2 ? row[2] : std::nullopt))
      database_error("flyway_schema_history has a failed migration (" + (version.empty() ? script : version) +
                     ", " + script + "): Flyway would not migrate on from it either; repair the schema, then "
                     "'flyway repair' to remove the row, and adopt again");
    if (version.empty() || type == "SCHEMA") continue;
    if (type == "BASELINE") {
      record.through = version;
      continue;
    }
    if (!applied.count(version)) order.push_back(version);
    applied[version] = !(type.rfind("UNDO_", 0) == 0 || type == "DELETE");
  }
  for (const auto& version : order)
    if (applied[version]) record.applied.push_back(version);
  return record;
}

}  // namespace

ToolQuery tool_query(Tool tool) {
  switch (tool) {
    case Tool::alembic: return {{"version_num"}, ""};
    case Tool::golang_migrate: return {{"version", "dirty"}, ""};
    case Tool::goose: return {{"version_id", "is_applied"}, "id"};
    case Tool::flyway: return {{"version", "type", "success", "script"}, "installed_rank"};
    case Tool::dbmate: return {{"version"}, ""};
    case Tool::diesel: return {{"version"}, ""};
  }
  return {};
}

ToolRecord read_record(Tool tool, const std::vector<ToolRow>& rows) {
  switch (tool) {
    case Tool::golang_migrate: return golang_migrate_record(rows);
    case Tool::goose: return goose_record(rows);
    case Tool::flyway: return flyway_record(rows);
    case Tool::alembic:
    case Tool::dbmate:
    case Tool::diesel: return versions_as_rows(rows);
  }
  return {};
}

}  // namespace host::adopt
