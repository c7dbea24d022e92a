// upgrade, downgrade, stamp: online through a LockedSession, offline (--sql)
// through an OfflineScript. Both build the same plan and drive the same Runner.
#include <set>

#include "host/cli/commands.hpp"
#include "host/cli/interrupts.hpp"
#include "host/cli/offline_script.hpp"
#include "host/cli/online.hpp"
#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"
#include "host/run/repeatables.hpp"
#include "host/run/runner.hpp"
#include "host/run/sink.hpp"

namespace host {
namespace {

// `FROM:TO` under --sql; offline never connects, so FROM defaults to base.
struct OfflineRange {
  std::optional<std::string> from;
  std::string to;
};
OfflineRange split_range(const std::string& target) {
  auto colon = target.find(':');
  if (colon == std::string::npos) return {std::nullopt, target};
  OfflineRange range{target.substr(0, colon), target.substr(colon + 1)};
  // Both sides spelled right before either is resolved: a typo in TO is a
  // usage error even when FROM names no revision.
  parse_target(*range.from);
  parse_target(range.to);
  return range;
}

RunOptions run_options(App& app) {
  RunOptions o;
  // A fleet's targets run side by side: one progress line is the fleet's.
  o.progress = !app.invocation().fleet_target;
  o.transaction_per_migration = app.settings().transaction_per_migration;
  o.host_name = this_host();
  o.checkpoint = [] { interrupts::check(); };
  return o;
}

void log_plan(const Plan& plan, const char* verb) {
  if (plan.steps.empty()) {
    logger().info(std::string("nothing to ") + verb + ": the database is already there");
    return;
  }
  // The first and last few ids: enough to see where the run starts and ends,
  // one short line even for 100,000 revisions (each step logs its own line).
  constexpr std::size_t named_at_each_end = 5;
  const std::size_t count = plan.steps.size();
  const std::size_t left_out = count > 2 * named_at_each_end ? count - 2 * named_at_each_end : 0;
  std::string ids;
  auto name = [&](const std::string& text) { ids += (ids.empty() ? "" : ", ") + text; };
  for (std::size_t i = 0; i < count; ++i) {
    if (left_out == 0 || i < named_at_each_end || i >= count - named_at_each_end) name(plan.steps[i].revision->id);
    else if (i == named_at_each_end) name("... (" + std::to_string(left_out) + " more)");
  }
  logger().info(std::string("plan: ") + verb + " " + std::to_string(count) + " revision(s): " + ids);
}

int migrate_offline(App& app, Direction direction) {
  const Graph& graph = app.graph();
  OfflineRange range = split_range(app.invocation().arguments.at(0));
  if (direction == Direction::downgrade && !range.from)
    usage_error("downgrade --sql needs FROM:TO (offline mode cannot read the database's current revision)");
  Plan plan = range.from ? plan_range(graph, direction, *range.from, range.to) : plan_upgrade(graph, {}, range.to);
  // A script cannot know what ran where it will be applied, so one that
  // ends at the heads ends with every repeatable (docs/decisions.md).
  if (direction == Direction::upgrade && upgrades_to_every_head(range.to))
    append_repeatables(plan, all_repeatables(graph));
  log_plan(plan, direction_name(direction));
  OfflineScript script(app, OfflineScript::Header::version_and_dialect);
  Collector collector = app.collector(true);
  RunOptions options = run_options(app);
  options.checkpoint = nullptr;
  options.progress = false;
  options.executes = false;
  Runner(app.dialect(), collector, script.books(), script.sink(), options).run(plan);
  script.close();
  return 0;
}

TargetResult migrate_online(App& app, Direction direction, bool look_first) {
  const Graph& graph = app.graph();
  const std::string& target = app.invocation().arguments.at(0);
  Collector collector = app.collector(false);
  // An upgrade's repeatables are due by what the history recorded.
  auto plan_for = [&](const std::vector<std::string>& current, const std::vector<HistoryRow>& history) {
    return direction == Direction::upgrade ? plan_upgrade_run(graph, current, target, collector, history)
                                           : plan_downgrade(graph, current, target);
  };
  std::unique_ptr<Connection> looked;
  if (look_first) {
    ReadOnlySession look(app);
    std::vector<std::string> current = look.store().versions();
    const std::vector<HistoryRow> history = look.store().history();
    if (unresolved_pending(history).empty() && plan_for(current, history).steps.empty())
      return {current, current, 0, "already at " + target};
    looked = look.take_connection();  // one connection, not two, for a target with work to do
  }
  LockedSession session(app, std::move(looked));
  std::vector<std::string> current = session.store().versions();
  const std::vector<HistoryRow> history = session.store().history();
  std::vector<HistoryRow> pending = unresolved_pending(history);
  RunOptions options = run_options(app);
  options.checkpoint = [&session] {
    interrupts::check();
    session.check_lock();
  };
  if (app.invocation().retry_pending) {
    for (const auto& p : pending) options.resume_from[p.revision] = p.statements_done;
    for (const auto& p : pending)
      logger().warn("resuming revision " + p.revision + " after its first " + std::to_string(p.statements_done) +
                    " statement(s)");
  } else {
    refuse_pending(pending);
  }
  Plan plan = plan_for(current, history);
  log_plan(plan, direction_name(direction));
  ConnectionSink sink(session.connection());
  try {
    Runner(app.dialect(), collector, session.books(), sink, options).run(plan);
  } catch (const Error& e) {
    if (e.code() != ExitCode::interrupted_int && e.code() != ExitCode::interrupted_term) throw;
    throw Error(e.code(), e.what() + session.where_it_stands());
  }
  TargetResult result{current, session.store().versions(), plan.steps.size(), {}};
  session.release();
  return result;
}

}  // namespace

int cmd_upgrade(App& app) {
  if (app.invocation().sql) return migrate_offline(app, Direction::upgrade);
  migrate_online(app, Direction::upgrade, false);
  return 0;
}

int cmd_downgrade(App& app) {
  if (app.invocation().sql) return migrate_offline(app, Direction::downgrade);
  migrate_online(app, Direction::downgrade, false);
  return 0;
}

TargetResult migrate_target(App& app) {
  return migrate_online(app, app.invocation().command == "downgrade" ? Direction::downgrade : Direction::upgrade,
                        true);
}

// Stamping writes version rows and one `stamp` history row per revision that
// becomes current, carrying its upgrade checksum so `check` can compare.
TargetResult stamp_target(App& app) {
  const Graph& graph = app.graph();
  TargetResult result;
  const std::string& target = app.invocation().arguments.at(0);
  Collector collector = app.collector(app.invocation().sql);
  // `pending`: rows left by an interrupted non-transactional run. Stamping is
  // how a user says "I fixed it by hand", so their end is written too, even
  // when the version does not move (the parent of an undone revision).
  auto stamp = [&](Sink& sink, const Bookkeeping& books, const std::vector<std::string>& current,
                   const std::vector<HistoryRow>& pending) {
    std::vector<std::string> next = stamp_versions(graph, app.invocation().purge ? std::vector<std::string>{} : current, target);
    std::vector<std::string> removed, added;
    std::set<std::string> before(current.begin(), current.end()), after(next.begin(), next.end());
    for (const auto& c : current)
      if (!after.count(c)) removed.push_back(c);
    for (const auto& n : next)
      if (!before.count(n)) added.push_back(n);
    RunOptions options = run_options(app);
    sink.begin();
    try {
      if (app.invocation().purge) {
        sink.execute(books.delete_all_versions());
        removed.clear();
        added = next;
      }
      for (const auto& s : books.move_versions(removed, added)) sink.execute(s);
      for (const auto& id : added) {
        HistoryRow row;
        row.revision = id;
        row.direction = "stamp";
        row.checksum = collector.collect(graph.at(id), Direction::upgrade, false).checksum;
        row.state = "applied";
        row.started_at = utc_now_iso8601();
        row.started_when_applied = app.invocation().sql;
        if (!app.invocation().sql) row.duration_ms = 0;
        row.host = options.host_name;
        row.tool_version = RETORT_VERSION;
        sink.execute(books.insert_history(row));
      }
      for (const auto& p : pending)
        sink.execute(books.finish_pending(p.revision, "failed", p.duration_ms, p.statements_done,
                                          "abandoned: resolved by 'retort stamp " + target + "'"));
      sink.commit();
    } catch (...) {
      sink.rollback();
      // A signal cancelled one of these writes: say so, not "database error".
      interrupts::check();
      throw;
    }
    result.from = current;
    result.to = next;
    result.revisions = added.size();
    logger().info("stamped " + (next.empty() ? std::string("base") : [&] {
      std::string s;
      for (const auto& n : next) s += (s.empty() ? "" : ", ") + n;
      return s;
    }()));
  };
  if (app.invocation().sql) {
    OfflineScript script(app, OfflineScript::Header::none);
    stamp(script.sink(), script.books(), {}, {});
    script.close();
    return result;
  }
  LockedSession session(app);
  std::vector<std::string> current = session.store().versions();
  ConnectionSink sink(session.connection());
  stamp(sink, session.books(), current, unresolved_pending(session.store().history()));
  session.release();
  return result;
}

int cmd_stamp(App& app) {
  stamp_target(app);
  return 0;
}

}  // namespace host
