#include "support/test_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace pgtest {
namespace {

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> server_url() {
  const char* value = std::getenv(server_url_variable);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

option_list url_options(const std::string& url) {
  option_list out;
  std::string rest = url;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end == std::string::npos) throw std::invalid_argument("not a URL: " + url);
  rest = rest.substr(scheme_end + 3);

  std::string query;
  if (std::size_t q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string database;
  if (std::size_t slash = rest.find('/'); slash != std::string::npos) {
    database = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (std::size_t at = rest.rfind('@'); at != std::string::npos) {
    const std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const std::size_t colon = userinfo.find(':');
    out.emplace_back("url.user", percent_decode(userinfo.substr(0, colon)));
    if (colon != std::string::npos) out.emplace_back("url.password", percent_decode(userinfo.substr(colon + 1)));
  }
  if (std::size_t colon = rest.rfind(':'); colon != std::string::npos) {
    out.emplace_back("url.port", rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  if (!rest.empty()) out.emplace_back("url.host", percent_decode(rest));
  if (!database.empty()) out.emplace_back("url.database", percent_decode(database));
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string pair = query.substr(0, amp);
    query = amp == std::string::npos ? "" : query.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos) out.emplace_back("param." + pair.substr(0, eq), percent_decode(pair.substr(eq + 1)));
  }
  return out;
}

option_list with_option(option_list options, const std::string& key, const std::string& value) {
  options = without_option(std::move(options), key);
  options.emplace_back(key, value);
  return options;
}

option_list without_option(option_list options, const std::string& key) {
  option_list out;
  for (auto& kv : options)
    if (kv.first != key) out.push_back(std::move(kv));
  return out;
}

std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

int unused_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("cannot bind a port on 127.0.0.1");
  }
  close(fd);  // bound but never listened on: connecting is refused
  return ntohs(addr.sin_port);
}

}  // namespace pgtest
