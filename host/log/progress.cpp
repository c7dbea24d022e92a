#include "host/log/progress.hpp"

#include <cstdio>
#include <system_error>

namespace host {
namespace {

// Often enough to see time pass, seldom enough to cost nothing.
constexpr std::chrono::milliseconds tick_interval{200};

}  // namespace

std::string format_elapsed(std::chrono::milliseconds elapsed) {
  const long long ms = elapsed.count() < 0 ? 0 : elapsed.count();
  char text[32];
  if (ms < 60'000) {
    std::snprintf(text, sizeof text, "%lld.%llds", ms / 1000, ms % 1000 / 100);
  } else if (ms < 3'600'000) {
    std::snprintf(text, sizeof text, "%lldm%02llds", ms / 60'000, ms % 60'000 / 1000);
  } else {
    std::snprintf(text, sizeof text, "%lldh%02lldm", ms / 3'600'000, ms % 3'600'000 / 60'000);
  }
  return text;
}

Progress::Progress(Logger& logger, std::size_t total)
    : logger_(logger),
      total_(total),
      active_(total >= 2 && logger.status_line_enabled()),
      started_(std::chrono::steady_clock::now()) {
  if (!active_) return;
  try {
    ticker_ = std::thread([this] { tick(); });
  } catch (const std::system_error&) {
    // No thread to spare: the line is still redrawn at each step.
  }
}

Progress::~Progress() {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  logger_.clear_status();
}

void Progress::step(std::size_t n, std::string what) {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    line_ = "[" + std::to_string(n) + "/" + std::to_string(total_) + "] " + std::move(what);
  }
  draw();
}

void Progress::draw() {
  std::string line;
  {
    std::lock_guard lock(mutex_);
    if (line_.empty()) return;
    line = line_;
  }
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
  logger_.show_status(line + " ... " + format_elapsed(elapsed));
}

void Progress::tick() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, tick_interval, [this] { return stopping_; })) {
    lock.unlock();
    draw();
    lock.lock();
  }
}

}  // namespace host
