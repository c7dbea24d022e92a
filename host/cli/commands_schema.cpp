// retort schema: the live schema as the dialect reads it (docs/schema.md),
// without retort's own tables.
#include <iostream>

#include "host/abi/connection.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/output.hpp"
#include "host/run/lock_table_sql.hpp"
#include "host/schema/schema_json.hpp"
#include "host/schema/schema_text.hpp"

namespace host {

namespace {

std::size_t object_count(const schema::Schema& s) {
  return s.tables.size() + s.indexes.size() + s.views.size() + s.enums.size() + s.unmanaged.size();
}

}  // namespace

std::vector<std::string> own_tables(const Settings& settings) {
  return {settings.version_table, settings.history_table, LockTableSql::table_for(settings.version_table)};
}

schema::Schema read_schema_of(Connection& connection, const Settings& settings) {
  return connection.read_schema("", own_tables(settings));
}

int cmd_schema(App& app) {
  const Settings& settings = app.settings();
  auto connection = app.connect();
  const schema::Schema live = read_schema_of(*connection, settings);
  if (app.invocation().json) {
    print_json(schema::to_json(live));
    return 0;
  }
  if (object_count(live) == 0) {
    std::cout << "(the schema is empty: no tables, indexes, views or types besides retort's own)\n";
    return 0;
  }
  std::cout << schema::to_text(live);
  return 0;
}

}  // namespace host
