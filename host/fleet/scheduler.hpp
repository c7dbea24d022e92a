// Running one function over a fleet's targets on a bounded pool of threads,
// with a canary phase and a failure limit.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "host/fleet/outcome.hpp"

namespace host::fleet {

struct Schedule {
  std::size_t jobs = 1;          ///< at most this many targets at once (>= 1)
  std::size_t canary = 0;        ///< the first N run alone, one by one; a failure among them starts nothing else
  std::size_t max_failures = 0;  ///< 0: no limit; else nothing new starts once this many failed
};

/// Runs `run(target)` for every target, started in list order on up to
/// `jobs` threads. An exception from `run` is a failed outcome with the
/// host::Error's code (1 for any other) and its message on one line. The
/// scheduler sets each outcome's target, masked url and duration. `on_start`
/// and `on_end` are called as each target starts and ends, never two at
/// once. `stop()`, asked before each start, stops starting targets. A
/// failure never stops the targets already running. Targets never started
/// are `not_started`, their error saying why. Outcomes come back in the
/// targets' order.
std::vector<Outcome> run_targets(const std::vector<Target>& targets, const Schedule& schedule,
                                 const std::function<Outcome(const Target&)>& run,
                                 const std::function<void(const Target&)>& on_start,
                                 const std::function<void(const Outcome&)>& on_end,
                                 const std::function<bool()>& stop);

}  // namespace host::fleet
