// --targets: upgrade, downgrade, stamp, current or check over many databases
// in one process (docs/fleets.md). Each target gets its own App, sharing the
// fleet's settings, plugins, graph and collected scripts, and its own
// connection, lock and bookkeeping; host/fleet schedules them on a bounded
// pool of threads and journals each outcome as it ends.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "host/cli/commands.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/output.hpp"
#include "host/config/url.hpp"
#include "host/errors/error.hpp"
#include "host/fleet/journal.hpp"
#include "host/fleet/scheduler.hpp"
#include "host/fleet/targets.hpp"
#include "host/log/logger.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

std::string config_name(const Settings& settings) {
  return settings.config_file.empty() ? std::string("retort.ini") : settings.config_file;
}

std::vector<fleet::Target> configured_targets(const Settings& settings) {
  std::vector<fleet::Target> targets;
  for (const auto& t : settings.targets) targets.push_back({t.name, t.url, t.labels, t.origin});
  return targets;
}

fs::path journal_path(const App& app) {
  if (app.invocation().journal) return *app.invocation().journal;
  const std::string& config = app.settings().config_file;
  return (config.empty() ? fs::current_path() : fs::path(config).parent_path()) / "retort-fleet.jsonl";
}

// What the journal's header records, and --resume must find again.
std::string command_line(const Invocation& inv) {
  std::string line = inv.command;
  for (const auto& argument : inv.arguments) line += " " + argument;
  if (inv.purge) line += " --purge";
  if (inv.no_drift) line += " --no-drift";
  if (inv.retry_pending) line += " --retry-pending";
  return line + " --targets " + *inv.targets;
}

std::string versions_text(const std::vector<std::string>& versions) {
  if (versions.empty()) return "base";
  std::string text;
  for (const auto& v : versions) text += (text.empty() ? "" : ",") + v;
  return text;
}

// Every target's dialect, loaded here on the main thread (a plugin is not
// loaded safely from two threads), and every URL read before anything runs:
// a typo in one line of the list stops the fleet before it starts.
std::map<std::string, const Dialect*> dialects_of(App& app, const std::vector<fleet::Target>& targets,
                                                  std::vector<std::string>& secrets) {
  std::map<std::string, const Dialect*> dialects;
  for (const auto& t : targets) {
    try {
      const std::string scheme = url_scheme(t.url);
      auto it = dialects.find(scheme);
      if (it == dialects.end()) it = dialects.emplace(scheme, &app.registry().dialect_for_scheme(scheme)).first;
      const Url url = parse_url(t.url, it->second->has_file_url() ? UrlForm::file : UrlForm::server);
      if (!url.password.empty()) secrets.push_back(url.password);
    } catch (const Error& e) {
      throw Error(e.code(), "target " + t.name + " (" + t.origin + "): " + mask_url(e.what()));
    }
  }
  return dialects;
}

TargetResult run_command(App& target) {
  const std::string& command = target.invocation().command;
  if (command == "upgrade" || command == "downgrade") return migrate_target(target);
  if (command == "stamp") return stamp_target(target);
  if (command == "current") return current_target(target);
  return check_target(target);
}

bool signalled() {
  try {
    interrupts::check();
    return false;
  } catch (const Error&) {
    return true;
  }
}

// The progress line a terminal shows while the fleet runs. Targets start
// and end on different threads under different locks: it has its own.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total) {}
  void started() {
    std::lock_guard<std::mutex> hold(mutex_);
    ++running_;
    show();
  }
  void ended(const fleet::Outcome& o) {
    std::lock_guard<std::mutex> hold(mutex_);
    --running_;
    ++done_;
    if (o.state == fleet::State::failed) ++failed_;
    show();
  }

 private:
  void show() const {
    if (!logger().status_line_enabled()) return;
    logger().show_status("targets: " + std::to_string(done_) + "/" + std::to_string(total_) + " done, " +
                         std::to_string(failed_) + " failed, " + std::to_string(running_) + " running");
  }
  std::mutex mutex_;
  std::size_t total_, done_ = 0, failed_ = 0, running_ = 0;
};

Json outcome_json(const fleet::Outcome& o) {
  return Json{{"target", o.target},
              {"url", o.url},
              {"state", fleet::state_name(o.state)},
              {"exit_code", o.exit_code},
              {"from", o.from},
              {"to", o.to},
              {"revisions", o.revisions},
              {"duration_ms", static_cast<long long>(o.duration_ms)},
              {"error", o.error.empty() ? Json(nullptr) : Json(o.error)},
              {"note", o.note.empty() ? Json(nullptr) : Json(o.note)}};
}

std::string outcome_line(const fleet::Outcome& o, const std::string& command) {
  const std::string ms = std::to_string(static_cast<long long>(o.duration_ms)) + " ms";
  switch (o.state) {
    case fleet::State::ok: {
      std::string line = "ok      " + o.target + "  ";
      if (command == "current" || command == "check") line += "at " + versions_text(o.to);
      else line += versions_text(o.from) + " -> " + versions_text(o.to) + ", " + std::to_string(o.revisions) + " revision(s)";
      return line + ", " + ms + (o.note.empty() ? "" : " (" + o.note + ")") + "  " + o.url;
    }
    case fleet::State::failed:
      return "failed  " + o.target + "  exit " + std::to_string(o.exit_code) + ", " + ms + "  " + o.url + ": " + o.error;
    case fleet::State::not_started:
      break;
  }
  return "skipped " + o.target + "  not started: " + o.error;
}

}  // namespace

int cmd_fleet(App& app) {
  const Invocation& inv = app.invocation();
  std::vector<fleet::Target> targets =
      fleet::select_targets(*inv.targets, configured_targets(app.settings()), config_name(app.settings()));
  std::vector<std::string> secrets;
  const auto dialects = dialects_of(app, targets, secrets);
  // A target's scratch_url check asks the registry for its dialect: loaded
  // here, so the threads only ever find it.
  if (!app.settings().scratch_url.empty()) app.registry().dialect_for_scheme(url_scheme(app.settings().scratch_url));
  logger().add_secrets(secrets);
  app.prepare_targets();
  interrupts::arm();

  const fs::path journal_file = journal_path(app);
  std::set<std::string> done_before;
  fleet::Journal journal = inv.resume ? fleet::Journal::resume(journal_file, command_line(inv), done_before)
                                      : fleet::Journal::start(journal_file, command_line(inv));
  const std::size_t listed = targets.size();
  targets.erase(std::remove_if(targets.begin(), targets.end(),
                               [&](const fleet::Target& t) { return done_before.count(t.name) > 0; }),
                targets.end());
  if (!done_before.empty())
    logger().info("resuming: " + std::to_string(listed - targets.size()) + " of " + std::to_string(listed) +
                  " target(s) are done by the journal " + journal_file.string() + "; " +
                  std::to_string(targets.size()) + " to run");

  fleet::Schedule schedule;
  schedule.jobs = inv.jobs.value_or(std::max(1u, std::thread::hardware_concurrency()));
  schedule.canary = inv.canary;
  schedule.max_failures = inv.max_failures;
  Progress progress(targets.size());
  const std::string& command = inv.command;
  auto run = [&](const fleet::Target& t) {
    ThreadLogField field("target", t.name);
    App target(app, t.url, *dialects.at(url_scheme(t.url)));
    const TargetResult r = run_command(target);
    fleet::Outcome o;
    o.state = r.exit_code == 0 ? fleet::State::ok : fleet::State::failed;
    o.exit_code = r.exit_code;
    o.from = r.from;
    o.to = r.to;
    o.revisions = r.revisions;
    o.error = r.error;
    o.note = r.note;
    return o;
  };
  auto on_end = [&](const fleet::Outcome& o) {
    progress.ended(o);
    if (o.state == fleet::State::failed) logger().error(o.error, {{"target", o.target}});
    if (!journal.record(o)) logger().warn("could not record target " + o.target + " in " + journal_file.string());
  };
  const std::vector<fleet::Outcome> outcomes =
      fleet::run_targets(targets, schedule, run, [&](const fleet::Target&) { progress.started(); }, on_end, signalled);
  logger().clear_status();

  std::size_t ok = 0, failed = 0, not_started = 0;
  int exit_code = 0;
  for (const auto& o : outcomes) {
    if (o.state == fleet::State::ok) ++ok;
    else if (o.state == fleet::State::failed) ++failed, exit_code = exit_code ? exit_code : o.exit_code;
    else ++not_started;
  }
  if (inv.json) {
    Json rows = Json::array();
    for (const auto& o : outcomes) rows.push_back(outcome_json(o));
    print_json(Json{{"command", command_line(inv)},
                    {"journal", journal_file.string()},
                    {"ok", ok},
                    {"failed", failed},
                    {"not_started", not_started},
                    {"done_before", listed - targets.size()},
                    {"targets", rows}});
  } else {
    for (const auto& o : outcomes) std::cout << outcome_line(o, command) << "\n";
    std::cout << "targets: " << ok << " ok, " << failed << " failed, " << not_started << " not started"
              << (listed == targets.size() ? "" : ", " + std::to_string(listed - targets.size()) + " done before")
              << " ("
              << command_line(inv) << "; journal " << journal_file.string() << ")\n";
  }
  interrupts::check();
  if (exit_code == 0 && not_started > 0) exit_code = static_cast<int>(ExitCode::database);
  return exit_code;
}

}  // namespace host
