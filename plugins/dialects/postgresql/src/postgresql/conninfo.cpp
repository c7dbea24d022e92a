#include "postgresql/conninfo.hpp"

#include <array>
#include <utility>

namespace retort::postgresql {
namespace {

constexpr std::string_view param_prefix = "param.";

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> url_parts{{
    {"url.user", "user"},
    {"url.password", "password"},
    {"url.host", "host"},
    {"url.port", "port"},
    {"url.database", "dbname"},
}};

// libpq keywords are bare words; anything else would change how the rest of
// the string is read.
bool is_keyword(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

void append(std::string& conninfo, std::string_view keyword, std::string_view value) {
  if (!conninfo.empty()) conninfo += ' ';
  conninfo += keyword;
  conninfo += '=';
  conninfo += conninfo_value(value);
}

}  // namespace

std::string conninfo_value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string build_conninfo(const options& opts) {
  std::string conninfo;
  for (const auto& [option_name, keyword] : url_parts)
    if (auto value = option(opts, option_name)) append(conninfo, keyword, *value);

  bool has_application_name = false;
  for (const auto& [key, value] : opts) {
    if (std::string_view(key).substr(0, param_prefix.size()) != param_prefix) continue;
    const std::string_view name = std::string_view(key).substr(param_prefix.size());
    if (!is_keyword(name))
      throw failure("invalid connection parameter name \"" + std::string(name) + "\" in the URL",
                    RETORT_ERROR_USAGE);
    append(conninfo, name, value);
    if (name == "application_name") has_application_name = true;
  }
  // Names this session in pg_stat_activity, so a blocked migration can say
  // who holds the lock.
  if (!has_application_name) append(conninfo, "application_name", "retort");
  return conninfo;
}

}  // namespace retort::postgresql
