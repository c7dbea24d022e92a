#include "host/run/lock_table.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "host/abi/database_error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/plugins/plugins.hpp"

namespace host {
namespace {

std::string random_token() {
  std::random_device rd;
  char out[33];
  for (int i = 0; i < 4; ++i) std::snprintf(out + 8 * i, 9, "%08x", static_cast<unsigned>(rd()));
  return out;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

std::string utc_of_epoch_ms(long long ms) {
  return format_utc_iso8601(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

// Polling, not waiting on the server: a lock row cannot be waited for
// portably. The jitter keeps a crowd of waiters from moving in step.
std::chrono::milliseconds poll_interval() {
  static thread_local std::minstd_rand jitter(std::random_device{}());
  return std::chrono::milliseconds(150 + jitter() % 100);
}

}  // namespace

TableLock::TableLock(const LockSettings& settings, Connection& connection, LockTableSql sql,
                     ConnectionFactory connect, bool beside_session_lock)
    : settings_(settings),
      connection_(connection),
      sql_(std::move(sql)),
      connect_(std::move(connect)),
      beside_session_lock_(beside_session_lock),
      token_((beside_session_lock ? std::string(session_holder_token_prefix) : std::string()) + random_token()) {}

TableLock::~TableLock() = default;

LockOwner TableLock::fresh_owner() const {
  return LockOwner{settings_.host_name, static_cast<long long>(::getpid()), token_, utc_now_iso8601(),
                   epoch_ms_now() + static_cast<long long>(settings_.lease_seconds * 1000.0)};
}

bool TableLock::try_in_transaction(const std::string& sql, std::optional<Error>& failure) {
  conflicted_ = false;
  try {
    connection_.begin();
    connection_.execute(sql);
    connection_.commit();
    return true;
  } catch (const Error& e) {
    failure = e;
    // SQLSTATE class 40: a deadlock or serialization failure, which on a
    // Galera cluster is how two nodes inserting the lock row at once end
    // (certification at commit): the loser tries again, as for a held lock.
    const auto* database = dynamic_cast<const DatabaseError*>(&e);
    conflicted_ = database && database->sqlstate().rfind("40", 0) == 0;
    try {
      connection_.rollback();
    } catch (const Error&) {
      // the statement's failure is what the caller acts on
    }
    return false;
  }
}

void TableLock::ensure_table() {
  if (connection_.table_exists(sql_.schema(), sql_.table())) return;
  std::optional<Error> failure;
  bool created = true;
  for (const auto& statement : sql_.create_table())
    if (!try_in_transaction(statement, failure)) created = false;
  // Two runs creating it at once: PostgreSQL may refuse the loser even with
  // IF NOT EXISTS. The table being there is all that matters.
  if (!created && !connection_.table_exists(sql_.schema(), sql_.table())) throw *failure;
}

std::optional<LockOwner> TableLock::read_owner() {
  return LockTableSql::parse_owner(connection_.query(sql_.select_owner()));
}

void TableLock::hold(const LockOwner& me, std::unique_ptr<Connection> renewal) {
  renewer_ = std::make_unique<LeaseRenewer>(std::move(renewal), sql_, token_, settings_.lease_seconds,
                                            me.expires_at_ms);
  logger().debug("took the migration lock", {{"table", sql_.table()}, {"lease_s", seconds_text(settings_.lease_seconds)}});
}

void TableLock::acquire() {
  // Opened first: a run that cannot keep its lease alive must not take it.
  acquire_renewing_on(connect_());
}

void TableLock::acquire_renewing_on(std::unique_ptr<Connection> renewal) {
  ensure_table();
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(settings_.timeout_seconds * 1000.0));
  bool announced = false;
  int vanished = 0;  // inserts that failed with no row in the way
  for (;;) {
    std::optional<Error> failure;
    LockOwner me = fresh_owner();
    if (try_in_transaction(sql_.insert(me), failure)) return hold(me, std::move(renewal));
    const bool conflicted = conflicted_;
    std::optional<LockOwner> holder = read_owner();
    if (!holder) {
      // Released between the INSERT and the SELECT, or the INSERT fails for
      // another reason, which repeating would not cure. A conflict's winner
      // may not be visible on this node yet: wait for it like for a holder.
      if (conflicted && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(poll_interval());
        continue;
      }
      if (++vanished >= 3) throw *failure;
      continue;
    }
    vanished = 0;
    // A marked owner held the session lock this run holds now: the server
    // let it go only when that owner's session ended.
    const bool owner_gone = beside_session_lock_ && holder->held_session_lock();
    const long long now = epoch_ms_now();
    if (owner_gone || holder->expires_at_ms < now) {
      if (std::optional<LockOwner> mine = take_over(*holder, owner_gone, now)) return hold(*mine, std::move(renewal));
      // Another run took it over first, or it was released meanwhile.
      if (std::chrono::steady_clock::now() >= deadline) throw not_acquired(*holder);
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline) throw not_acquired(*holder);
    if (!announced) {
      logger().info("waiting for the migration lock held by " + holder->describe());
      announced = true;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    std::this_thread::sleep_for(std::min(poll_interval(), std::max(left, std::chrono::milliseconds(1))));
  }
}

std::optional<LockOwner> TableLock::take_over(const LockOwner& holder, bool owner_gone, long long now_ms) {
  std::optional<Error> failure;
  const LockOwner me = fresh_owner();
  const std::string sql = owner_gone ? sql_.take_over(holder, me) : sql_.take_over_expired(holder, me, now_ms);
  if (!try_in_transaction(sql, failure)) return std::nullopt;
  std::optional<LockOwner> after = read_owner();
  if (!after || after->token != token_) return std::nullopt;
  const std::string why = owner_gone ? ", which held the session lock this run holds now, so its session has ended"
                                     : ", whose lease ran out at " + utc_of_epoch_ms(holder.expires_at_ms);
  logger().warn("took over the migration lock in table " + sql_.table() + " from " + holder.describe() + why +
                ": that run is presumed dead; check what it left (retort check)");
  return after;
}

Error TableLock::not_acquired(const LockOwner& holder) const {
  return Error(ExitCode::lock, "migration lock not acquired within " + seconds_text(settings_.timeout_seconds) +
                                   " s: table " + sql_.table() + " says it is held by " + holder.describe() +
                                   ", its lease renewed until " + utc_of_epoch_ms(holder.expires_at_ms));
}

void TableLock::check_held() {
  if (!renewer_) return;
  if (auto why = renewer_->lost()) throw Error(ExitCode::lock, "the migration lock was lost: " + *why);
}

void TableLock::release() {
  if (!renewer_) return;
  std::unique_ptr<LeaseRenewer> renewer = std::move(renewer_);
  renewer->stop();
  std::optional<Error> failure;
  if (try_in_transaction(sql_.remove(token_), failure)) return;
  // The run's own session may be what failed (a lost connection): the
  // renewer's can still let go, so the next run need not wait out the lease.
  try {
    Connection& other = renewer->connection();
    other.begin();
    other.execute(sql_.remove(token_));
    other.commit();
  } catch (const Error&) {
    throw Error(failure->code(), std::string("could not delete the lock row in table ") + sql_.table() + " (" +
                                     failure->what() + "); the next run takes the lock over when its lease ends");
  }
}

}  // namespace host
