#include "host/log/logger.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>

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

Logger::Logger(std::ostream& console) : console_(console) {}

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
    for (const auto& [key, value] : fields) {
      record.fields.emplace_back(mask_secrets(key, secrets_), mask_secrets(value, secrets_));
    }
    const std::string line = json_ ? json_line(record) : text_line(record);
    console_.write(line.data(), static_cast<std::streamsize>(line.size()));
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

Logger& logger() {
  static Logger process_logger(std::cerr);
  return process_logger;
}

}  // namespace host
