// Live tests talk to the MariaDB server scripts/test.sh starts, through the
// built plugin's ABI exactly as the host does. RETORT_TEST_MARIADB_URL
// names the server; without it every live test fails (never skips), so a
// CI run that lost its server cannot pass.
#pragma once

#include "plugin_under_test.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace retort::mariadb::test {

using option_list = std::vector<std::pair<std::string, std::string>>;
using text_rows = std::vector<std::vector<std::optional<std::string>>>;

/// The parts of mariadb://user:pass@host:port/db, as the host passes them.
/// Test-only: no percent-decoding or query parameters, which the test
/// server's URL does not use.
inline option_list url_options(const std::string& url) {
  option_list out;
  std::string rest = url.substr(url.find("://") + 3);
  std::size_t at = rest.rfind('@');
  if (at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    std::size_t colon = userinfo.find(':');
    out.emplace_back("url.user", userinfo.substr(0, colon));
    if (colon != std::string::npos) out.emplace_back("url.password", userinfo.substr(colon + 1));
    rest = rest.substr(at + 1);
  }
  std::size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  if (slash != std::string::npos) out.emplace_back("url.database", rest.substr(slash + 1));
  std::size_t colon = hostport.rfind(':');
  out.emplace_back("url.host", hostport.substr(0, colon));
  if (colon != std::string::npos) out.emplace_back("url.port", hostport.substr(colon + 1));
  return out;
}

inline option_list with(option_list opts, const std::string& key, const std::string& value) {
  for (auto& [k, v] : opts)
    if (k == key) {
      v = value;
      return opts;
    }
  opts.emplace_back(key, value);
  return opts;
}

inline std::string value_of(const option_list& opts, const std::string& key) {
  for (const auto& [k, v] : opts)
    if (k == key) return v;
  return "";
}

/// What a call through the ABI returned.
struct outcome {
  int rc;
  retort_error err;
  bool ok() const { return rc == RETORT_OK; }
};

inline std::ostream& operator<<(std::ostream& os, const outcome& o) {
  return os << (o.ok() ? "ok" : o.err.message);
}

/// One open connection; disconnects when it goes.
class session {
 public:
  session(const retort_dialect_v1& d, retort_connection* c) : d_(d), c_(c) {}
  ~session() { d_.disconnect(c_); }
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  outcome execute(const std::string& sql) {
    outcome o{0, fresh_error()};
    o.rc = d_.execute(c_, str(sql), &o.err);
    return o;
  }
  outcome lock(const std::string& key, double timeout) {
    outcome o{0, fresh_error()};
    o.rc = d_.lock(c_, str(key), timeout, &o.err);
    return o;
  }
  outcome unlock(const std::string& key) {
    outcome o{0, fresh_error()};
    o.rc = d_.unlock(c_, str(key), &o.err);
    return o;
  }
  outcome begin() { return call(d_.begin); }
  outcome commit() { return call(d_.commit); }
  outcome rollback() { return call(d_.rollback); }

  /// Rows as text; a failed query fails the test and returns no rows.
  text_rows query(const std::string& sql) {
    text_rows rows;
    retort_row_sink sink{&rows, [](void* c, const retort_str* values, size_t n) {
                           auto& out = *static_cast<text_rows*>(c);
                           out.emplace_back();
                           for (size_t i = 0; i < n; ++i)
                             out.back().push_back(values[i].data ? std::optional<std::string>(
                                                                       std::string(values[i].data, values[i].size))
                                                                 : std::nullopt);
                         }};
    retort_error err = fresh_error();
    EXPECT_EQ(d_.query(c_, str(sql), &sink, &err), RETORT_OK) << err.message;
    return rows;
  }
  /// A query whose rows are not wanted, for its outcome.
  outcome try_query(const std::string& sql) {
    retort_row_sink sink{nullptr, [](void*, const retort_str*, size_t) {}};
    outcome o{0, fresh_error()};
    o.rc = d_.query(c_, str(sql), &sink, &o.err);
    return o;
  }
  /// The first value of the first row, "" when there is none.
  std::string value(const std::string& sql) {
    text_rows rows = query(sql);
    return rows.empty() || rows[0].empty() || !rows[0][0] ? "" : *rows[0][0];
  }
  bool table_exists(const std::string& schema, const std::string& table) {
    int exists = -1;
    retort_error err = fresh_error();
    EXPECT_EQ(d_.table_exists(c_, str(schema), str(table), &exists, &err), RETORT_OK)
        << err.message;
    return exists == 1;
  }

 private:
  outcome call(int (*fn)(retort_connection*, retort_error*)) {
    outcome o{0, fresh_error()};
    o.rc = fn(c_, &o.err);
    return o;
  }
  const retort_dialect_v1& d_;
  retort_connection* c_;
};

class live_mariadb : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("RETORT_TEST_MARIADB_URL");
    if (!url || !*url)
      GTEST_FAIL() << "RETORT_TEST_MARIADB_URL is not set: run the server tests through "
                      "scripts/test.sh, which starts MariaDB and exports it (or source "
                      "scripts/lib/mariadb.sh and call mariadb_start DIR)";
    url_ = url;
    options_ = url_options(url_);
  }

  void TearDown() override {
    if (tables_.empty() || options_.empty()) return;
    std::unique_ptr<session> s = open();
    if (!s) return;
    for (auto it = tables_.rbegin(); it != tables_.rend(); ++it)
      s->execute("DROP TABLE IF EXISTS `" + *it + "`");
  }

  /// Tries to connect; the outcome and, on success, the session.
  std::pair<outcome, std::unique_ptr<session>> try_open(const option_list& opts,
                                                        const std::string& url) {
    std::vector<retort_option> raw;
    for (const auto& [k, v] : opts) raw.push_back(retort_option{str(k), str(v)});
    retort_connect_params params{sizeof(retort_connect_params), str(url), raw.data(), raw.size()};
    retort_connection* conn = nullptr;
    outcome o{0, fresh_error()};
    o.rc = plugin_.dialect().connect(&params, &conn, &o.err);
    if (!o.ok()) return {o, nullptr};
    return {o, std::make_unique<session>(plugin_.dialect(), conn)};
  }

  std::unique_ptr<session> open() {
    auto [o, s] = try_open(options_, url_);
    EXPECT_TRUE(o.ok()) << o;
    return std::move(s);
  }

  /// A table name no other test (or concurrent run) uses, dropped after
  /// the test.
  std::string table(const std::string& suffix) {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    name = "rt_" + name.substr(0, 36) + "_" + suffix + "_" + std::to_string(getpid());
    tables_.push_back(name);
    return name;
  }

  plugin_under_test plugin_;
  std::string url_;
  option_list options_;
  std::vector<std::string> tables_;
};

}  // namespace retort::mariadb::test
