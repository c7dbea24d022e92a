#include "host/cli/scratch.hpp"

#include <unistd.h>

#include <atomic>

#include "host/abi/dialect.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/interrupts.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/plan/plan.hpp"
#include "host/run/runner.hpp"
#include "host/run/sink.hpp"
#include "host/run/store.hpp"

namespace host {
namespace {

std::string fresh_name() {
  static std::atomic<int> counter{0};
  return "retort_scratch_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

// The server statements are the SQL standard's CREATE/DROP DATABASE, which
// every server dialect retort ships answers (docs/decisions.md).
ScratchDatabase::ScratchDatabase(App& app) : app_(app) {
  // SIGINT/SIGTERM become an exception at the next check, so the destructor
  // drops the scratch database on the way out.
  interrupts::arm();
  const Dialect& dialect = app.dialect();
  Url url = app.scratch_server_url();
  if (dialect.has_file_url()) {
    url.database = ":memory:";
    url.text = url.scheme + "://:memory:";
    description_ = "a scratch database in memory";
    scratch_ = app.connect_to(url, description_);
    return;
  }
  name_ = fresh_name();
  description_ = "scratch database " + name_;
  server_ = app.connect_to(url, "the scratch server " + mask_url(url.text));
  try {
    server_->execute("CREATE DATABASE " + dialect.quote_identifier(name_));
  } catch (const Error& e) {
    throw Error(e.code(), std::string("cannot create a scratch database (set scratch_url to a server where this user "
                                      "may CREATE DATABASE, or pass --no-drift to check): ") +
                              e.what());
  }
  url.database = name_;
  try {
    scratch_ = app.connect_to(url, description_);
  } catch (...) {
    server_->execute("DROP DATABASE " + dialect.quote_identifier(name_));
    throw;
  }
  logger().debug("created " + description_);
}

ScratchDatabase::~ScratchDatabase() {
  scratch_.reset();  // a server drops no database with a session in it
  if (!server_) return;
  try {
    server_->execute("DROP DATABASE " + app_.dialect().quote_identifier(name_));
    logger().debug("dropped " + description_);
  } catch (const std::exception& e) {
    logger().warn("could not drop " + description_ + ": " + e.what() + "; drop it by hand");
  }
}

void ScratchDatabase::upgrade(const std::vector<std::string>& targets) {
  const Bookkeeping books = app_.bookkeeping();
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
  for (const std::string& target : targets) {
    Plan plan = plan_upgrade(app_.graph(), store.versions(), target);
    try {
      Runner(app_.dialect(), collector, books, sink, options).run(plan);
    } catch (const Error& e) {
      throw Error(e.code(), "replaying the revisions into " + description_ + " failed: " + e.what());
    }
  }
}

schema::Schema ScratchDatabase::read() {
  return scratch_->read_schema(app_.settings().version_table_schema, own_tables(app_.settings()));
}

}  // namespace host
