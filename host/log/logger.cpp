#include "host/log/logger.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>

#include <unistd.h>

#include "host/config/printable.hpp"
#include "host/config/url.hpp"
#include "host/errors/error.hpp"
#include "host/log/clock.hpp"
#include "host/log/log_line.hpp"

namespace host {

Level parse_level(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "error") return Level::error;
  if (lower == "warn") return Level::warn;
  if (lower == "info") return Level::info;
  if (lower == "debug") return Level::debug;
  usage_error("invalid log level '" + std::string(name) + "': expected error, warn, info or debug");
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::error:
      return "error";
    case Level::warn:
      return "warn";
    case Level::info:
      return "info";
    case Level::debug:
      return "debug";
  }
  return "info";
}

namespace {
thread_local LogFields thread_fields;
}  // namespace

ThreadLogField::ThreadLogField(std::string key, std::string value) {
  thread_fields.emplace_back(std::move(key), std::move(value));
}

ThreadLogField::~ThreadLogField() { thread_fields.pop_back(); }

Logger::Logger(std::ostream& console, ConsoleTraits traits) : console_(console), traits_(traits) {}

void Logger::add_secrets(const std::vector<std::string>& secrets) {
  std::lock_guard lock(mutex_);
  for (const auto& secret : secrets)
    if (!secret.empty()) secrets_.push_back(secret);
}

Logger::~Logger() {
  if (file_ != nullptr) std::fclose(file_);
}

void Logger::configure(Level threshold, bool json, const std::string& file,
                       std::vector<std::string> secrets) {
  std::FILE* opened = nullptr;
  if (!file.empty()) {
    opened = std::fopen(file.c_str(), "a");
    if (opened == nullptr) {
      usage_error("cannot open log file '" + file + "': " + std::strerror(errno));
    }
  }
  std::lock_guard lock(mutex_);
  if (file_ != nullptr) std::fclose(file_);
  file_ = opened;
  threshold_ = threshold;
  json_ = json;
  secrets_ = std::move(secrets);
}

bool Logger::enabled(Level level) const noexcept {
  std::lock_guard lock(mutex_);
  return level <= threshold_;
}

void Logger::log(Level level, std::string_view message, const LogFields& fields) noexcept {
  try {
    std::lock_guard lock(mutex_);
    if (level > threshold_) return;
    // Masked part by part, before quoting or JSON escaping could change how
    // a secret is spelled in the finished line.
    LogRecord record{utc_now_iso8601(), level, mask_secrets(std::string(message), secrets_), {}};
    for (const LogFields* list : {static_cast<const LogFields*>(&thread_fields), &fields})
      for (const auto& [key, value] : *list)
        record.fields.emplace_back(mask_secrets(key, secrets_), mask_secrets(value, secrets_));
    const std::string line = json_ ? json_line(record) : text_line(record);
    std::string shown = json_ || !traits_.colour ? line : text_line(record, true);
    // A status line sits below the log: erase it, write the line, redraw it.
    if (!status_.empty()) shown = std::string(erase_line) + shown + status_;
    console_.write(shown.data(), static_cast<std::streamsize>(shown.size()));
    console_.flush();
    if (file_ != nullptr) {
      std::fwrite(line.data(), 1, line.size(), file_);
      std::fflush(file_);
    }
  } catch (...) {
    // Losing a log line must never abort a migration half-way.
  }
}

void Logger::error(std::string_view message, const LogFields& fields) noexcept {
  log(Level::error, message, fields);
}
void Logger::warn(std::string_view message, const LogFields& fields) noexcept {
  log(Level::warn, message, fields);
}
void Logger::info(std::string_view message, const LogFields& fields) noexcept {
  log(Level::info, message, fields);
}
void Logger::debug(std::string_view message, const LogFields& fields) noexcept {
  log(Level::debug, message, fields);
}

bool Logger::status_line_enabled() const noexcept {
  std::lock_guard lock(mutex_);
  return traits_.status_line && !json_ && threshold_ >= Level::info;
}

void Logger::show_status(std::string_view text) noexcept {
  try {
    std::lock_guard lock(mutex_);
    if (!traits_.status_line || json_ || threshold_ < Level::info) return;
    // One column short of the width: writing the last column would wrap on
    // some terminals, and \r would then return to the wrong line.
    status_ = fit_to_width(printable(mask_secrets(std::string(text), secrets_)), traits_.width - 1);
    const std::string shown = std::string(erase_line) + status_;
    console_.write(shown.data(), static_cast<std::streamsize>(shown.size()));
    console_.flush();
  } catch (...) {
    // A status line is decoration; losing it must not stop anything.
  }
}

void Logger::clear_status() noexcept {
  try {
    std::lock_guard lock(mutex_);
    if (status_.empty()) return;
    status_.clear();
    console_.write(erase_line.data(), static_cast<std::streamsize>(erase_line.size()));
    console_.flush();
  } catch (...) {
  }
}

Logger& logger() {
  static Logger process_logger(std::cerr, detect_console(STDERR_FILENO));
  return process_logger;
}

}  // namespace host
