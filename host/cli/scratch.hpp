// A scratch database: an empty database of the configured engine that
// retort fills to see what a schema *should* be (the revisions replayed, a
// declarative file applied), then throws away.
// - Without scratch_url: SQLite in memory; a server engine gets
//   `retort_scratch_<pid>_<n>`, created on the configured server and dropped
//   when the object goes. A kill -9 leaves one behind, recognisable by name.
// - With scratch_url (for roles that may not CREATE DATABASE, as Atlas's dev
//   URL): that database, used as is. It must hold nothing retort reads when
//   retort starts, and retort drops everything it made when it is done.
// Both happen on success, error and interruption alike (interruptions arrive
// as exceptions at the runner's checkpoints).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "host/abi/connection.hpp"
#include "host/cli/app.hpp"
#include "host/cli/interrupt_cancel.hpp"
#include "host/plan/plan.hpp"
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
  /// Runs these repeatable revisions' upgrades, in order (check replays the
  /// ones the live database ran; `upgrade({"heads"})` runs them all itself).
  void run_repeatables(const std::vector<const Revision*>& repeatables);
  /// Runs the downgrades from where upgrade() left it to `target`.
  void downgrade(const std::string& target);
  /// Runs the statements of declarative SQL files (declarative_files()).
  void apply_files(const std::vector<std::filesystem::path>& files);
  /// Makes `schema` through the planner and the dialect's renderer, as a
  /// plan from nothing; `what` names it in the error when it cannot be
  /// planned or a statement fails (exit 1).
  void build(const schema::Schema& schema, const std::string& what);
  /// The scratch database's schema, without retort's own tables.
  schema::Schema read();
  Connection& connection() { return *scratch_; }
  /// "a scratch database in memory" / "scratch database retort_scratch_1_2".
  const std::string& description() const { return description_; }

 private:
  /// `given`, if any, runs first, then the plan to each target.
  void run(bool up, const std::vector<std::string>& targets, const Plan* given = nullptr);
  void open_given(const Url& url);
  void create_on_server();
  void empty_given();

  App& app_;
  std::unique_ptr<Connection> server_;   // made the scratch database; drops it (server engines)
  std::unique_ptr<Connection> scratch_;
  std::unique_ptr<CancelOnInterrupt> cancel_;  // a signal cancels a long replayed statement
  bool given_ = false;                   // scratch_url: emptied, not dropped
  std::string name_;                     // the created database; "" otherwise
  std::string description_;
};

}  // namespace host
