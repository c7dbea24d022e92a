// The built retort_postgresql.so, loaded the way the host loads it (dlopen,
// the entry symbol, the C function table) and driven through the C ABI only.
#pragma once

#include "support/op_spec.hpp"

#include <retort/abi.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pgtest {

/// The plugin's descriptor; loads the file once. Throws std::runtime_error
/// with dlerror()'s text if it cannot.
const retort_plugin_descriptor& plugin_descriptor();
const retort_dialect_v1& plugin();

/// A host-owned error, as the host prepares it before every call.
retort_error fresh_error();

/// What a call returned: RETORT_OK, or RETORT_FAILED with `error` filled.
struct outcome {
  int rc = RETORT_OK;
  retort_error error = fresh_error();
  bool ok() const { return rc == RETORT_OK; }
  std::string message() const { return error.message; }
  std::string sqlstate() const { return error.sqlstate; }
  int kind() const { return error.kind; }
};

using option_list = std::vector<std::pair<std::string, std::string>>;
using text_row = std::vector<std::optional<std::string>>;

/// One connection through the plugin's C ABI; disconnects on destruction.
class client {
 public:
  /// Connects; check connected() and connect_outcome().
  explicit client(const option_list& options, const std::string& url = "postgresql://test");
  ~client();
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  bool connected() const { return conn_ != nullptr; }
  const outcome& connect_outcome() const { return connect_; }

  outcome execute(const std::string& sql);
  outcome query(const std::string& sql, std::vector<text_row>& rows);
  outcome begin();
  outcome commit();
  outcome rollback();
  outcome lock(const std::string& key, double timeout_seconds);
  outcome unlock(const std::string& key);
  outcome table_exists(const std::string& schema, const std::string& table, bool& exists);

  /// The single value of a one-row, one-column query ("<NULL>" for NULL,
  /// "<error: ...>" when it fails), for short assertions.
  std::string scalar(const std::string& sql);

 private:
  retort_connection* conn_ = nullptr;
  outcome connect_;
};

/// Renders through the plugin's C ABI.
outcome render(const op_spec& spec, std::vector<std::string>& statements);
outcome split(const std::string& script, std::vector<std::string>& statements);
std::string quote_identifier(const std::string& name);
std::string quote_literal(const std::string& value);

}  // namespace pgtest
