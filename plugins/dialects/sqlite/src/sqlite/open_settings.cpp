#include "sqlite/open_settings.hpp"

#include "sqlite/busy_timeout.hpp"

#include <cctype>
#include <string_view>

namespace retort::sqlite {
namespace {

constexpr std::string_view known_parameters = "busy_timeout, foreign_keys, journal_mode";
constexpr std::string_view journal_modes[] = {"delete", "truncate", "persist", "memory", "wal", "off"};

// SQLite reads pragma values without regard to case; so does the URL.
std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

[[noreturn]] void bad_value(const std::string& name, const std::string& value, std::string_view takes) {
  throw failure("URL parameter " + name + " for sqlite:// takes " + std::string(takes) + ", not '" + value +
                    "' (parameters: " + std::string(known_parameters) + ")",
                RETORT_ERROR_USAGE);
}

bool read_foreign_keys(const std::string& value) {
  const std::string v = lower(value);
  if (v == "on" || v == "1" || v == "true") return true;
  if (v == "off" || v == "0" || v == "false") return false;
  bad_value("foreign_keys", value, "on, off, 1, 0, true or false");
}

std::string read_journal_mode(const std::string& value) {
  const std::string v = lower(value);
  for (std::string_view mode : journal_modes)
    if (v == mode) return v;
  bad_value("journal_mode", value, "delete, truncate, persist, memory, wal or off");
}

// busy_timeout is read by the caller: it must win over lock_timeout
// wherever each stands in the options.
void read_parameter(open_settings& s, const std::string& name, const std::string& value) {
  if (name == "foreign_keys") {
    s.foreign_keys = read_foreign_keys(value);
  } else if (name == "journal_mode") {
    s.journal_mode = read_journal_mode(value);
  } else {
    throw failure("unknown URL parameter '" + name + "' for sqlite:// (known: " + std::string(known_parameters) +
                      ")",
                  RETORT_ERROR_USAGE);
  }
}

}  // namespace

open_settings read_open_settings(const options& opts) {
  constexpr std::string_view param_prefix = "param.";
  open_settings s;
  std::optional<int> url_busy_timeout;
  for (const auto& [key, value] : opts) {
    if (key == "url.database") {
      s.path = value;
    } else if (key == "lock_timeout") {
      try {
        s.busy_timeout_ms = busy_timeout_ms(std::stod(value));
      } catch (const std::exception&) {
        throw failure("lock_timeout '" + value + "' is not a number of seconds", RETORT_ERROR_USAGE);
      }
    } else if (key == "param.busy_timeout") {
      url_busy_timeout = busy_timeout_ms_from_url(value);
      if (!url_busy_timeout) bad_value("busy_timeout", value, "a whole number of milliseconds");
    } else if (key.compare(0, param_prefix.size(), param_prefix) == 0) {
      read_parameter(s, key.substr(param_prefix.size()), value);
    }
  }
  if (url_busy_timeout) s.busy_timeout_ms = *url_busy_timeout;
  return s;
}

}  // namespace retort::sqlite
