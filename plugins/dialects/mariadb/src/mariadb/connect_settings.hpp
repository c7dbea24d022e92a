// What a connection needs, read from the options the host gives (abi.h,
// retort_connect_params): url.* parts and param.* URL parameters. Kept
// apart from the connection so it is tested without a server.
#pragma once

#include <retort/sdk/dialect.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace retort::mariadb {

struct connect_settings {
  std::optional<std::string> user;      ///< absent: Connector/C uses the login name
  std::optional<std::string> password;  ///< never printed
  /// As given; "localhost" (the default) makes Connector/C use the Unix
  /// socket, "127.0.0.1" TCP.
  std::string host = "localhost";
  unsigned port = 0;  ///< 0: the default, 3306
  std::optional<std::string> database;
  std::optional<std::string> socket;  ///< param.socket: the Unix socket path
  std::string charset = "utf8mb4";    ///< param.charset
  std::optional<unsigned> connect_timeout, read_timeout, write_timeout;  ///< seconds
  bool ssl = false;  ///< param.ssl: refuse to talk without TLS
  std::optional<std::string> ssl_ca, ssl_cert, ssl_key;
  std::optional<bool> ssl_verify_server_cert;
  /// Every other ?name=value: a server system variable, set with
  /// `SET SESSION name = value` right after connecting, in URL order.
  std::vector<std::pair<std::string, std::string>> session_variables;

  /// "host:port", or "localhost (socket PATH)"; for messages.
  std::string endpoint() const;
};

/// Reads the options; throws retort::failure (usage) for a bad port,
/// number or flag, or a URL parameter that is neither a client option nor
/// a possible system variable name (`[A-Za-z_][A-Za-z0-9_]*`), or is
/// `autocommit`. A misspelt variable (`?sql_mod=`) passes here and is
/// refused by the server at connect. Options that are neither url.* nor
/// param.* are host settings and are ignored.
connect_settings read_connect_settings(const options& opts);

}  // namespace retort::mariadb
