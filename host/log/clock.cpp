#include "host/log/clock.hpp"

#include <cstdio>

namespace host {

namespace {

// Writes `value` as exactly `width` decimal digits at `out`.
char* digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}

}  // namespace

std::string format_utc_iso8601(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  // Calendar arithmetic instead of gmtime: no shared static state, no locale.
  // Digits by hand rather than snprintf: every log line and history row
  // carries a time, and snprintf was a tenth of `upgrade --sql` (bench/).
  const auto day = floor<days>(when);
  const year_month_day date{day};
  const hh_mm_ss time{floor<milliseconds>(when - day)};
  const int year = static_cast<int>(date.year());
  char text[32];
  if (year < 0 || year > 9999) {  // not four digits: rare enough for snprintf
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return text;
  }
  char* p = digits(text, static_cast<unsigned>(year), 4);
  *p++ = '-';
  p = digits(p, static_cast<unsigned>(date.month()), 2);
  *p++ = '-';
  p = digits(p, static_cast<unsigned>(date.day()), 2);
  *p++ = 'T';
  p = digits(p, static_cast<unsigned>(time.hours().count()), 2);
  *p++ = ':';
  p = digits(p, static_cast<unsigned>(time.minutes().count()), 2);
  *p++ = ':';
  p = digits(p, static_cast<unsigned>(time.seconds().count()), 2);
  *p++ = '.';
  p = digits(p, static_cast<unsigned>(time.subseconds().count()), 3);
  *p++ = 'Z';
  return std::string(text, p);
}

std::string utc_now_iso8601() { return format_utc_iso8601(std::chrono::system_clock::now()); }

}  // namespace host
