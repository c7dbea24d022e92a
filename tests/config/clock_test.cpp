#include "host/log/clock.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

using namespace std::chrono;

TEST(Clock, FormatsUtcWithMillisecondsAndZ) {
  const sys_days day = year{2026} / November / 24;
  const auto when =
      day + hours{5} + minutes{33} + seconds{29} + milliseconds{123} + microseconds{999};
  EXPECT_EQ(host::format_utc_iso8601(when), "2026-11-24T05:33:29.123Z");
}

TEST(Clock, FormatsTheEpochAndEndOfDay) {
  EXPECT_EQ(host::format_utc_iso8601(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
  const sys_days day = year{1999} / December / 31;
  EXPECT_EQ(
      host::format_utc_iso8601(day + hours{23} + minutes{59} + seconds{59} + milliseconds{999}),
      "1999-12-31T23:59:59.999Z");
}

TEST(Clock, NowHasTheSameShape) {
  EXPECT_TRUE(std::regex_match(host::utc_now_iso8601(),
                               std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")));
}

}  // namespace
