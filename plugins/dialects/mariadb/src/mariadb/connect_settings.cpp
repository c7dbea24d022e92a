#include "mariadb/connect_settings.hpp"

#include <cstdlib>
#include <string_view>

namespace retort::mariadb {
namespace {

constexpr std::string_view known_parameters =
    "charset, connect_timeout, read_timeout, write_timeout, socket, ssl, ssl_ca, ssl_cert, "
    "ssl_key, ssl_verify_server_cert";

unsigned read_number(const std::string& value, unsigned long max, const std::string& what) {
  bool digits = !value.empty() && value.size() <= 10;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  unsigned long n = digits ? std::strtoul(value.c_str(), nullptr, 10) : 0;
  if (!digits || n > max)
    throw failure(what + " must be a whole number up to " + std::to_string(max) + ", not '" +
                      value + "'",
                  RETORT_ERROR_USAGE);
  return static_cast<unsigned>(n);
}

// A system variable's name as SET accepts it unquoted, so it can be sent
// as it is: nothing in it can end the statement.
bool is_variable_name(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

bool is_autocommit(const std::string& name) {
  const std::string_view word = "autocommit";
  if (name.size() != word.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if ((name[i] | 0x20) != word[i]) return false;
  return true;
}

bool read_flag(const std::string& value, const std::string& what) {
  if (value == "1" || value == "true" || value == "yes" || value == "on") return true;
  if (value == "0" || value == "false" || value == "no" || value == "off") return false;
  throw failure(what + " must be true or false, not '" + value + "'", RETORT_ERROR_USAGE);
}

void read_parameter(connect_settings& s, const std::string& name, const std::string& value) {
  const std::string what = "URL parameter " + name;
  constexpr unsigned long max_seconds = 86400;
  if (name == "charset") {
    s.charset = value;
  } else if (name == "connect_timeout") {
    s.connect_timeout = read_number(value, max_seconds, what);
  } else if (name == "read_timeout") {
    s.read_timeout = read_number(value, max_seconds, what);
  } else if (name == "write_timeout") {
    s.write_timeout = read_number(value, max_seconds, what);
  } else if (name == "socket") {
    s.socket = value;
  } else if (name == "ssl") {
    s.ssl = read_flag(value, what);
  } else if (name == "ssl_ca") {
    s.ssl_ca = value;
  } else if (name == "ssl_cert") {
    s.ssl_cert = value;
  } else if (name == "ssl_key") {
    s.ssl_key = value;
  } else if (name == "ssl_verify_server_cert") {
    s.ssl_verify_server_cert = read_flag(value, what);
  } else if (is_autocommit(name)) {
    // Bookkeeping written outside retort's own transactions would wait
    // for a COMMIT that never comes, and vanish at disconnect.
    throw failure("URL parameter " + name +
                      " is refused for mariadb://: retort commits its own work and needs "
                      "autocommit on",
                  RETORT_ERROR_USAGE);
  } else if (is_variable_name(name)) {
    s.session_variables.emplace_back(name, value);
  } else {
    throw failure("URL parameter '" + name +
                      "' for mariadb:// is neither a client option (" +
                      std::string(known_parameters) +
                      ") nor a server system variable name ([A-Za-z_][A-Za-z0-9_]*)",
                  RETORT_ERROR_USAGE);
  }
}

}  // namespace

std::string connect_settings::endpoint() const {
  if (host == "localhost")
    return "localhost (socket " + socket.value_or("default") + ")";
  return host + ":" + std::to_string(port ? port : 3306);
}

connect_settings read_connect_settings(const options& opts) {
  constexpr std::string_view param_prefix = "param.";
  connect_settings s;
  for (const auto& [key, value] : opts) {
    if (key == "url.user") {
      s.user = value;
    } else if (key == "url.password") {
      s.password = value;
    } else if (key == "url.host") {
      if (!value.empty()) s.host = value;
    } else if (key == "url.port") {
      s.port = read_number(value, 65535, "the URL's port");
    } else if (key == "url.database") {
      if (!value.empty()) s.database = value;
    } else if (key.compare(0, param_prefix.size(), param_prefix) == 0) {
      read_parameter(s, key.substr(param_prefix.size()), value);
    }
  }
  return s;
}

}  // namespace retort::mariadb
