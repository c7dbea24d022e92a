// The scheduler: bounded concurrency, order, failures, canary, limits, stop.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "host/errors/error.hpp"
#include "host/fleet/scheduler.hpp"

namespace {

using host::fleet::Outcome;
using host::fleet::Schedule;
using host::fleet::State;
using host::fleet::Target;

std::vector<Target> targets(std::size_t n) {
  std::vector<Target> all;
  for (std::size_t i = 0; i < n; ++i)
    all.push_back({"t" + std::to_string(i), "postgresql://u:secret@127.0.0.1/t" + std::to_string(i), {}, ""});
  return all;
}

std::size_t index_of(const Target& t) { return std::stoul(t.name.substr(1)); }

Outcome ok() {
  Outcome o;
  o.state = State::ok;
  return o;
}

// Counts how many run at once; each run lasts a little so they overlap.
struct Concurrency {
  std::atomic<int> now{0}, most{0};
  Outcome run() {
    const int n = ++now;
    int seen = most.load();
    while (n > seen && !most.compare_exchange_weak(seen, n)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --now;
    return ok();
  }
};

// Runs the scheduler and checks what every run must keep: on_start once per
// started target in list order, on_end once per started target, never two
// on_end at once, nothing for a target that never started.
std::vector<Outcome> run_all(const std::vector<Target>& list, const Schedule& schedule,
                             const std::function<Outcome(const Target&)>& run, std::vector<std::string>* ended = nullptr,
                             const std::function<bool()>& stop = nullptr) {
  std::mutex m;
  std::vector<std::string> starts, ends;
  std::atomic<int> inside{0};
  auto on_start = [&](const Target& t) {
    std::lock_guard<std::mutex> hold(m);
    starts.push_back(t.name);
  };
  auto on_end = [&](const Outcome& o) {
    EXPECT_EQ(++inside, 1) << "on_end called concurrently";
    {
      std::lock_guard<std::mutex> hold(m);
      ends.push_back(o.target);
    }
    --inside;
  };
  const auto outcomes = host::fleet::run_targets(list, schedule, run, on_start, on_end, stop);
  std::vector<std::string> started;
  for (const auto& o : outcomes)
    if (o.state != State::not_started) started.push_back(o.target);
  EXPECT_EQ(starts, started);
  std::vector<std::string> ends_sorted = ends, started_sorted = started;
  std::sort(ends_sorted.begin(), ends_sorted.end());
  std::sort(started_sorted.begin(), started_sorted.end());
  EXPECT_EQ(ends_sorted, started_sorted);
  if (ended) *ended = ends;
  return outcomes;
}

TEST(FleetScheduler, NeverMoreThanJobsAtOnceAndEveryTargetOnceInOrder) {
  Concurrency c;
  std::vector<std::string> ended;
  const auto outcomes = run_all(targets(40), {4, 0, 0}, [&](const Target&) { return c.run(); }, &ended);
  EXPECT_LE(c.most.load(), 4);
  EXPECT_GE(c.most.load(), 1);
  ASSERT_EQ(outcomes.size(), 40u);
  EXPECT_EQ(ended.size(), 40u);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    EXPECT_EQ(outcomes[i].target, "t" + std::to_string(i));
    EXPECT_EQ(outcomes[i].state, State::ok);
    EXPECT_EQ(outcomes[i].url, "postgresql://u:***@127.0.0.1/t" + std::to_string(i));
    EXPECT_GE(outcomes[i].duration_ms, 0);
  }
  Concurrency one;
  run_all(targets(10), {1, 0, 0}, [&](const Target&) { return one.run(); });
  EXPECT_EQ(one.most.load(), 1);
}

TEST(FleetScheduler, RunsJobsTargetsAtOnce) {
  // Each of the first three waits until all three are inside: only a pool of
  // three running together lets them through. The deadline only keeps a
  // broken scheduler from hanging the test.
  std::atomic<int> inside{0};
  std::atomic<bool> all_met{true};
  const auto outcomes = run_all(targets(6), {3, 0, 0}, [&](const Target& t) {
    if (index_of(t) < 3) {
      ++inside;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (inside.load() < 3 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
      if (inside.load() < 3) all_met = false;
    }
    return ok();
  });
  EXPECT_TRUE(all_met.load());
  for (const auto& o : outcomes) EXPECT_EQ(o.state, State::ok);
}

TEST(FleetScheduler, AnExceptionIsThatTargetsFailureWithItsCode) {
  const auto outcomes = run_all(targets(3), {2, 0, 0}, [](const Target& t) -> Outcome {
    if (t.name == "t0") throw host::Error(host::ExitCode::lock, "lock not acquired\nsecond line");
    if (t.name == "t1") throw std::runtime_error("plain");
    return ok();
  });
  EXPECT_EQ(outcomes[0].state, State::failed);
  EXPECT_EQ(outcomes[0].exit_code, static_cast<int>(host::ExitCode::lock));
  EXPECT_EQ(outcomes[0].error, "lock not acquired second line");
  EXPECT_EQ(outcomes[1].exit_code, 1);
  EXPECT_EQ(outcomes[1].error, "plain");
  EXPECT_EQ(outcomes[2].state, State::ok);
}

TEST(FleetScheduler, CanariesRunAloneFirstAndAFailingOneStartsNothingElse) {
  std::atomic<int> running{0}, canaries_ended{0};
  std::atomic<bool> canary_had_company{false}, started_before_canaries_ended{false};
  Concurrency c;
  const auto all = run_all(targets(8), {4, 3, 0}, [&](const Target& t) {
    const bool canary = index_of(t) < 3;
    if (++running != 1 && canary) canary_had_company = true;
    if (!canary && canaries_ended.load() != 3) started_before_canaries_ended = true;
    Outcome o = c.run();
    --running;
    if (canary) ++canaries_ended;
    return o;
  });
  EXPECT_FALSE(canary_had_company.load());
  EXPECT_FALSE(started_before_canaries_ended.load());
  for (const auto& o : all) EXPECT_EQ(o.state, State::ok);

  std::atomic<int> ran{0};
  const auto outcomes = run_all(targets(6), {4, 2, 0}, [&](const Target& t) -> Outcome {
    ++ran;
    if (t.name == "t1") throw std::runtime_error("canary broke");
    return ok();
  });
  EXPECT_EQ(ran.load(), 2);
  EXPECT_EQ(outcomes[0].state, State::ok);
  EXPECT_EQ(outcomes[1].state, State::failed);
  for (std::size_t i = 2; i < 6; ++i) {
    EXPECT_EQ(outcomes[i].state, State::not_started);
    EXPECT_EQ(outcomes[i].error, "canary t1 failed");
  }
}

TEST(FleetScheduler, MaxFailuresStopsStartingTargetsButRunningOnesFinish) {
  std::atomic<int> ran{0};
  const auto outcomes = run_all(targets(10), {1, 0, 2}, [&](const Target& t) -> Outcome {
    ++ran;
    if (t.name == "t1" || t.name == "t3") throw std::runtime_error("broke");
    return ok();
  });
  EXPECT_EQ(ran.load(), 4);
  EXPECT_EQ(outcomes[3].state, State::failed);
  EXPECT_EQ(outcomes[4].state, State::not_started);
  EXPECT_EQ(outcomes[4].error, "max failures (2) reached");

  // With several running, the ones already started end as they end.
  std::atomic<int> finished{0};
  const auto parallel = run_all(targets(6), {3, 0, 1}, [&](const Target& t) -> Outcome {
    if (t.name == "t0") throw std::runtime_error("first");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ++finished;
    return ok();
  });
  std::size_t started = 0;
  for (const auto& o : parallel) started += o.state != State::not_started;
  EXPECT_EQ(static_cast<std::size_t>(finished.load()) + 1, started);
}

TEST(FleetScheduler, StopKeepsTheRestFromStarting) {
  std::atomic<int> ran{0};
  const auto outcomes =
      run_all(targets(5), {1, 0, 0}, [&](const Target&) { ++ran; return ok(); }, nullptr,
              [&] { return ran.load() >= 2; });
  EXPECT_EQ(ran.load(), 2);
  EXPECT_EQ(outcomes[2].state, State::not_started);
  EXPECT_EQ(outcomes[2].error, "stopped");
}

TEST(FleetScheduler, NoTargetsNothingRuns) {
  EXPECT_TRUE(run_all({}, {4, 1, 1}, [](const Target&) { return ok(); }).empty());
}

}  // namespace
