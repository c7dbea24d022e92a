// One revision as the host sees it, whichever provider it came from.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace host {

struct Revision {
  std::string id;
  std::vector<std::string> down_revisions;  ///< none: a root; several: a merge
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;
  std::string message;
  bool transactional = true;
  std::string origin;        ///< where it is defined (file or plugin), for messages
  /// A repeatable revision (Flyway's R__ files): no parents, never in the
  /// version table; the graph keeps it apart from the versioned revisions
  /// and `upgrade head` reruns it whenever its checksum changed.
  bool repeatable = false;
  std::size_t provider = 0;  ///< which loaded provider holds it; opaque to the graph
  std::size_t index = 0;     ///< its index within that provider; opaque to the graph
};

}  // namespace host
