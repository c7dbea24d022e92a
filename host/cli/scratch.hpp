// A scratch database: an empty database of the configured engine that
// retort fills to see what a schema *should* be (the revisions replayed),
// then throws away. SQLite: in memory. A server: `retort_scratch_<pid>_<n>`
// created on the configured server (or on scratch_url's) and dropped when
// the object goes, on success, error and interruption alike (interruptions
// arrive as exceptions at the runner's checkpoints). A kill -9 leaves one
// behind, recognisable by its name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "host/abi/connection.hpp"
#include "host/cli/app.hpp"
#include "host/schema/schema.hpp"

namespace host {

class ScratchDatabase {
 public:
  explicit ScratchDatabase(App& app);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  /// Runs the upgrades to each of `targets` in turn ("heads", revision ids),
  /// as `upgrade` would on an empty database, logging each revision at debug.
  void upgrade(const std::vector<std::string>& targets);
  /// The scratch database's schema, without retort's own tables.
  schema::Schema read();
  Connection& connection() { return *scratch_; }
  /// "a scratch database in memory" / "scratch database retort_scratch_1_2".
  const std::string& description() const { return description_; }

 private:
  App& app_;
  std::unique_ptr<Connection> server_;   // made the scratch database; drops it (server engines)
  std::unique_ptr<Connection> scratch_;
  std::string name_;                     // "" in memory
  std::string description_;
};

}  // namespace host
