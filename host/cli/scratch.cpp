#include "host/cli/scratch.hpp"

#include <unistd.h>

#include <atomic>

#include "host/abi/dialect.hpp"
#include "host/abi/step_render.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/declarative.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/schema_plan.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/plan/plan.hpp"
#include "host/run/repeatables.hpp"
#include "host/run/runner.hpp"
#include "host/run/sink.hpp"
#include "host/run/store.hpp"
#include "host/schema/change_plan.hpp"

namespace host {
namespace {

std::string fresh_name() {
  static std::atomic<int> counter{0};
  return "retort_scratch_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// What retort reads in a scratch database, its own tables included.
std::vector<std::string> objects_in(const schema::Schema& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tables) out.push_back("table " + t.name);
  for (const auto& v : s.views) out.push_back("view " + v.name);
  for (const auto& e : s.enums) out.push_back("type " + e.name);
  for (const auto& i : s.indexes) out.push_back("index " + i.name);
  return out;
}

}  // namespace

ScratchDatabase::ScratchDatabase(App& app) : app_(app) {
  // SIGINT/SIGTERM become an exception at the next check, so the destructor
  // cleans up on the way out.
  interrupts::arm();
  if (auto given = app.given_scratch_url()) {
    open_given(*given);
  } else if (app.dialect().has_file_url()) {
    Url url = app.url();
    url.database = ":memory:";
    url.text = url.scheme + "://:memory:";
    description_ = "a scratch database in memory";
    scratch_ = app.connect_scratch(url, description_);
  } else {
    create_on_server();
  }
  cancel_ = std::make_unique<CancelOnInterrupt>(*scratch_);
}

void ScratchDatabase::open_given(const Url& url) {
  description_ = "scratch database " + mask_url(url.text);
  scratch_ = app_.connect_scratch(url, description_);
  const schema::Schema held = scratch_->read_schema("", {});
  const auto objects = objects_in(held);
  if (!objects.empty())
    usage_error("scratch_url " + mask_url(url.text) + " is not empty (it holds " + schema::joined(objects) +
                "): retort uses that database as is and empties it when done, so it must start empty");
  given_ = true;
}

// The server statements are the SQL standard's CREATE/DROP DATABASE, which
// every server dialect retort ships answers (docs/decisions.md).
namespace {
// Behind a connection pooler (PgBouncer) the scratch database's server
// session outlives retort's connection to it, and a plain DROP DATABASE is
// refused while it does; a dialect whose engine has FORCE says so.
std::string drop_database_sql(const Dialect& dialect, const std::string& name) {
  const std::string drop = "DROP DATABASE " + dialect.quote_identifier(name);
  return dialect.drops_database_with_force() ? drop + " WITH (FORCE)" : drop;
}
}  // namespace

void ScratchDatabase::create_on_server() {
  const Dialect& dialect = app_.dialect();
  Url url = app_.url();
  name_ = fresh_name();
  description_ = "scratch database " + name_;
  server_ = app_.connect();
  try {
    server_->execute("CREATE DATABASE " + dialect.quote_identifier(name_));
  } catch (const Error& e) {
    throw Error(e.code(), std::string("cannot create a scratch database (set scratch_url to an empty database this "
                                      "user may use, or pass --no-drift to check): ") +
                              e.what());
  }
  url.database = name_;
  try {
    scratch_ = app_.connect_scratch(url, description_);
  } catch (...) {
    server_->execute(drop_database_sql(dialect, name_));
    throw;
  }
  logger().debug("created " + description_);
}

// Drops what retort reads through its own planner, so any engine empties
// alike; what it does not read (functions, sequences of no column, ...) a
// revision made stays, and is named.
void ScratchDatabase::empty_given() {
  const Dialect& dialect = app_.dialect();
  const schema::ChangePlan plan = schema::plan_changes(scratch_->read_schema("", {}), {}, {dialect.rebuilds_tables()});
  for (const auto& step : plan.steps)
    for (const auto& statement : render_step(dialect, step)) scratch_->execute(statement);
  const schema::Schema left = scratch_->read_schema("", {});
  std::vector<std::string> objects = objects_in(left);
  for (const auto& u : left.unmanaged) objects.push_back(u.kind + " " + u.name);
  if (!objects.empty()) logger().warn(description_ + " still holds " + schema::joined(objects) + "; drop them by hand");
  logger().debug("emptied " + description_);
}

ScratchDatabase::~ScratchDatabase() {
  cancel_.reset();
  if (given_) {
    try {
      empty_given();
    } catch (const std::exception& e) {
      logger().warn("could not empty " + description_ + ": " + e.what() + "; empty it by hand");
    }
    return;
  }
  scratch_.reset();  // a server drops no database with a session in it
  if (!server_) return;
  try {
    server_->execute(drop_database_sql(app_.dialect(), name_));
    logger().debug("dropped " + description_);
  } catch (const std::exception& e) {
    logger().warn("could not drop " + description_ + ": " + e.what() + "; drop it by hand");
  }
}

void ScratchDatabase::upgrade(const std::vector<std::string>& targets) { run(true, targets); }

void ScratchDatabase::downgrade(const std::string& target) { run(false, {target}); }

void ScratchDatabase::run_repeatables(const std::vector<const Revision*>& repeatables) {
  if (repeatables.empty()) return;
  Plan plan;
  append_repeatables(plan, repeatables);
  run(true, {}, &plan);
}

void ScratchDatabase::run(bool up, const std::vector<std::string>& targets, const Plan* given) {
  // The scratch's own retort tables stay in its default schema: another
  // (version_table_schema) need not exist there, and on MariaDB it would be
  // a database of the server, maybe the live one.
  const Settings& settings = app_.settings();
  const Bookkeeping books(app_.dialect(), settings.version_table, settings.history_table, "");
  VersionStore store(*scratch_, books);
  store.ensure_tables();
  ConnectionSink sink(*scratch_);
  Collector collector = app_.collector(false);
  RunOptions options;
  options.transaction_per_migration = app_.settings().transaction_per_migration;
  options.host_name = "scratch";
  options.progress = false;
  options.step_level = Level::debug;
  options.checkpoint = [] { interrupts::check(); };
  auto run_plan = [&](const Plan& plan) {
    try {
      Runner(app_.dialect(), collector, books, sink, options).run(plan);
    } catch (const Error& e) {
      throw Error(e.code(), std::string(up ? "replaying" : "reverting") + " the revisions " + (up ? "into " : "in ") +
                                description_ + " failed: " + e.what());
    }
  };
  if (given) run_plan(*given);
  for (const std::string& target : targets)
    run_plan(up ? plan_upgrade_run(app_.graph(), store.versions(), target, collector, store.history())
                : plan_downgrade(app_.graph(), store.versions(), target));
}

void ScratchDatabase::apply_files(const std::vector<std::filesystem::path>& files) {
  apply_declarative(*scratch_, app_.dialect(), files, description_);
}

void ScratchDatabase::build(const schema::Schema& target, const std::string& what) {
  const schema::ChangePlan plan = schema::plan_changes({}, target, {app_.dialect().rebuilds_tables()});
  if (!plan.refused.empty())
    throw Error(ExitCode::database, what + " cannot be made in " + description_ + ": " + plan.refused.front());
  apply_steps(*scratch_, rendered(app_.dialect(), plan), description_ + " (making " + what + ")");
}

schema::Schema ScratchDatabase::read() {
  return read_schema_of(*scratch_, app_.settings());
}

}  // namespace host
