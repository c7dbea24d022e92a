#include "host/log/log_line.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "host/config/printable.hpp"
#include "host/log/terminal.hpp"

namespace host {
namespace {

bool needs_quotes(std::string_view value) {
  return value.empty() || std::any_of(value.begin(), value.end(), [](unsigned char c) {
           return c <= 0x20 || c == 0x7F || c == '"' || c == '=' || c == '\\';
         });
}

std::string field_value(std::string_view value) {
  if (!needs_quotes(value)) return std::string(value);
  std::string quoted;
  for (const char c : value) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return "\"" + printable(quoted) + "\"";
}

// A key is written bare, so whatever would break key=value parsing becomes '_'.
std::string field_key(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '=' || c == '"') c = '_';
  }
  return out.empty() ? "_" : out;
}

std::string padded_level(Level level) {
  std::string name(level_name(level));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  name.resize(5, ' ');
  return name;
}

}  // namespace

std::string text_line(const LogRecord& record, bool colour) {
  const std::string level = padded_level(record.level);
  std::string line = record.timestamp + " " + (colour ? in_level_colour(level, record.level) : level) + " " +
                     printable(record.message);
  for (const auto& [key, value] : record.fields) {
    line += " " + field_key(key) + "=" + field_value(value);
  }
  return line + "\n";
}

std::string json_line(const LogRecord& record) {
  nlohmann::ordered_json line;
  line["ts"] = record.timestamp;
  line["level"] = level_name(record.level);
  line["msg"] = record.message;
  for (const auto& [key, value] : record.fields) {
    const bool reserved = key == "ts" || key == "level" || key == "msg";
    line[reserved ? "field." + key : key] = value;
  }
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace host
