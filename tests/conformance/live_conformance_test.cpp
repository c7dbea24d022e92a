// The conformance table applied, in order, to a scratch database on every
// engine: every statement a dialect renders is one its engine runs. SQLite
// runs in memory; PostgreSQL and MariaDB on the servers scripts/test.sh
// starts, whose URL a test without it fails on rather than skips.
#include "operation_table.hpp"

#include "host/config/url.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <regex>

using namespace conformance;

namespace {

// A scratch database made on the test server for one run, dropped after.
class scratch_database {
 public:
  scratch_database(const dialect_under_test& d, const char* url_variable) : dialect_(d) {
    const char* url = std::getenv(url_variable);
    if (!url || !*url) throw std::runtime_error(std::string(url_variable) + " is not set: start the servers (scripts/test.sh)");
    server_ = host::connect_options(host::parse_url(url));
    name_ = "retort_conformance_" + std::to_string(getpid());
    run_on_server("DROP DATABASE IF EXISTS " + name_);
    run_on_server("CREATE DATABASE " + name_);
  }
  ~scratch_database() {
    try {
      run_on_server("DROP DATABASE IF EXISTS " + name_);
    } catch (...) {
    }
  }
  option_list options() const {
    option_list out;
    for (const auto& [k, v] : server_)
      if (k != "url.database") out.emplace_back(k, v);
    out.emplace_back("url.database", name_);
    return out;
  }

 private:
  void run_on_server(const std::string& sql) {
    auto s = dialect_.connect(server_);
    const std::string error = s->execute(sql);
    if (!error.empty()) throw std::runtime_error(dialect_.name() + ": " + sql + ": " + error);
  }
  const dialect_under_test& dialect_;
  option_list server_;
  std::string name_;
};

const dialect_under_test* find(const std::string& name) {
  for (const auto& d : built_dialects())
    if (d.name() == name) return &d;
  return nullptr;
}

// utc_now_sql (ABI 1.2) gives what retort_history.started_at holds.
void expect_iso8601_clock(const dialect_under_test& d, live_session& s) {
  ASSERT_NE(d.functions().utc_now_sql, nullptr) << d.name();
  const std::string now = s.scalar(std::string("SELECT ") + d.functions().utc_now_sql);
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"))) << d.name() << ": " << now;
}

void apply_table(const dialect_under_test& d, live_session& s) {
  for (const operation_row& row : operation_table()) {
    if (!row.live) continue;
    const rendered r = d.render(row.write);
    if (!r.ok) continue;  // a refusal renders nothing to run
    for (const std::string& statement : r.statements)
      EXPECT_EQ(s.execute(statement), "") << row.name << "\n" << statement;
  }
}

}  // namespace

TEST(LiveConformance, SqliteRunsEveryRenderedRow) {
  const dialect_under_test* d = find("sqlite");
  ASSERT_NE(d, nullptr) << "the sqlite dialect is not built";
  auto s = d->connect({{"url.database", ":memory:"}});
  apply_table(*d, *s);
  expect_iso8601_clock(*d, *s);
}

// The table on a scratch database of the server `url_variable` names.
void apply_on_server(const std::string& dialect, const char* url_variable) {
  const dialect_under_test* d = find(dialect);
  ASSERT_NE(d, nullptr) << "the " << dialect << " dialect is not built";
  scratch_database db(*d, url_variable);
  auto s = d->connect(db.options());
  apply_table(*d, *s);
  expect_iso8601_clock(*d, *s);
  s.reset();  // disconnected before the database is dropped
}

TEST(LiveConformance, PostgresqlRunsEveryRenderedRow) { apply_on_server("postgresql", "RETORT_TEST_POSTGRESQL_URL"); }

TEST(LiveConformance, MariadbRunsEveryRenderedRow) { apply_on_server("mariadb", "RETORT_TEST_MARIADB_URL"); }
