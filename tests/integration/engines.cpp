// The three engines as the tests see them: a fresh database each, read back
// with sqlite3, psql and mariadb, the clients a user would reach for.
#include <random>
#include <regex>
#include <stdexcept>

#include "harness.hpp"

namespace it {
namespace {

std::string unique_name(const char* prefix) {
  std::random_device rd;
  return std::string(prefix) + std::to_string(rd() % 100000000u);
}

std::string checked(const Result& r, const std::string& what) {
  if (r.code != 0) throw std::runtime_error(what + " failed: " + r.err + r.out);
  return r.out;
}

class Sqlite final : public Engine {
 public:
  explicit Sqlite(fs::path dir) : dir_(std::move(dir)), file_(dir_ / (unique_name("db") + ".sqlite")) {}
  std::string name() const override { return "sqlite"; }
  std::string url() const override { return "sqlite:///" + file_.string(); }
  std::string query(const std::string& sql) const override {
    return checked(run_process({"sqlite3", "-batch", "-separator", "\t", file_.string(), sql}, dir_), "sqlite3");
  }
  Result apply_script(const fs::path& script) const override {
    return run_process({"sqlite3", "-bail", "-batch", file_.string(), ".read " + script.string()}, dir_);
  }
  std::string tables() const override {
    return query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }
  std::string columns() const override {
    return query(
        "SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p.\"notnull\" FROM sqlite_master m "
        "JOIN pragma_table_info(m.name) p WHERE m.type='table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1");
  }
  std::unique_ptr<Engine> sibling() const override { return std::make_unique<Sqlite>(dir_); }

 private:
  fs::path dir_, file_;
};

struct ServerUrl {
  std::string scheme, user, password, host, port, database;
};
ServerUrl parse_server_url(const std::string& url) {
  static const std::regex re(R"(^(\w+)://([^:@/]+):([^@/]*)@([^:/]+):(\d+)/([^?]+)$)");
  std::smatch m;
  if (!std::regex_match(url, m, re)) throw std::runtime_error("cannot parse test server URL " + url);
  return {m[1], m[2], m[3], m[4], m[5], m[6]};
}

std::string server_url(const char* variable) {
  const char* v = std::getenv(variable);
  if (!v || !*v)
    throw std::runtime_error(std::string(variable) +
                             " is not set: run the suite with scripts/test.sh, which starts the servers");
  return v;
}

class Postgres final : public Engine {
 public:
  explicit Postgres(fs::path dir) : dir_(std::move(dir)), base_(parse_server_url(server_url("RETORT_TEST_POSTGRESQL_URL"))) {
    db_ = unique_name("it_");
    admin("CREATE DATABASE " + db_);
  }
  ~Postgres() override {
    try {
      admin("DROP DATABASE IF EXISTS " + db_ + " WITH (FORCE)");
    } catch (...) {
    }
  }
  std::string name() const override { return "postgresql"; }
  std::string url() const override { return url_for(db_); }
  std::string query(const std::string& sql) const override {
    return checked(run_process({"psql", url(), "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql}, dir_),
                   "psql");
  }
  Result apply_script(const fs::path& script) const override {
    return run_process({"psql", url(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.string()}, dir_);
  }
  std::string tables() const override {
    return query("SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY 1");
  }
  std::string columns() const override {
    return query(
        "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM "
        "information_schema.columns WHERE table_schema='public' ORDER BY 1");
  }
  std::unique_ptr<Engine> sibling() const override { return std::make_unique<Postgres>(dir_); }

 private:
  std::string url_for(const std::string& db) const {
    return base_.scheme + "://" + base_.user + ":" + base_.password + "@" + base_.host + ":" + base_.port + "/" + db;
  }
  void admin(const std::string& sql) const {
    checked(run_process({"psql", url_for(base_.database), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql}, dir_),
            "psql " + sql);
  }
  fs::path dir_;
  ServerUrl base_;
  std::string db_;
};

class Mariadb final : public Engine {
 public:
  explicit Mariadb(fs::path dir) : dir_(std::move(dir)), base_(parse_server_url(server_url("RETORT_TEST_MARIADB_URL"))) {
    db_ = unique_name("it_");
    client(base_.database, "CREATE DATABASE " + db_);
  }
  ~Mariadb() override {
    try {
      client(base_.database, "DROP DATABASE IF EXISTS " + db_);
    } catch (...) {
    }
  }
  std::string name() const override { return "mariadb"; }
  std::string url() const override {
    return "mariadb://" + base_.user + ":" + base_.password + "@" + base_.host + ":" + base_.port + "/" + db_;
  }
  std::string query(const std::string& sql) const override { return client(db_, sql); }
  Result apply_script(const fs::path& script) const override {
    // Without --abort-source-on-error the client reports a failed statement
    // of a sourced file and exits 0.
    std::vector<std::string> argv = args(db_, "source " + script.string());
    argv.insert(argv.begin() + 1, "--abort-source-on-error");
    return run_process(argv, dir_);
  }
  std::string tables() const override {
    return query("SELECT table_name FROM information_schema.tables WHERE table_schema=DATABASE() ORDER BY 1");
  }
  std::string columns() const override {
    return query(
        "SELECT CONCAT(table_name, '.', column_name, ' ', column_type, ' ', is_nullable) FROM "
        "information_schema.columns WHERE table_schema=DATABASE() ORDER BY 1");
  }
  std::unique_ptr<Engine> sibling() const override { return std::make_unique<Mariadb>(dir_); }

 private:
  std::vector<std::string> args(const std::string& db, const std::string& sql) const {
    return {"mariadb", "--protocol=TCP", "-h", base_.host, "-P", base_.port, "-u", base_.user,
            "-p" + base_.password, "-N", "-B", "-e", sql, db};
  }
  std::string client(const std::string& db, const std::string& sql) const {
    return checked(run_process(args(db, sql), dir_), "mariadb");
  }
  fs::path dir_;
  ServerUrl base_;
  std::string db_;
};

}  // namespace

std::unique_ptr<Engine> make_engine(const std::string& name, const fs::path& workdir) {
  if (name == "sqlite") return std::make_unique<Sqlite>(workdir);
  if (name == "postgresql") return std::make_unique<Postgres>(workdir);
  if (name == "mariadb") return std::make_unique<Mariadb>(workdir);
  throw std::runtime_error("unknown engine " + name);
}

std::vector<std::string> engine_names() { return {"sqlite", "postgresql", "mariadb"}; }

}  // namespace it
