// Running a revision's upgrade or downgrade function to learn what it does:
// its operations, rendered by the dialect into statements, and their
// checksum. Nothing touches the database here; the runner decides where the
// statements go. This is the host side of retort_migration_context.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "host/graph/revision.hpp"
#include "host/plan/plan.hpp"

namespace host {

class Dialect;
class Provider;
struct CollectSession;

/// What one revision runs in one direction.
struct RevisionScript {
  std::vector<std::string> statements;  ///< in order; each a statement or a script
  std::string checksum;                 ///< of the operations (see checksum.hpp)
};

/// What collectors running side by side (a fleet's targets, one per thread)
/// share: every revision's script, collected once per dialect, direction
/// and split, and one lock that serialises the plugins' calls, since a
/// provider need not be safe to run from two threads at once.
class CollectCache {
 public:
  /// The script stored under `key`, or made by `collect` and stored.
  template <class Collect>
  RevisionScript get(const std::string& key, Collect&& collect) {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = scripts_.find(key);
    if (it == scripts_.end()) it = scripts_.emplace(key, collect()).first;
    return it->second;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, RevisionScript> scripts_;
};

class Collector {
 public:
  Collector(const Dialect& dialect, std::vector<Provider*> providers,
            std::vector<std::pair<std::string, std::string>> x_args, bool offline,
            std::shared_ptr<CollectCache> cache = nullptr);

  /// Runs `revision` in `direction`, told it is offline if the collector
  /// is; the checksum is always that of an online run. With `split_scripts`, raw SQL scripts are
  /// split into single statements (for runs outside a transaction).
  /// Throws Error naming the revision when the plugin or the dialect fails.
  RevisionScript collect(const Revision& revision, Direction direction, bool split_scripts) const;

 private:
  void run(const Revision& revision, Direction direction, bool offline, CollectSession& session) const;

  const Dialect& dialect_;
  std::vector<Provider*> providers_;
  std::vector<std::pair<std::string, std::string>> x_args_;
  bool offline_;
  std::shared_ptr<CollectCache> cache_;
};

}  // namespace host
