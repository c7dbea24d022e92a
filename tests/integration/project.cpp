#include "project.hpp"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <sstream>

namespace it {

Project::Project(const std::string& engine) : engine_(make_engine(engine, dir_.path())) {}

void Project::configure(const std::string& revisions, const std::string& extra) {
  write_file(dir_ / "retort.ini", "[retort]\ndatabase_url = " + engine_->url() + "\nrevisions = " + revisions +
                                      "\nlock_timeout = 60\n" + extra + "\n[log]\nlevel = info\n");
}

void Project::add_sql_revision(const SqlRevision& r) {
  std::string text = "-- retort:revision " + r.id + "\n";
  if (!r.down.empty()) text += "-- retort:down_revision " + r.down + "\n";
  text += "-- retort:message revision " + r.id + "\n" + r.extra_headers;
  text += "\n-- retort:upgrade\n" + r.upgrade + "\n\n-- retort:downgrade\n" + r.downgrade + "\n";
  write_file(dir_ / "migrations" / (r.id + ".sql"), text);
}

void Project::use_sql_revisions(const std::vector<SqlRevision>& revisions, const std::string& extra) {
  for (const auto& r : revisions) add_sql_revision(r);
  configure("migrations", extra);
}

Result Project::retort(std::vector<std::string> args, const std::map<std::string, std::string>& env) const {
  args.insert(args.begin(), retort_binary().string());
  return run_process(args, dir_.path(), env);
}

std::string Project::versions() const {
  std::string out = engine_->query("SELECT version_num FROM retort_version");
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  std::sort(lines.begin(), lines.end());
  std::string joined;
  for (const auto& l : lines) joined += (joined.empty() ? "" : "\n") + l;
  return joined;
}

std::string Project::history() const {
  std::string out = engine_->query("SELECT revision, direction, state FROM retort_history ORDER BY id");
  std::replace(out.begin(), out.end(), '\t', ' ');
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// A scratch database's name carries its retort's pid; one whose process is
// still running belongs to a test running alongside, not to this one.
std::string leftover_scratch_databases(const Engine& engine) {
  std::string names;
  if (engine.name() == "postgresql")
    names = engine.query("SELECT datname FROM pg_database WHERE datname LIKE 'retort_scratch_%'");
  if (engine.name() == "mariadb") names = engine.query("SHOW DATABASES LIKE 'retort\\_scratch\\_%'");
  std::istringstream lines(names);
  std::string left;
  for (std::string name; std::getline(lines, name);) {
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + std::string("retort_scratch_").size()));
    if (pid > 0 && ::kill(pid, 0) == 0) continue;
    left += name + "\n";
  }
  return left;
}

}  // namespace it
