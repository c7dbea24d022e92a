// While a run holds the lock, SIGINT or SIGTERM should not wait for a long
// statement to end: a thread waits for the handler's wake-up byte
// (interrupts::wakeup_fd) and asks the connection to cancel the statement
// it is running. The handler cannot do it itself: a plugin's cancel is not
// async-signal-safe. A signal cancels every watched connection's statement
// (a scratch database's beside the session's). The cancelled statement fails, and whoever ran it
// reports the interruption instead of that failure: the runner, seeing the
// signal at its checkpoint, rolls back; the session's reads of retort's
// tables before the first revision (online.hpp) say nothing ran.
#pragma once

#include <thread>

namespace host {

class Connection;

class CancelOnInterrupt {
 public:
  /// Watches for signals after interrupts::arm(); `connection` must outlive it.
  explicit CancelOnInterrupt(Connection& connection);
  /// Stops watching and joins the thread.
  ~CancelOnInterrupt();
  CancelOnInterrupt(const CancelOnInterrupt&) = delete;
  CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

 private:
  void watch();
  Connection& connection_;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace host
