// SIGINT and SIGTERM during a run: the handler only sets a flag; the runner
// checks it between statements and stops through the normal error path, so
// the current revision is rolled back (or left `pending`) and the lock is
// released. Before the lock is held nothing needs undoing, so the default
// disposition stays until arm().
#pragma once

namespace host::interrupts {

/// Installs the handlers.
void arm();
/// Throws Error(interrupted_*) if a signal arrived.
void check();
/// A descriptor that becomes readable when a signal arrives after arm()
/// (the handler writes a byte to a pipe), so a thread can wait for one and
/// cancel the running statement; -1 before arm() or if no pipe could be made.
int wakeup_fd();

}  // namespace host::interrupts
