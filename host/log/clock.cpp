#include "host/log/clock.hpp"

#include <cstdio>

namespace host {

std::string format_utc_iso8601(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  // Calendar arithmetic instead of gmtime: no shared static state, no locale.
  const auto day = floor<days>(when);
  const year_month_day date{day};
  const hh_mm_ss time{floor<milliseconds>(when - day)};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return text;
}

std::string utc_now_iso8601() { return format_utc_iso8601(std::chrono::system_clock::now()); }

}  // namespace host
