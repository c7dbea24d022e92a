// Wall-clock timestamps as retort prints and stores them (logs, history rows).
#pragma once

#include <chrono>
#include <string>

namespace host {

/// "2026-11-24T05:33:29.123Z": UTC, millisecond precision.
std::string format_utc_iso8601(std::chrono::system_clock::time_point when);

/// format_utc_iso8601 of now.
std::string utc_now_iso8601();

}  // namespace host
