// Running a revision's upgrade or downgrade function to learn what it does:
// its operations, rendered by the dialect into statements, and their
// checksum. Nothing touches the database here; the runner decides where the
// statements go. This is the host side of retort_migration_context.
#pragma once

#include <string>
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

class Collector {
 public:
  Collector(const Dialect& dialect, std::vector<Provider*> providers,
            std::vector<std::pair<std::string, std::string>> x_args, bool offline);

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
};

}  // namespace host
