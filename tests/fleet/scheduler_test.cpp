// The scheduler: bounded concurrency, order, failures, canary, limits, stop.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <chrono>
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

std::vector<Outcome> run_all(const std::vector<Target>& list, const Schedule& schedule,
                             const std::function<Outcome(const Target&)>& run, std::vector<std::string>* ended = nullptr,
                             const std::function<bool()>& stop = nullptr) {
  std::atomic<int> inside{0};
  auto on_end = [&](const Outcome& o) {
    EXPECT_EQ(++inside, 1) << "on_end called concurrently";
    if (ended) ended->push_back(o.target);
    --inside;
  };
  return host::fleet::run_targets(list, schedule, run, [](const Target&) {}, on_end, stop);
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
  std::vector<std::string> order;
  std::mutex m;
  Concurrency c;
  run_all(targets(8), {4, 3, 0}, [&](const Target& t) {
    {
      std::lock_guard<std::mutex> hold(m);
      order.push_back(t.name);
    }
    return c.run();
  });
  ASSERT_EQ(order.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(order.begin(), order.begin() + 3), (std::vector<std::string>{"t0", "t1", "t2"}));

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
