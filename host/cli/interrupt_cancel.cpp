#include "host/cli/interrupt_cancel.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <csignal>
#include <mutex>
#include <vector>

#include "host/cli/interrupts.hpp"
#include "host/plugins/plugins.hpp"

namespace host {
namespace {

// Every watched connection: whichever watcher reads the wake-up byte cancels
// them all (a scratch database's replay runs beside the session's
// connection, and only one thread gets the byte). An idle one ignores it.
std::mutex watched_mutex;
std::vector<Connection*> watched;

void cancel_all_watched() {
  std::lock_guard<std::mutex> hold(watched_mutex);
  for (Connection* c : watched) c->cancel();
}

}  // namespace

CancelOnInterrupt::CancelOnInterrupt(Connection& connection) : connection_(connection) {
  {
    std::lock_guard<std::mutex> hold(watched_mutex);
    watched.push_back(&connection_);
  }
  // Without a wake-up pipe the runner still stops, after the statement.
  if (interrupts::wakeup_fd() < 0 || ::pipe2(stop_pipe_, O_CLOEXEC) != 0) return;
  thread_ = std::thread([this] { watch(); });
}

CancelOnInterrupt::~CancelOnInterrupt() {
  {
    std::lock_guard<std::mutex> hold(watched_mutex);
    watched.erase(std::remove(watched.begin(), watched.end(), &connection_), watched.end());
  }
  if (thread_.joinable()) {
    const char byte = 0;
    [[maybe_unused]] auto ignored = ::write(stop_pipe_[1], &byte, 1);
    thread_.join();
  }
  for (int fd : stop_pipe_)
    if (fd >= 0) ::close(fd);
}

void CancelOnInterrupt::watch() {
  // The handler runs on the main thread, whose blocking calls it may cut short.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  pollfd fds[2] = {{interrupts::wakeup_fd(), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
  for (;;) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents) return;
    if (fds[0].revents & POLLIN) {
      char drain[64];
      while (::read(fds[0].fd, drain, sizeof drain) > 0) {
      }
      cancel_all_watched();
    }
  }
}

}  // namespace host
