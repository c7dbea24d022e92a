#include "host/run/store.hpp"

#include <unordered_map>

#include "host/plugins/plugins.hpp"

namespace host {
namespace {

// Runs `work`; if it throws, `on_failure` may throw a better error instead.
template <class Work>
auto guarded(const std::function<void()>& on_failure, Work work) -> decltype(work()) {
  try {
    return work();
  } catch (const std::exception&) {
    if (on_failure) on_failure();
    throw;
  }
}

}  // namespace

bool VersionStore::exists(const std::string& table) { return connection_.table_exists(books_.schema(), table); }

void VersionStore::ensure_tables() {
  guarded(on_failure_, [this] {
    if (exists(books_.version_table()) && exists(books_.history_table())) return;
    connection_.begin();
    try {
      for (const auto& s : books_.create_tables()) connection_.execute(s);
      connection_.commit();
    } catch (...) {
      try {
        connection_.rollback();
      } catch (...) {
      }
      throw;
    }
  });
}

std::vector<std::string> VersionStore::versions() {
  return guarded(on_failure_, [this] {
    std::vector<std::string> out;
    if (!exists(books_.version_table())) return out;
    for (const auto& row : connection_.query(books_.select_versions()))
      if (!row.empty() && row[0]) out.push_back(*row[0]);
    return out;
  });
}

std::vector<HistoryRow> VersionStore::history() {
  std::vector<HistoryRow> rows;
  each_history(Bookkeeping::HistoryColumns::all, [&rows](HistoryRow&& row) { rows.push_back(std::move(row)); });
  return rows;
}

void VersionStore::each_history(Bookkeeping::HistoryColumns which, const std::function<void(HistoryRow&&)>& each) {
  guarded(on_failure_, [&] {
    if (!exists(books_.history_table())) return;
    connection_.query_each(books_.select_history(which), [&each](const Connection::RowView& row) {
      each(Bookkeeping::parse_history_row(row));
    });
  });
}

std::vector<HistoryRow> unresolved_pending(const std::vector<HistoryRow>& history) {
  std::unordered_map<std::string, std::size_t> latest;
  for (std::size_t i = 0; i < history.size(); ++i) latest[history[i].revision] = i;
  std::vector<HistoryRow> out;
  for (std::size_t i = 0; i < history.size(); ++i)
    if (history[i].state == "pending" && latest[history[i].revision] == i) out.push_back(history[i]);
  return out;
}

}  // namespace host
