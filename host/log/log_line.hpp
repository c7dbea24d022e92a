// Internal to host/log: one log record rendered as one line of text or JSON.
#pragma once

#include <string>

#include "host/log/logger.hpp"

namespace host {

/// A line's content, secrets already masked.
struct LogRecord {
  std::string timestamp;
  Level level = Level::info;
  std::string message;
  LogFields fields;
};

/// `2026-11-24T05:33:29.123Z INFO  message key=value key2="with spaces"` and
/// a newline. Control characters are escaped so a record is always one line.
/// `colour` puts the level word in its colour (terminals only).
std::string text_line(const LogRecord& record, bool colour = false);

/// `{"ts":...,"level":"info","msg":...,FIELDS}` and a newline. A field named
/// like ts, level or msg is written as field.NAME; invalid UTF-8 is replaced.
std::string json_line(const LogRecord& record);

}  // namespace host
