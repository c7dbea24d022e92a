#include "host/run/lease_renewer.hpp"

#include <pthread.h>

#include <chrono>
#include <csignal>

#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/logger.hpp"
#include "host/plugins/plugins.hpp"

namespace host {

long long epoch_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

LeaseRenewer::LeaseRenewer(std::unique_ptr<Connection> connection, const LockTableSql& sql, std::string token,
                           double lease_seconds, long long expires_at_ms)
    : connection_(std::move(connection)),
      sql_(sql),
      token_(std::move(token)),
      lease_ms_(static_cast<long long>(lease_seconds * 1000.0)),
      expires_at_ms_(expires_at_ms),
      thread_([this] { loop(); }) {}

LeaseRenewer::~LeaseRenewer() { stop(); }

void LeaseRenewer::stop() {
  {
    std::lock_guard guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<std::string> LeaseRenewer::lost() const {
  std::lock_guard guard(mutex_);
  return lost_;
}

void LeaseRenewer::loop() {
  // Signals are the main thread's business (its handler and checkpoint).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const auto interval = std::chrono::milliseconds(lease_ms_ / 3 > 0 ? lease_ms_ / 3 : 1);
  std::unique_lock guard(mutex_);
  while (!wake_.wait_for(guard, interval, [this] { return stopping_; })) {
    guard.unlock();
    std::optional<std::string> why = renew_once();
    guard.lock();
    if (why) {
      lost_ = std::move(why);
      return;
    }
  }
}

std::optional<std::string> LeaseRenewer::renew_once() {
  const long long expires = epoch_ms_now() + lease_ms_;
  try {
    connection_->begin();
    connection_->execute(sql_.renew(token_, expires));
    connection_->commit();
    std::optional<LockOwner> owner = LockTableSql::parse_owner(connection_->query(sql_.select_owner()));
    if (!owner) return "its row in table " + sql_.table() + " was deleted by someone else";
    if (owner->token != token_)
      return "its lease in table " + sql_.table() + " ran out and " + owner->describe() + " took it over";
    expires_at_ms_ = expires;
    return std::nullopt;
  } catch (const std::exception& e) {  // nothing may escape the thread
    try {
      connection_->rollback();
    } catch (const std::exception&) {
      // the failure above is the news
    }
    if (epoch_ms_now() >= expires_at_ms_)
      return "its lease in table " + sql_.table() + " could not be renewed before it ran out (" + e.what() + ")";
    logger().warn(std::string("renewing the migration lock's lease failed; retrying: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace host
