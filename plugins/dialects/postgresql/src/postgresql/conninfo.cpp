#include "postgresql/conninfo.hpp"

#include "postgresql/ddl_after_write.hpp"

#include <libpq-fe.h>

#include <array>
#include <set>
#include <string>
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

// The keywords this libpq understands, asked of libpq itself, so a newer
// libpq's keywords work and a misspelt one is a configuration error (exit 2)
// naming it, not a connection failure.
const std::set<std::string, std::less<>>& libpq_keywords() {
  static const std::set<std::string, std::less<>> keywords = [] {
    std::set<std::string, std::less<>> names;
    if (PQconninfoOption* defaults = PQconndefaults()) {
      for (const PQconninfoOption* o = defaults; o->keyword; ++o) names.insert(o->keyword);
      PQconninfoFree(defaults);
    }
    return names;
  }();
  return keywords;
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
    if (name == ddl_after_write_parameter) continue;  // retort's own, read by the dialect
    if (!is_keyword(name))
      throw failure("invalid connection parameter name \"" + std::string(name) + "\" in the URL",
                    RETORT_ERROR_USAGE);
    const auto& known = libpq_keywords();
    if (!known.empty() && known.find(name) == known.end())
      throw failure("unknown URL parameter '" + std::string(name) +
                        "' for postgresql:// (libpq's connection keywords, e.g. sslmode, connect_timeout, "
                        "application_name, options; or retort's own " +
                        std::string(ddl_after_write_parameter) + ")",
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
