// Fleets (issue 14) through the binary: one command over many databases
// named by a targets file or the config's [target.NAME] sections, with a
// broken target, --resume from the journal, --canary, --max-failures, the
// JSON report, and a fleet of PostgreSQL databases on the test server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

const std::vector<SqlRevision> two_revisions = {
    {"aaaa00000001", "", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100));", "DROP TABLE notes;"},
    {"aaaa00000002", "aaaa00000001", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(40));",
     "DROP TABLE tags;"},
};

std::string target_name(std::size_t i) {
  std::string n = std::to_string(i);
  return "t" + std::string(3 - n.size(), '0') + n;
}

// SQLite targets t000.. in the project folder; `broken` ones already hold a
// table the second revision makes, so their upgrade fails there.
class SqliteFleet : public ::testing::Test {
 protected:
  Project project{"sqlite"};

  void SetUp() override { project.use_sql_revisions(two_revisions); }

  fs::path db_of(std::size_t i) const { return project.dir() / (target_name(i) + ".db"); }

  void write_targets(const std::string& file, std::size_t count) const {
    std::string text = "# a fleet of SQLite files\n\n";
    for (std::size_t i = 0; i < count; ++i) text += target_name(i) + " sqlite:///" + db_of(i).string() + "\n";
    write_file(project.dir() / file, text);
  }

  void break_target(std::size_t i) const {
    const Result made = run_process({"sqlite3", db_of(i).string(), "CREATE TABLE tags (x INTEGER);"}, project.dir().path());
    ASSERT_EQ(made.code, 0) << made.err;
  }

  std::string versions_of(std::size_t i) const {
    return run_process({"sqlite3", db_of(i).string(), "SELECT version_num FROM retort_version ORDER BY 1;"},
                       project.dir().path())
        .out;
  }

  Json json_of(const Result& r) const {
    try {
      return Json::parse(r.out);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out << "\n" << r.err;
      return Json::object();
    }
  }

  static const Json& row(const Json& report, const std::string& name) {
    for (const auto& r : report["targets"])
      if (r["target"] == name) return r;
    static const Json none = Json::object();
    ADD_FAILURE() << "no row for " << name << " in " << report.dump();
    return none;
  }
};

TEST_F(SqliteFleet, UpgradeRunsEveryTargetAFailureStaysItsOwnAndResumeRunsOnlyWhatIsLeft) {
  write_targets("targets.txt", 12);
  break_target(5);
  const Result first = project.retort({"upgrade", "head", "--targets", "targets.txt", "--jobs", "3", "--format", "json"});
  EXPECT_EXIT_CODE(first, 1);
  const Json report = json_of(first);
  EXPECT_EQ(report["ok"], 11);
  EXPECT_EQ(report["failed"], 1);
  EXPECT_EQ(report["targets"].size(), 12u);
  const Json& broken = row(report, "t005");
  EXPECT_EQ(broken["state"], "failed");
  EXPECT_EQ(broken["exit_code"], 1);
  EXPECT_THAT(broken["error"].get<std::string>(), HasSubstr("aaaa00000002"));
  EXPECT_THAT(first.err, HasSubstr("target=t005"));
  for (std::size_t i = 0; i < 12; ++i) {
    if (i == 5) continue;
    EXPECT_EQ(versions_of(i), "aaaa00000002\n") << target_name(i);
    EXPECT_EQ(row(report, target_name(i))["revisions"], 2);
  }
  // The broken one: its first revision committed, the second rolled back,
  // no lock left.
  EXPECT_EQ(versions_of(5), "aaaa00000001\n");
  EXPECT_TRUE(fs::exists(project.dir() / "retort-fleet.jsonl"));

  // Fixed by hand, then resumed: only t005 runs.
  const Result fixed = run_process({"sqlite3", db_of(5).string(), "DROP TABLE tags;"}, project.dir().path());
  ASSERT_EQ(fixed.code, 0);
  const Result resumed =
      project.retort({"upgrade", "head", "--targets", "targets.txt", "--resume", "--format", "json"});
  EXPECT_EXIT_CODE(resumed, 0);
  const Json again = json_of(resumed);
  EXPECT_EQ(again["done_before"], 11);
  ASSERT_EQ(again["targets"].size(), 1u);
  EXPECT_EQ(again["targets"][0]["target"], "t005");
  EXPECT_EQ(again["targets"][0]["from"], Json::array({"aaaa00000001"}));
  EXPECT_EQ(again["targets"][0]["to"], Json::array({"aaaa00000002"}));
  EXPECT_EQ(versions_of(5), "aaaa00000002\n");

  // A resume of another command is refused, naming both.
  const Result other = project.retort({"downgrade", "base", "--targets", "targets.txt", "--resume"});
  EXPECT_EXIT_CODE(other, 2);
  EXPECT_THAT(other.err, HasSubstr("upgrade head"));

  // Everything at the head: seen without a lock, nothing run.
  const Result noop = project.retort({"upgrade", "head", "--targets", "targets.txt", "--format", "json"});
  EXPECT_EXIT_CODE(noop, 0);
  const Json nothing = json_of(noop);
  EXPECT_EQ(nothing["ok"], 12);
  for (const auto& r : nothing["targets"]) {
    EXPECT_EQ(r["revisions"], 0);
    EXPECT_THAT(r["note"].get<std::string>(), HasSubstr("already at head"));
  }

  // current and check over the fleet, in text.
  const Result current = project.retort({"current", "--targets", "targets.txt"});
  EXPECT_EXIT_CODE(current, 0);
  EXPECT_THAT(current.out, HasSubstr("ok      t011  at aaaa00000002"));
  EXPECT_THAT(current.out, HasSubstr("targets: 12 ok, 0 failed, 0 not started"));
  const Result drifted = run_process({"sqlite3", db_of(7).string(), "CREATE TABLE extra (x INTEGER);"}, project.dir().path());
  ASSERT_EQ(drifted.code, 0);
  const Result check = project.retort({"check", "--targets", "targets.txt", "--jobs", "4"});
  EXPECT_EXIT_CODE(check, 6);
  EXPECT_THAT(check.out, HasSubstr("failed  t007  exit 6"));
  EXPECT_THAT(check.out, HasSubstr("drift: extra"));
  EXPECT_THAT(check.out, HasSubstr("targets: 11 ok, 1 failed, 0 not started"));

  // And back down, every one.
  const Result down = project.retort({"downgrade", "base", "--targets", "targets.txt", "--jobs", "2"});
  EXPECT_EXIT_CODE(down, 0);
  for (std::size_t i = 0; i < 12; ++i) EXPECT_EQ(versions_of(i), "") << target_name(i);
}

TEST_F(SqliteFleet, StampOverAFleetWritesEveryVersionTableAndTheJournalGoesWhereItIsTold) {
  write_targets("targets.txt", 4);
  const fs::path journal = project.dir() / "logs" / "deploy.jsonl";
  fs::create_directories(journal.parent_path());
  const Result stamped =
      project.retort({"stamp", "aaaa00000001", "--targets", "targets.txt", "--journal", journal.string()});
  EXPECT_EXIT_CODE(stamped, 0);
  EXPECT_THAT(stamped.out, HasSubstr("targets: 4 ok, 0 failed, 0 not started"));
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(versions_of(i), "aaaa00000001\n") << target_name(i);
    // Stamped, not run: the revision's table was never made.
    const Result tables = run_process({"sqlite3", db_of(i).string(), "SELECT name FROM sqlite_master WHERE name = 'notes';"},
                                      project.dir().path());
    EXPECT_EQ(tables.out, "") << target_name(i);
  }
  EXPECT_FALSE(fs::exists(project.dir() / "retort-fleet.jsonl"));
  const std::string lines = read_file(journal);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 5);  // the run's line and one per target
  EXPECT_THAT(lines, HasSubstr("t003"));

  // The journal named again is the one --resume reads: nothing is left to do.
  const Result resumed = project.retort({"stamp", "aaaa00000001", "--targets", "targets.txt", "--journal",
                                         journal.string(), "--resume", "--format", "json"});
  EXPECT_EXIT_CODE(resumed, 0);
  EXPECT_EQ(json_of(resumed)["done_before"], 4);
}

TEST_F(SqliteFleet, AThousandFilesInOneCommand) {
  write_targets("targets.txt", 1000);
  const Result r = project.retort({"upgrade", "head", "--targets", "targets.txt", "--log-level", "warn"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("targets: 1000 ok, 0 failed, 0 not started"));
  for (std::size_t i : {0u, 499u, 999u}) EXPECT_EQ(versions_of(i), "aaaa00000002\n") << target_name(i);
  const std::string journal = read_file(project.dir() / "retort-fleet.jsonl");
  EXPECT_EQ(std::count(journal.begin(), journal.end(), '\n'), 1001);
}

TEST_F(SqliteFleet, AFailingCanaryStopsTheFleetBeforeAnyOtherTargetIsTouched) {
  write_targets("targets.txt", 6);
  break_target(0);
  const Result r = project.retort({"upgrade", "head", "--targets", "targets.txt", "--canary", "1", "--format", "json"});
  EXPECT_EXIT_CODE(r, 1);
  const Json report = json_of(r);
  EXPECT_EQ(report["failed"], 1);
  EXPECT_EQ(report["not_started"], 5);
  EXPECT_THAT(row(report, "t003")["error"].get<std::string>(), HasSubstr("canary t000 failed"));
  for (std::size_t i = 1; i < 6; ++i) EXPECT_FALSE(fs::exists(db_of(i))) << target_name(i);
}

TEST_F(SqliteFleet, MaxFailuresStopsStartingTargets) {
  write_targets("targets.txt", 8);
  break_target(1);
  break_target(2);
  const Result r = project.retort(
      {"upgrade", "head", "--targets", "targets.txt", "--jobs", "1", "--max-failures", "1", "--format", "json"});
  EXPECT_EXIT_CODE(r, 1);
  const Json report = json_of(r);
  EXPECT_EQ(report["ok"], 1);
  EXPECT_EQ(report["failed"], 1);
  EXPECT_EQ(report["not_started"], 6);
  EXPECT_THAT(row(report, "t007")["error"].get<std::string>(), HasSubstr("max failures"));
  EXPECT_FALSE(fs::exists(db_of(7)));
}

TEST_F(SqliteFleet, ConfiguredTargetsAreChosenByLabel) {
  project.use_sql_revisions(two_revisions, "[target.eu1]\nurl = sqlite:///" + db_of(0).string() +
                                                "\nlabels = eu, paid\n[target.us1]\nurl = sqlite:///" +
                                                db_of(1).string() + "\nlabels = us\n[retort]\n");
  const Result eu = project.retort({"upgrade", "head", "--targets", "label:eu"});
  EXPECT_EXIT_CODE(eu, 0);
  EXPECT_THAT(eu.out, HasSubstr("ok      eu1  base -> aaaa00000002, 2 revision(s)"));
  EXPECT_THAT(eu.out, ::testing::Not(HasSubstr("us1")));
  EXPECT_FALSE(fs::exists(db_of(1)));
  const Result none = project.retort({"current", "--targets", "label:asia"});
  EXPECT_EXIT_CODE(none, 2);
  EXPECT_THAT(none.err, HasSubstr("asia"));
  EXPECT_THAT(none.err, HasSubstr("paid"));
}

TEST_F(SqliteFleet, BadTargetListsAndOptionsAreRefusedBeforeAnythingRuns) {
  write_file(project.dir() / "bad.txt", "a sqlite:///a.db\nb\n");
  const Result bad = project.retort({"upgrade", "head", "--targets", "bad.txt"});
  EXPECT_EXIT_CODE(bad, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.txt:2"));
  write_file(project.dir() / "scheme.txt", "a sqlite:///a.db\nb nosuchdb://u:hunter2@127.0.0.1/x\n");
  const Result scheme = project.retort({"upgrade", "head", "--targets", "scheme.txt"});
  EXPECT_NE(scheme.code, 0);
  EXPECT_THAT(scheme.err, HasSubstr("target b"));
  EXPECT_THAT(scheme.err, ::testing::Not(HasSubstr("hunter2")));
  EXPECT_FALSE(fs::exists(project.dir() / "a.db"));
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head", "--jobs", "2"}), 2);
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head", "--targets", "bad.txt", "--sql"}), 2);
  EXPECT_EXIT_CODE(project.retort({"upgrade", "head", "--targets", "bad.txt", "--jobs", "0"}), 2);
}

// A revision that takes a while on SQLite (a recursive count), so that a
// fleet can be killed or interrupted in the middle.
const std::vector<SqlRevision> slow_revisions = {
    {"aaaa00000001", "",
     "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n"
     "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000) SELECT count(*) FROM c;",
     "DROP TABLE notes;"},
};

TEST_F(SqliteFleet, AKilledFleetIsFinishedByResumeAndEveryDatabaseIsConsistent) {
  fs::remove_all(project.dir() / "migrations");
  project.use_sql_revisions(slow_revisions);
  write_targets("targets.txt", 10);
  Process fleet = spawn_process({retort_binary().string(), "upgrade", "head", "--targets", "targets.txt", "--jobs", "1"},
                                project.dir().path());
  ASSERT_TRUE(fleet.wait_for_stderr("target=t002", 60000)) << "the fleet never reached its third target";
  fleet.send(SIGKILL);
  const Result killed = fleet.finish();
  EXPECT_EQ(killed.signal, SIGKILL);
  // Whatever each database holds is whole: at the head, or untouched.
  std::size_t at_head = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (!fs::exists(db_of(i))) continue;
    const std::string v = versions_of(i);
    EXPECT_TRUE(v.empty() || v == "aaaa00000001\n") << target_name(i) << ": " << v;
    at_head += v == "aaaa00000001\n";
  }
  EXPECT_GE(at_head, 2u);
  const Result resumed = project.retort({"upgrade", "head", "--targets", "targets.txt", "--resume", "--format", "json"});
  EXPECT_EXIT_CODE(resumed, 0);
  const Json report = json_of(resumed);
  EXPECT_GE(report["done_before"].get<int>(), 2);
  EXPECT_EQ(report["done_before"].get<std::size_t>() + report["targets"].size(), 10u);
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(versions_of(i), "aaaa00000001\n") << target_name(i);
}

TEST_F(SqliteFleet, SigintStopsStartingTargetsReportsAndExits130) {
  fs::remove_all(project.dir() / "migrations");
  project.use_sql_revisions(slow_revisions);
  write_targets("targets.txt", 10);
  Process fleet = spawn_process(
      {retort_binary().string(), "upgrade", "head", "--targets", "targets.txt", "--jobs", "1", "--format", "json"},
      project.dir().path());
  ASSERT_TRUE(fleet.wait_for_stderr("target=t001", 60000)) << "the fleet never reached its second target";
  fleet.send(SIGINT);
  const Result stopped = fleet.finish();
  EXPECT_EQ(stopped.code, 130) << stopped.err;
  const Json report = json_of(stopped);
  EXPECT_GE(report["not_started"].get<int>(), 1);
  EXPECT_EQ(row(report, "t009")["error"], "stopped");
  for (std::size_t i = 0; i < 10; ++i) {
    if (!fs::exists(db_of(i))) continue;
    const std::string v = versions_of(i);
    EXPECT_TRUE(v.empty() || v == "aaaa00000001\n") << target_name(i) << ": " << v;
  }
  const Result resumed = project.retort({"upgrade", "head", "--targets", "targets.txt", "--resume"});
  EXPECT_EXIT_CODE(resumed, 0);
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(versions_of(i), "aaaa00000001\n") << target_name(i);
}

// 50 databases on the PostgreSQL test server, with a password in every URL
// that no output may show.
TEST(PostgresqlFleet, EveryDatabaseReachesTheHeadAndNoPasswordIsShown) {
  Project project{"postgresql"};
  project.use_sql_revisions(two_revisions);
  std::vector<std::unique_ptr<Engine>> databases;
  std::string text;
  for (int i = 0; i < 50; ++i) {
    databases.push_back(project.db().sibling());
    text += "pg" + std::to_string(i) + " " + databases.back()->url() + "\n";
  }
  write_file(project.dir() / "targets.txt", text);
  const Result r = project.retort({"upgrade", "head", "--targets", "targets.txt", "--jobs", "3"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("targets: 50 ok, 0 failed, 0 not started"));
  EXPECT_THAT(r.out + r.err, ::testing::Not(HasSubstr("rt-test-pw")));
  for (const auto& db : databases) {
    EXPECT_EQ(db->query("SELECT version_num FROM retort_version"), "aaaa00000002\n");
    // pg_locks is the whole server's: only this database's locks count (the
    // suite runs other PostgreSQL tests beside this one).
    EXPECT_EQ(db->query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                        "(SELECT oid FROM pg_database WHERE datname = current_database())"),
              "0\n");
  }
  const std::string journal = read_file(project.dir() / "retort-fleet.jsonl");
  EXPECT_THAT(journal, ::testing::Not(HasSubstr("rt-test-pw")));
  EXPECT_EQ(std::count(journal.begin(), journal.end(), '\n'), 51);  // the header and 50 outcomes
}

}  // namespace
}  // namespace it
