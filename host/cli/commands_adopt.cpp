// adopt: take over a database another migration tool manages. Its table is
// read as that tool reads it (host/adopt), mapped onto the folder's
// revisions and stamped into retort's tables under the lock; the other
// tool's table is never written, so a team can go back.
#include <iostream>
#include <set>

#include "host/abi/database_error.hpp"
#include "host/adopt/adoption.hpp"
#include "host/adopt/tools.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/online.hpp"
#include "host/cli/output.hpp"
#include "host/config/url.hpp"
#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/run/sink.hpp"

namespace host {
namespace {

using adopt::Tool;
using adopt::ToolTable;

// Column names are sent unquoted: they are plain lower-case words in every
// engine, and SQLite reads a quoted name that no column has as a string
// literal, which would make a missing column look present.

// golang-migrate's schema_migrations has a `dirty` column, dbmate's (and
// Rails', which dbmate reads the same) only `version`.
bool has_dirty_column(Connection& connection, const Bookkeeping& books) {
  try {
    connection.query("SELECT dirty FROM " + books.table("schema_migrations") + " WHERE 1 = 0");
    return true;
  } catch (const DatabaseError&) {
    return false;
  }
}

// Which tool's table this database has: the one --from names, or the only
// one found.
const ToolTable& detect_tool(App& app, Connection& connection, const Bookkeeping& books) {
  const std::optional<std::string>& from = app.invocation().diff_from;
  std::set<std::string_view> present;
  for (const auto table : adopt::tool_table_names())
    if (connection.table_exists(books.schema(), table)) present.insert(table);
  std::optional<bool> dirty_column;  // asked once, of schema_migrations
  auto fits = [&](const ToolTable& t) {
    if (!present.count(t.table)) return false;
    if (t.tool != Tool::golang_migrate && t.tool != Tool::dbmate) return true;
    if (!dirty_column) dirty_column = has_dirty_column(connection, books);
    return *dirty_column == (t.tool == Tool::golang_migrate);
  };
  const std::string where = mask_url(app.url().text);
  if (from) {
    const ToolTable* tool = adopt::find_tool(*from);
    if (!tool) usage_error("adopt --from " + *from + ": not a tool retort adopts from (" + adopt::tool_names() + ")");
    if (!fits(*tool))
      usage_error("adopt --from " + *from + ": " + where + " has no " + std::string(tool->table) + " table as " +
                  std::string(tool->title) + " writes it" +
                  (present.count(tool->table) ? " (its columns are another tool's)" : ""));
    return *tool;
  }
  std::vector<const ToolTable*> found;
  for (const auto& t : adopt::tool_tables())
    if (fits(t)) found.push_back(&t);
  if (found.empty()) {
    std::string looked;
    for (const auto table : adopt::tool_table_names()) looked += (looked.empty() ? "" : ", ") + std::string(table);
    usage_error("adopt: " + where + " has no other tool's table (looked for " + looked +
                (books.schema().empty() ? "" : " in schema " + books.schema()) + ")");
  }
  if (found.size() > 1)
    usage_error("adopt: " + where + " has both " + std::string(found[0]->table) + " (" +
                std::string(found[0]->title) + ") and " + std::string(found[1]->table) + " (" +
                std::string(found[1]->title) + "): say which with --from");
  return *found.front();
}

void refuse_if_adopted(VersionStore& store, const Bookkeeping& books, const std::string& where) {
  const auto versions = store.versions();
  if (!versions.empty())
    usage_error("adopt: " + where + " is already retort's: " + books.version_table() + " holds " + versions.front() +
                (versions.size() > 1 ? " and more" : "") + " (retort stamp moves it)");
  bool any = false;
  store.each_history(Bookkeeping::HistoryColumns::outcomes, [&](HistoryRow&&) { any = true; });
  if (any)
    usage_error("adopt: " + where + " is already retort's: " + books.history_table() +
                " has rows (retort stamp moves its version)");
}

adopt::Adoption read_adoption(App& app, Connection& connection, const Bookkeeping& books, const ToolTable& tool) {
  const adopt::ToolQuery query = adopt::tool_query(tool.tool);
  std::string columns;
  for (const auto& c : query.columns) columns += (columns.empty() ? "" : ", ") + std::string(c);
  std::string sql = "SELECT " + columns + " FROM " + books.table(std::string(tool.table));
  if (!query.order_by.empty()) sql += " ORDER BY " + std::string(query.order_by);
  std::vector<adopt::ToolRow> rows;
  try {
    rows = connection.query(sql);
  } catch (const DatabaseError& e) {
    throw Error(e.code(), "adopt: reading " + std::string(tool.table) + " as " + std::string(tool.title) +
                              " writes it failed: " + e.what());
  }
  return adopt::map_onto_graph(app.graph(), tool.tool, adopt::read_record(tool.tool, rows), tool.table);
}

void stamp_adoption(App& app, LockedSession& session, const ToolTable& tool, const adopt::Adoption& adoption) {
  const Bookkeeping& books = session.books();
  Collector collector = app.collector(false);
  ConnectionSink sink(session.connection());
  sink.begin();
  try {
    for (const auto& s : books.move_versions({}, adoption.heads)) sink.execute(s);
    for (const auto& id : adoption.applied) {
      HistoryRow row;
      row.revision = id;
      row.direction = "stamp";
      row.checksum = collector.collect(app.graph().at(id), Direction::upgrade, false).checksum;
      row.state = "applied";
      row.started_at = utc_now_iso8601();
      row.duration_ms = 0;
      row.host = this_host();
      row.tool_version = RETORT_VERSION;
      row.error_message = "adopted from " + std::string(tool.table) + " (" + std::string(tool.title) + ")";
      sink.execute(books.insert_history(row));
    }
    sink.commit();
  } catch (...) {
    sink.rollback();
    interrupts::check();
    throw;
  }
}

}  // namespace

int cmd_adopt(App& app) {
  const std::string where = mask_url(app.url().text);
  // Everything is checked before the lock, which makes retort's tables: a
  // refusal leaves the database as it was.
  ReadOnlySession look(app);
  refuse_if_adopted(look.store(), look.books(), where);
  const ToolTable& tool = detect_tool(app, look.connection(), look.books());
  if (look.books().version_table() == tool.table || look.books().history_table() == tool.table)
    usage_error("adopt: version_table is " + std::string(tool.table) + ", " + std::string(tool.title) +
                "'s own table: retort already reads it as its version table");
  read_adoption(app, look.connection(), look.books(), tool);

  LockedSession session(app, look.take_connection());
  // Another adopt, or the other tool, may have run meanwhile.
  refuse_if_adopted(session.store(), session.books(), where);
  const adopt::Adoption adoption = read_adoption(app, session.connection(), session.books(), tool);
  stamp_adoption(app, session, tool, adoption);
  session.release();

  if (app.invocation().json) {
    print_json(Json{{"tool", tool.name}, {"table", tool.table}, {"applied", adoption.applied},
                    {"heads", adoption.heads}});
  } else if (adoption.applied.empty()) {
    std::cout << "adopted " << tool.title << "'s " << tool.table << ": nothing was applied, retort starts from base\n";
  } else {
    std::string heads;
    for (const auto& h : adoption.heads) heads += (heads.empty() ? "" : ", ") + h;
    std::cout << "adopted " << tool.title << "'s " << tool.table << ": " << adoption.applied.size()
          << (adoption.applied.size() == 1 ? " revision" : " revisions") << " applied, at " << heads << "\n";
  }
  logger().info("adopted " + std::to_string(adoption.applied.size()) + " revision(s) from " + std::string(tool.table) +
                "; it is left as it was");
  return 0;
}

}  // namespace host
