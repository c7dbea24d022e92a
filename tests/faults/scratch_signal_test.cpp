// SIGINT and SIGTERM while revisions are replayed into a scratch database
// (`diff`, drift in `check`): the long statement is cancelled, retort exits
// 130 / 143, the scratch database is dropped and the configured database is
// untouched. MariaDB's dialect cannot cancel a statement (docs/decisions.md),
// so there the pause is short and the replay stops right after it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <thread>
#include <tuple>

#include "slow_project.hpp"

namespace faults {
namespace {

using Case = std::tuple<std::string, int>;

class ScratchInterrupt : public ::testing::TestWithParam<Case> {
 protected:
  const std::string engine = std::get<0>(GetParam());
  const int signal = std::get<1>(GetParam());
  SlowProject p{engine, 3};
};

TEST_P(ScratchInterrupt, CancelsTheReplayAndDropsTheScratchDatabase) {
  p.replace(slow_revision(engine, 2, engine == "mariadb" ? 3 : 60));
  Process run = p.start({"--log-level", "debug", "diff", "--from", "empty", "--to", "head"});
  ASSERT_TRUE(run.wait_for_stderr("running upgrade " + revision_id(2), 30000)) << "never reached revision 2";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  run.send(signal);
  Result r = finish_within(run, std::chrono::seconds(30));

  ASSERT_EQ(r.signal, 0) << "did not stop within 30 s:\n" << r.err;
  EXPECT_EQ(r.code, signal == SIGINT ? 130 : 143) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(it::leftover_scratch_databases(p.db()), "");
  EXPECT_THAT(p.tables(), ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ScratchInterrupt,
                         ::testing::Combine(::testing::Values("sqlite", "postgresql", "mariadb"),
                                            ::testing::Values(SIGINT, SIGTERM)),
                         [](const auto& info) {
                           return std::get<0>(info.param) + (std::get<1>(info.param) == SIGINT ? "_SIGINT" : "_SIGTERM");
                         });

}  // namespace
}  // namespace faults
