#include "host/cli/interrupts.hpp"

#include <csignal>

#include "host/errors/error.hpp"

namespace host::interrupts {
namespace {
volatile std::sig_atomic_t received = 0;
extern "C" void on_signal(int signal) { received = signal; }
}  // namespace

void arm() {
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
