#include "host/cli/offline_script.hpp"

#include "host/errors/error.hpp"

namespace host {

OfflineScript::OfflineScript(App& app, Header header)
    : path_(app.invocation().output), sink_(open(), app.dialect()), books_(app.bookkeeping()) {
  if (header == Header::version_and_dialect)
    sink_.comment("retort " RETORT_VERSION " offline script (" + app.dialect().name() + ")");
  // The session settings an online run makes on connecting, first here too.
  if (!app.settings().init_sql.empty()) sink_.execute(app.settings().init_sql);
  for (const auto& s : books_.create_tables()) sink_.execute(s);
}

std::ostream& OfflineScript::open() {
  if (path_) {
    file_.open(*path_, std::ios::out | std::ios::trunc);
    if (!file_) usage_error("cannot write --output file '" + *path_ + "'");
  }
  return stream();
}

void OfflineScript::close() {
  stream().flush();
  if (!stream())
    usage_error("writing the SQL script" + (path_ ? " to '" + *path_ + "'" : std::string()) + " failed");
}

}  // namespace host
