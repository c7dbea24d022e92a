// The live server the tests run against: RETORT_TEST_POSTGRESQL_URL, set by
// scripts/test.sh (scripts/lib/postgres.sh), split into the options the host
// would pass (url.user, url.password, url.host, url.port, url.database,
// param.NAME). The host has the real URL parser; this one only needs to read
// the URLs the test script writes.
#pragma once

#include "support/plugin_client.hpp"

#include <optional>
#include <string>

namespace pgtest {

inline constexpr const char* server_url_variable = "RETORT_TEST_POSTGRESQL_URL";

/// The URL, or nullopt when the variable is unset or empty.
std::optional<std::string> server_url();

/// The URL's parts as host options.
option_list url_options(const std::string& url);

/// `options` with `key` set to `value` (replaced, or added).
option_list with_option(option_list options, const std::string& key, const std::string& value);

/// `options` without `key`.
option_list without_option(option_list options, const std::string& key);

/// A name no other test (or concurrent run) uses: prefix_PID_N.
std::string unique_name(const std::string& prefix);

/// A TCP port on 127.0.0.1 nothing listens on (bound once, then released).
int unused_port();

}  // namespace pgtest
