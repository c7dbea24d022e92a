// Beyond one server, through the binary with the default config (issue 14):
// deploys started together on every node of a real 3-node Galera cluster and
// through a real PgBouncer in transaction pooling, which scripts/test.sh
// starts. A session lock cannot be trusted on either; retort must notice,
// take the lease-table lock, and apply each revision exactly once. One node
// killed mid-run leaves the others finished or cleanly failed. Deploys
// through the pooler and straight to the server at once also apply each
// revision once: the direct ones take the lock table's row too.
// The tests share the cluster and the pooler, so ctest runs this binary as one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

std::string required(const char* variable) {
  const char* v = std::getenv(variable);
  if (!v || !*v)
    throw std::runtime_error(std::string(variable) + " is not set: run the suite with scripts/test.sh, which starts "
                                                     "the Galera cluster and PgBouncer");
  return v;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// "scheme://user:password@host:port/db" -> its parts.
struct Parts {
  std::string scheme, user, password, host, port, database;
  std::string with_database(const std::string& db) const {
    return scheme + "://" + user + ":" + password + "@" + host + ":" + port + "/" + db;
  }
};
Parts parts(const std::string& url) {
  const auto scheme_end = url.find("://"), at = url.find('@');
  const std::string credentials = url.substr(scheme_end + 3, at - scheme_end - 3);
  const auto colon = url.find(':', at), slash = url.find('/', at);
  return {url.substr(0, scheme_end), credentials.substr(0, credentials.find(':')),
          credentials.substr(credentials.find(':') + 1), url.substr(at + 1, colon - at - 1),
          url.substr(colon + 1, slash - colon - 1), url.substr(slash + 1)};
}

std::string unique(const char* prefix) {
  std::random_device rd;
  return prefix + std::to_string(rd() % 100000000u);
}

// Five revisions, each a table and a short pause, so concurrent runs overlap.
// IF NOT EXISTS: a revision cut short by a killed node can be retried.
std::vector<SqlRevision> revisions(const std::string& pause) {
  std::vector<SqlRevision> out;
  for (int i = 1; i <= 5; ++i) {
    const std::string id = "c0000000000" + std::to_string(i);
    out.push_back({id, i == 1 ? "" : "c0000000000" + std::to_string(i - 1),
                   "CREATE TABLE IF NOT EXISTS t" + std::to_string(i) + " (id INTEGER PRIMARY KEY);\n" + pause + ";",
                   "DROP TABLE IF EXISTS t" + std::to_string(i) + ";"});
  }
  return out;
}

void write_revisions(const fs::path& dir, const std::vector<SqlRevision>& revs) {
  for (const auto& r : revs) {
    std::string text = "-- retort:revision " + r.id + "\n";
    if (!r.down.empty()) text += "-- retort:down_revision " + r.down + "\n";
    text += "-- retort:message " + r.id + "\n\n-- retort:upgrade\n" + r.upgrade + "\n\n-- retort:downgrade\n" +
            r.downgrade + "\n";
    write_file(dir / "migrations" / (r.id + ".sql"), text);
  }
}

void write_config(const fs::path& file, const std::string& url, const std::string& extra = "") {
  write_file(file, "[retort]\ndatabase_url = " + url + "\nrevisions = migrations\nlock_timeout = 120\n" + extra +
                       "\n[log]\nlevel = info\n");
}

// A database of its own on the cluster, reachable through every node.
class GaleraDatabase {
 public:
  GaleraDatabase() : nodes_(words(required("RETORT_TEST_GALERA_URLS"))), dir_(required("RETORT_TEST_GALERA_DIR")) {
    if (nodes_.size() != 3) throw std::runtime_error("RETORT_TEST_GALERA_URLS must name three nodes");
    name_ = unique("galera_");
    query(0, "CREATE DATABASE " + name_, "retort_test");
  }
  ~GaleraDatabase() {
    try {
      query(0, "DROP DATABASE IF EXISTS " + name_, "retort_test");
    } catch (...) {
    }
  }
  std::string url(int node) const { return parts(nodes_[node]).with_database(name_); }
  std::string query(int node, const std::string& sql, const std::string& db = "") const {
    const Parts p = parts(nodes_[node]);
    Result r = run_process({"mariadb", "--protocol=TCP", "-h", p.host, "-P", p.port, "-u", p.user, "-p" + p.password,
                            "-N", "-B", "-e", sql, db.empty() ? name_ : db},
                           fs::temp_directory_path());
    if (r.code != 0) throw std::runtime_error("mariadb on node " + std::to_string(node + 1) + ": " + r.err);
    return r.out;
  }
  int base_port() const { return std::stoi(parts(nodes_[0]).port); }
  const std::string& galera_dir() const { return dir_; }

 private:
  std::vector<std::string> nodes_;
  std::string dir_, name_;
};

std::vector<Result> finish_all(std::vector<Process>& runs) {
  std::vector<Result> out;
  for (auto& p : runs) out.push_back(p.finish());
  return out;
}

std::string all_stderr(const std::vector<Result>& results) {
  std::string out;
  for (const auto& r : results) out += r.err + "\n----\n";
  return out;
}

TEST(Galera, DeploysStartedTogetherOnEveryNodeApplyEachRevisionOnceWithTheDefaultConfig) {
  GaleraDatabase db;
  TempDir dir;
  write_revisions(dir.path(), revisions("DO SLEEP(0.1)"));
  for (int n = 0; n < 3; ++n) write_config(dir.path() / ("node" + std::to_string(n + 1) + ".ini"), db.url(n));
  std::vector<Process> runs;
  for (int round = 0; round < 3; ++round)
    for (int n = 1; n <= 3; ++n)
      runs.push_back(spawn_process({retort_binary().string(), "-c", "node" + std::to_string(n) + ".ini", "upgrade",
                                    "head"},
                                   dir.path()));
  const std::vector<Result> results = finish_all(runs);
  for (const auto& r : results) EXPECT_EQ(r.code, 0) << all_stderr(results);
  EXPECT_THAT(all_stderr(results), HasSubstr("lock: using the lock table instead of the session lock: this is a "
                                             "node of a Galera cluster"));
  EXPECT_EQ(db.query(0, "SELECT revision, COUNT(*) FROM retort_history WHERE direction = 'upgrade' AND state = "
                        "'applied' GROUP BY revision ORDER BY revision"),
            "c00000000001\t1\nc00000000002\t1\nc00000000003\t1\nc00000000004\t1\nc00000000005\t1\n");
  for (int n = 0; n < 3; ++n) EXPECT_EQ(db.query(n, "SELECT version_num FROM retort_version"), "c00000000005\n");
}

TEST(Galera, ANodeKilledDuringARunLeavesTheOtherNodesFinishedOrCleanlyStopped) {
  GaleraDatabase db;
  TempDir dir;
  write_revisions(dir.path(), revisions("DO SLEEP(0.5)"));
  for (int n = 0; n < 3; ++n)
    write_config(dir.path() / ("node" + std::to_string(n + 1) + ".ini"), db.url(n), "lock_lease = 3");
  std::vector<Process> runs;
  for (int n = 1; n <= 3; ++n)
    for (int i = 0; i < 2; ++i)
      runs.push_back(spawn_process({retort_binary().string(), "-c", "node" + std::to_string(n) + ".ini", "upgrade",
                                    "head"},
                                   dir.path()));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // some revisions are running by now
  const fs::path pid_file = fs::path(db.galera_dir()) / "node2" / "mysqld.pid";
  const pid_t node2 = static_cast<pid_t>(std::stol(read_file(pid_file)));
  ASSERT_EQ(::kill(node2, SIGKILL), 0);
  const std::vector<Result> results = finish_all(runs);
  for (std::size_t i = 0; i < results.size(); ++i) {
    SCOPED_TRACE("run " + std::to_string(i) + " on node " + std::to_string(i / 2 + 1));
    EXPECT_EQ(results[i].signal, 0) << results[i].err;
    if (i / 2 == 1) {
      // Node 2's runs lost their server: a clean failure naming it, or done before.
      EXPECT_TRUE(results[i].code == 0 || results[i].code == 1) << results[i].err;
    } else {
      EXPECT_TRUE(results[i].code == 0 || results[i].code == 1 || results[i].code == 5) << results[i].err;
    }
  }
  // Whatever the kill cut short is said, and finished from a surviving node.
  Result finish = run_process({retort_binary().string(), "-c", "node1.ini", "upgrade", "head", "--retry-pending"},
                              dir.path());
  EXPECT_EQ(finish.code, 0) << finish.err;
  Result check = run_process({retort_binary().string(), "-c", "node3.ini", "check", "--no-drift"}, dir.path());
  EXPECT_EQ(check.code, 0) << check.out << check.err;
  EXPECT_EQ(db.query(0, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND "
                        "table_name LIKE 't_'"),
            "5\n");

  Result rejoin = run_process({"bash", "-c",
                               "source \"$0\"/scripts/lib/galera.sh && galera_rejoin \"$1\" 2 \"$2\"",
                               source_dir().string(), db.galera_dir(), std::to_string(db.base_port())},
                              dir.path());
  ASSERT_EQ(rejoin.code, 0) << rejoin.err;
  EXPECT_EQ(db.query(1, "SELECT version_num FROM retort_version"), "c00000000005\n");
}

// A database of its own on the PostgreSQL server, reachable straight and
// through PgBouncer (which passes any database name on to that server).
class PooledDatabase {
 public:
  PooledDatabase()
      : pooler_(parts(required("RETORT_TEST_PGBOUNCER_URL"))),
        server_(parts(required("RETORT_TEST_POSTGRESQL_URL"))),
        name_(unique("bouncer_")) {
    psql(server_.database, "CREATE DATABASE " + name_);
  }
  ~PooledDatabase() {
    try {
      psql(server_.database, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");  // the pooler's sessions too
    } catch (...) {
    }
  }
  std::string pooled_url() const { return pooler_.with_database(name_); }
  std::string direct_url() const { return server_.with_database(name_); }
  std::string query(const std::string& sql) const { return psql(name_, sql); }
  /// Advisory locks held in this database (pg_locks is the whole server's).
  std::string advisory_locks() const {
    return query("SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE "
                 "l.locktype = 'advisory' AND d.datname = current_database()");
  }
  std::string applied_counts() const {
    return query("SELECT revision, COUNT(*) FROM retort_history WHERE direction = 'upgrade' AND state = "
                 "'applied' GROUP BY revision ORDER BY revision");
  }

 private:
  std::string psql(const std::string& database, const std::string& sql) const {
    Result r = run_process({"psql", server_.with_database(database), "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql},
                           fs::temp_directory_path());
    if (r.code != 0) throw std::runtime_error("psql: " + r.err);
    return r.out;
  }
  Parts pooler_, server_;
  std::string name_;
};

const char* const each_revision_once = "c00000000001|1\nc00000000002|1\nc00000000003|1\nc00000000004|1\nc00000000005|1\n";

TEST(PgBouncer, EightDeploysAtOnceInTransactionPoolingAllSucceedAndLeaveNoLock) {
  PooledDatabase db;
  TempDir dir;
  write_revisions(dir.path(), revisions("SELECT pg_sleep(0.1)"));
  write_config(dir.path() / "retort.ini", db.pooled_url());
  std::vector<Process> runs;
  for (int i = 0; i < 8; ++i) runs.push_back(spawn_process({retort_binary().string(), "upgrade", "head"}, dir.path()));
  const std::vector<Result> results = finish_all(runs);
  for (const auto& r : results) EXPECT_EQ(r.code, 0) << all_stderr(results);
  EXPECT_THAT(all_stderr(results), HasSubstr("lock: using the lock table instead of the session lock: a connection "
                                             "pooler sits between retort and PostgreSQL"));
  EXPECT_EQ(db.applied_counts(), each_revision_once);
  EXPECT_EQ(db.advisory_locks(), "0\n");
  EXPECT_EQ(db.query("SELECT COUNT(*) FROM retort_lock"), "0\n");
  // check's drift replays into a scratch database through the pooler, whose
  // pooled session to it must not keep it from being dropped.
  Result check = run_process({retort_binary().string(), "check"}, dir.path());
  EXPECT_EQ(check.code, 0) << check.out << check.err;
  EXPECT_THAT(check.err, ::testing::Not(HasSubstr("could not drop")));
  EXPECT_EQ(leftover_scratch_databases(*make_engine("postgresql", dir.path())), "");

  // Straight to the server the session lock is trusted, and says nothing.
  write_config(dir.path() / "direct.ini", db.direct_url());
  Result straight = run_process({retort_binary().string(), "-c", "direct.ini", "downgrade", "-1"}, dir.path());
  EXPECT_EQ(straight.code, 0) << straight.err;
  EXPECT_THAT(straight.err, ::testing::Not(HasSubstr("lock: using the lock table")));
  EXPECT_EQ(db.query("SELECT COUNT(*) FROM retort_lock"), "0\n");
  EXPECT_EQ(db.advisory_locks(), "0\n");
}

// Issue 14: a deploy through the pooler takes the lock table, one straight
// to the server the session lock; each must also see the other's.
TEST(PgBouncer, DeploysThroughThePoolerAndStraightToTheServerTogetherApplyEachRevisionOnce) {
  PooledDatabase db;
  TempDir dir;
  write_revisions(dir.path(), revisions("SELECT pg_sleep(0.1)"));
  write_config(dir.path() / "pooled.ini", db.pooled_url());
  write_config(dir.path() / "direct.ini", db.direct_url());
  std::vector<Process> runs;
  for (int i = 0; i < 3; ++i)
    for (const char* config : {"pooled.ini", "direct.ini"})
      runs.push_back(spawn_process({retort_binary().string(), "-c", config, "upgrade", "head"}, dir.path()));
  const std::vector<Result> results = finish_all(runs);
  for (const auto& r : results) EXPECT_EQ(r.code, 0) << all_stderr(results);
  EXPECT_EQ(db.applied_counts(), each_revision_once) << all_stderr(results);
  EXPECT_EQ(db.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND "
                     "table_name LIKE 't_'"),
            "5\n");
  EXPECT_EQ(db.query("SELECT version_num FROM retort_version"), "c00000000005\n");
  EXPECT_EQ(db.advisory_locks(), "0\n");
  EXPECT_EQ(db.query("SELECT COUNT(*) FROM retort_lock"), "0\n");
  // retort_lock is retort's own: no drift, from either side.
  for (const char* config : {"direct.ini", "pooled.ini"}) {
    Result check = run_process({retort_binary().string(), "-c", config, "check"}, dir.path());
    EXPECT_EQ(check.code, 0) << config << ": " << check.out << check.err;
  }
}

// `lock = advisory` is the old behaviour on purpose: the session lock even
// where it cannot be trusted, and no lock table.
TEST(PgBouncer, LockAdvisoryTakesTheSessionLockEvenThroughThePooler) {
  PooledDatabase db;
  TempDir dir;
  write_revisions(dir.path(), revisions("SELECT 1"));
  write_config(dir.path() / "retort.ini", db.pooled_url(), "lock = advisory");
  Result r = run_process({retort_binary().string(), "upgrade", "head"}, dir.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("lock: using the lock table")));
  EXPECT_EQ(db.query("SELECT to_regclass('retort_lock') IS NULL"), "t\n");
  EXPECT_EQ(db.query("SELECT version_num FROM retort_version"), "c00000000005\n");
}

}  // namespace
}  // namespace it
