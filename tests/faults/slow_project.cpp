#include "slow_project.hpp"

#include <sys/types.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace faults {
namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

std::string pause_statement(const std::string& engine, int n, double pause) {
  if (engine == "postgresql") return "SELECT pg_sleep(" + seconds_text(pause) + ");";
  if (engine == "mariadb") return "SELECT SLEEP(" + seconds_text(pause) + ");";
  const std::string t = "t" + std::to_string(n) + "_a";
  if (pause <= 0.1)
    return "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 120000) "
           "INSERT OR REPLACE INTO " + t + " (id, v) SELECT i, i FROM c;";
  // About five million CTE rows a second on a test machine; only the order
  // of magnitude matters.
  const long long steps = static_cast<long long>(pause * 5e6);
  return "INSERT OR REPLACE INTO " + t + " (id, v) SELECT 0, count(*) FROM (WITH RECURSIVE c(i) AS (SELECT 1 "
         "UNION ALL SELECT i + 1 FROM c WHERE i < " + std::to_string(steps) + ") SELECT i FROM c);";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

std::string with_default_timeout(const std::string& extra) {
  return extra.find("lock_timeout") == std::string::npos ? extra + "\nlock_timeout = 60" : extra;
}

}  // namespace

std::string revision_id(int n) {
  char id[16];
  std::snprintf(id, sizeof id, "f%011d", n);
  return id;
}

it::SqlRevision slow_revision(const std::string& engine, int n, double pause) {
  const std::string a = "t" + std::to_string(n) + "_a", b = "t" + std::to_string(n) + "_b";
  const bool maria = engine == "mariadb";
  const std::string create = maria ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ";
  const std::string drop = maria ? "DROP TABLE IF EXISTS " : "DROP TABLE ";
  const std::string p = pause_statement(engine, n, pause);
  it::SqlRevision r;
  r.id = revision_id(n);
  r.down = n > 1 ? revision_id(n - 1) : "";
  r.upgrade = create + a + " (id INTEGER PRIMARY KEY, v INTEGER);\n" + p + "\n" + create + b +
              " (id INTEGER PRIMARY KEY);\n" + (engine == "sqlite" ? "" : p + "\n");
  r.downgrade = drop + b + ";\n" + p + "\n" + drop + a + ";\n";
  return r;
}

SlowProject::SlowProject(const std::string& engine, int count, const std::string& extra)
    : engine_(engine), count_(count), project_(engine) {
  for (int n = 1; n <= count; ++n) project_.add_sql_revision(slow_revision(engine, n));
  write_config("retort.ini", extra);
}

void SlowProject::write_config(const std::string& name, const std::string& extra) {
  it::write_file(project_.dir() / name, "[retort]\ndatabase_url = " + project_.db().url() +
                                            "\nrevisions = migrations\n" + with_default_timeout(extra) +
                                            "\n[log]\nlevel = info\n");
}

Process SlowProject::start(std::vector<std::string> args) {
  args.insert(args.begin(), it::retort_binary().string());
  return it::spawn_process(args, project_.dir().path());
}

State SlowProject::state() {
  State st;
  bool has_version = false, has_history = false;
  for (const auto& t : lines_of(db().tables())) {
    if (t == "retort_version") has_version = true;
    if (t == "retort_history") has_history = true;
    if (t.rfind("retort_", 0) != 0) st.tables.insert(t);
  }
  std::vector<std::string> parts;
  if (has_version) parts.push_back("SELECT 'v', version_num, '' FROM retort_version");
  if (has_history)
    parts.push_back("SELECT 'p', revision, direction FROM retort_history h WHERE state = 'pending' AND id = "
                    "(SELECT MAX(id) FROM retort_history g WHERE g.revision = h.revision)");
  if (parts.empty()) return st;
  std::string sql = parts[0] + (parts.size() > 1 ? " UNION ALL " + parts[1] : "");
  int versions = 0;
  for (const auto& line : lines_of(db().query(sql))) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string c; std::getline(in, c, '\t');) cells.push_back(c);
    if (cells.size() < 2) continue;
    if (cells[0] == "v") {
      st.version = std::stoi(cells[1].substr(1));
      ++versions;
    } else {
      st.pending.emplace_back(cells[1], cells.size() > 2 ? cells[2] : "");
    }
  }
  if (versions > 1) throw std::runtime_error("several version rows");
  return st;
}

std::set<std::string> SlowProject::tables() {
  std::set<std::string> out;
  for (const auto& t : lines_of(db().tables()))
    if (t.rfind("retort_", 0) != 0) out.insert(t);
  return out;
}

std::set<std::string> SlowProject::tables_through(int n) const {
  std::set<std::string> out;
  for (int i = 1; i <= n; ++i) {
    out.insert("t" + std::to_string(i) + "_a");
    out.insert("t" + std::to_string(i) + "_b");
  }
  return out;
}

std::string SlowProject::version() {
  if (db().tables().find("retort_version") == std::string::npos) return "";
  return project_.versions();
}

int SlowProject::version_number() {
  std::string v = version();
  if (v.empty()) return 0;
  if (v.find('\n') != std::string::npos) throw std::runtime_error("several version rows: " + v);
  return std::stoi(v.substr(1));
}

std::vector<std::pair<std::string, std::string>> SlowProject::unresolved_pending() {
  std::vector<std::pair<std::string, std::string>> out;
  if (db().tables().find("retort_history") == std::string::npos) return out;
  for (const auto& line : lines_of(db().query(
           "SELECT revision, direction FROM retort_history h WHERE state = 'pending' AND id = "
           "(SELECT MAX(id) FROM retort_history g WHERE g.revision = h.revision) ORDER BY id"))) {
    auto tab = line.find('\t');
    out.emplace_back(line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1));
  }
  return out;
}

std::map<std::string, int> SlowProject::applied_counts(const std::string& direction) {
  std::map<std::string, int> out;
  for (const auto& line : lines_of(db().query("SELECT revision, COUNT(*) FROM retort_history WHERE state = "
                                              "'applied' AND direction = '" + direction + "' GROUP BY revision"))) {
    auto tab = line.find('\t');
    out[line.substr(0, tab)] = std::stoi(line.substr(tab + 1));
  }
  return out;
}

void SlowProject::wait_until_alone() {
  std::string sql;
  if (engine_ == "postgresql")
    sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
  else if (engine_ == "mariadb")
    sql = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()";
  else
    return;
  for (int attempt = 0; attempt < 600; ++attempt) {
    if (db().query(sql) == "0\n") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("a killed run's session is still connected after 30 s");
}

Result finish_within(Process& process, std::chrono::seconds limit) {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  const int pid = process.pid();
  std::thread watchdog([&] {
    std::unique_lock lock(m);
    if (!cv.wait_for(lock, limit, [&] { return done; })) ::kill(pid, SIGKILL);
  });
  Result r = process.finish();
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_all();
  watchdog.join();
  return r;
}

std::string last_line(const std::string& text) {
  auto lines = lines_of(text);
  return lines.empty() ? "" : lines.back();
}

unsigned fault_seed() {
  if (const char* s = std::getenv("RETORT_FAULT_SEED"); s && *s) return static_cast<unsigned>(std::stoul(s));
  return std::random_device{}();
}

}  // namespace faults
