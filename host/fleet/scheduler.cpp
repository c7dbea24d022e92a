#include "host/fleet/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "host/config/url.hpp"
#include "host/errors/error.hpp"

namespace host::fleet {
namespace {

std::string one_line(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}

// The shared state of one run: which target starts next, and why none may.
class Run {
 public:
  Run(const std::vector<Target>& targets, const Schedule& schedule, const std::function<Outcome(const Target&)>& run,
      const std::function<void(const Target&)>& on_start, const std::function<void(const Outcome&)>& on_end,
      const std::function<bool()>& stop)
      : targets_(targets),
        schedule_(schedule),
        run_(run),
        on_start_(on_start),
        on_end_(on_end),
        stop_(stop),
        outcomes_(targets.size()) {
    for (std::size_t i = 0; i < targets.size(); ++i) {
      outcomes_[i].target = targets[i].name;
      outcomes_[i].url = mask_url(targets[i].url);
    }
  }

  std::vector<Outcome> go() {
    const std::size_t canaries = std::min(schedule_.canary, targets_.size());
    work(canaries);  // alone, on this thread
    const std::size_t threads = std::min(std::max<std::size_t>(schedule_.jobs, 1), targets_.size() - next_);
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < threads; ++i) pool.emplace_back([this] { work(targets_.size()); });
    for (auto& t : pool) t.join();
    return std::move(outcomes_);
  }

 private:
  // Runs targets until `until` is reached or none may start.
  void work(std::size_t until) {
    for (;;) {
      std::size_t index;
      {
        std::lock_guard<std::mutex> hold(mutex_);
        if (next_ >= until || !may_start()) return;
        index = next_++;
        on_start_(targets_[index]);
      }
      Outcome outcome = run_one(targets_[index]);
      {
        std::lock_guard<std::mutex> hold(mutex_);
        if (outcome.state == State::failed) {
          ++failures_;
          if (index < schedule_.canary && why_not_.empty()) why_not_ = "canary " + targets_[index].name + " failed";
        }
        outcomes_[index] = std::move(outcome);
      }
      // Its own lock: a slow on_end (the journal syncs to the disk) must
      // not keep the other threads from starting their next target.
      std::lock_guard<std::mutex> hold(end_mutex_);
      on_end_(outcomes_[index]);
    }
  }

  // Under the lock. Sets why_not_ the first time the answer is no.
  bool may_start() {
    if (why_not_.empty() && schedule_.max_failures > 0 && failures_ >= schedule_.max_failures)
      why_not_ = "max failures (" + std::to_string(schedule_.max_failures) + ") reached";
    if (why_not_.empty() && stop_ && stop_()) why_not_ = "stopped";
    if (why_not_.empty()) return true;
    for (std::size_t i = next_; i < targets_.size(); ++i) outcomes_[i].error = why_not_;
    return false;
  }

  Outcome run_one(const Target& target) {
    const auto started = std::chrono::steady_clock::now();
    Outcome outcome;
    try {
      outcome = run_(target);
    } catch (const Error& e) {
      outcome.state = State::failed;
      outcome.exit_code = static_cast<int>(e.code());
      outcome.error = one_line(e.what());
    } catch (const std::exception& e) {
      outcome.state = State::failed;
      outcome.exit_code = 1;
      outcome.error = one_line(e.what());
    } catch (...) {
      outcome.state = State::failed;
      outcome.exit_code = 1;
      outcome.error = "an exception that is not a std::exception";
    }
    outcome.target = target.name;
    outcome.url = mask_url(target.url);
    outcome.duration_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return outcome;
  }

  const std::vector<Target>& targets_;
  const Schedule& schedule_;
  const std::function<Outcome(const Target&)>& run_;
  const std::function<void(const Target&)>& on_start_;
  const std::function<void(const Outcome&)>& on_end_;
  const std::function<bool()>& stop_;
  std::mutex mutex_;      // next_, failures_, why_not_, outcomes_
  std::mutex end_mutex_;  // on_end_
  std::size_t next_ = 0;
  std::size_t failures_ = 0;
  std::string why_not_;
  std::vector<Outcome> outcomes_;
};

}  // namespace

std::vector<Outcome> run_targets(const std::vector<Target>& targets, const Schedule& schedule,
                                 const std::function<Outcome(const Target&)>& run,
                                 const std::function<void(const Target&)>& on_start,
                                 const std::function<void(const Outcome&)>& on_end,
                                 const std::function<bool()>& stop) {
  if (targets.empty()) return {};
  return Run(targets, schedule, run, on_start, on_end, stop).go();
}

}  // namespace host::fleet
