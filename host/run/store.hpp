// Reading and preparing retort's tables on a live connection.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "host/run/bookkeeping.hpp"

namespace host {

class Connection;

class VersionStore {
 public:
  /// `on_failure`, if set, is called when a read or write fails, before its
  /// error goes on, and may throw another instead: a statement cancelled
  /// because of a signal should be reported as the signal (host/cli/online).
  VersionStore(Connection& connection, const Bookkeeping& books, std::function<void()> on_failure = {})
      : connection_(connection), books_(books), on_failure_(std::move(on_failure)) {}

  /// Creates the version and history tables if they are missing.
  void ensure_tables();
  /// The version rows; none if the table does not exist yet.
  std::vector<std::string> versions();
  /// Every history row, oldest first; none if the table does not exist.
  std::vector<HistoryRow> history();
  /// The same rows handed to `each` one at a time, so a caller that keeps a
  /// summary need not hold 10,000 rows; `which` as Bookkeeping::select_history.
  void each_history(Bookkeeping::HistoryColumns which, const std::function<void(HistoryRow&&)>& each);

 private:
  bool exists(const std::string& table);
  Connection& connection_;
  const Bookkeeping& books_;
  std::function<void()> on_failure_;
};

/// `pending` rows that no later row of the same revision has resolved:
/// a non-transactional revision that was interrupted or failed midway.
std::vector<HistoryRow> unresolved_pending(const std::vector<HistoryRow>& history);

}  // namespace host
