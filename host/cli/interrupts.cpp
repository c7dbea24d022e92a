#include "host/cli/interrupts.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "host/errors/error.hpp"

namespace host::interrupts {
namespace {
volatile std::sig_atomic_t received = 0;
int wake_pipe[2] = {-1, -1};  // written by the handler; both ends non-blocking
extern "C" void on_signal(int signal) {
  received = signal;
  if (wake_pipe[1] >= 0) {
    const int saved = errno;  // write() may change it under the interrupted code
    const char byte = 1;
    [[maybe_unused]] auto ignored = ::write(wake_pipe[1], &byte, 1);
    errno = saved;
  }
}
}  // namespace

int wakeup_fd() { return wake_pipe[0]; }

void arm() {
  if (wake_pipe[0] < 0 && ::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) wake_pipe[0] = wake_pipe[1] = -1;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void check() {
  int s = received;
  if (s == SIGINT) throw Error(ExitCode::interrupted_int, "interrupted by SIGINT");
  if (s == SIGTERM) throw Error(ExitCode::interrupted_term, "terminated by SIGTERM");
}

}  // namespace host::interrupts
