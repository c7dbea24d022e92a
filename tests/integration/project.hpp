// A temporary retort project: a folder with retort.ini, optionally a sqldir
// of revisions, and an engine's fresh database; `retort(...)` runs the built
// binary in it.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

/// An exit code, with the process's output when it is not the one expected.
#define EXPECT_EXIT_CODE(result, expected) \
  EXPECT_EQ((result).code, expected) << "stdout:\n" << (result).out << "\nstderr:\n" << (result).err

namespace it {

/// One sqldir revision file.
struct SqlRevision {
  std::string id;
  std::string down;  ///< comma-separated, "" for a root
  std::string upgrade;
  std::string downgrade;
  std::string extra_headers = {};
};

class Project {
 public:
  explicit Project(const std::string& engine);
  Engine& db() { return *engine_; }
  const TempDir& dir() const { return dir_; }

  /// Writes retort.ini pointing at `revisions` (relative to the project) and the engine's URL.
  void configure(const std::string& revisions, const std::string& extra = "");
  /// Uses the shop example plugin.
  void use_shop() { configure(shop_plugin().string()); }
  /// Writes revisions into ./migrations and configures them.
  void use_sql_revisions(const std::vector<SqlRevision>& revisions, const std::string& extra = "");
  void add_sql_revision(const SqlRevision& r);

  Result retort(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) const;
  /// The version rows, sorted, newline-separated.
  std::string versions() const;
  /// "revision direction state" lines of retort_history, in id order.
  std::string history() const;

 private:
  TempDir dir_;
  std::unique_ptr<Engine> engine_;
};

/// The names of scratch databases left on `engine`'s server, one a line
/// (none may be after retort exits); "" for SQLite, whose are in memory.
std::string leftover_scratch_databases(const Engine& engine);

/// retort's own tables after an online run, one a line: on a server engine
/// `lock = auto` also takes a row of the lock table beside the session lock
/// (issue 14), so that table is there too.
inline std::string own_tables(const std::string& engine) {
  return engine == "sqlite" ? "retort_history\nretort_version\n" : "retort_history\nretort_lock\nretort_version\n";
}

/// A tables() or columns() listing without the lock table, which an online
/// run on a server engine leaves and an offline script does not make.
inline std::string without_lock_table(const std::string& listing) {
  std::istringstream in(listing);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line != "retort_lock" && line.rfind("retort_lock.", 0) != 0) out += line + "\n";
  return out;
}

/// The shop's revisions, oldest first.
inline const std::vector<std::string> shop_ids = {"3f1c2a9b7d10", "8a4e6b2c1f93", "c7d2e5f08b41", "5b9e1d3a6c72"};

}  // namespace it
