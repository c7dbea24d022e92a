// The SQL of retort's own tables (SPEC §6), rendered through the dialect so
// the same statements serve the online run and the offline script:
//   retort_version (version_num): one row per applied head, as Alembic's
//     alembic_version, so an Alembic database can be adopted by name;
//   retort_history: one row per revision applied, reverted or stamped.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace host {

class Dialect;

/// One retort_history row.
struct HistoryRow {
  long long id = 0;               ///< assigned by the database
  std::string revision;
  std::string direction;          ///< upgrade | downgrade | stamp
  std::string checksum;
  std::string state;              ///< applied | failed | pending
  std::string started_at;         ///< UTC, ISO 8601
  /// Written as the database's own clock instead of `started_at`: an
  /// offline script's rows say when it was applied (docs/decisions.md).
  bool started_when_applied = false;
  std::optional<long long> duration_ms;  ///< NULL when unknown (rows an offline script wrote)
  std::string host;
  std::string tool_version;
  long long statements_done = 0;  ///< progress of a pending (non-transactional) run
  std::string error_message;
};

class Bookkeeping {
 public:
  Bookkeeping(const Dialect& dialect, std::string version_table, std::string history_table,
              std::string schema);

  const std::string& version_table() const { return version_table_; }
  const std::string& history_table() const { return history_table_; }
  const std::string& schema() const { return schema_; }
  /// The name the migration lock is taken under.
  std::string lock_key() const;

  std::vector<std::string> create_tables() const;
  std::string select_versions() const;
  /// `outcomes` selects what `retort history` shows (revision, direction,
  /// state, started_at, duration_ms), NULL for the columns between them and
  /// nothing after; both parse as empty: the same parser, fewer values.
  enum class HistoryColumns { all, outcomes };
  std::string select_history(HistoryColumns which = HistoryColumns::all) const;
  /// Moves the version rows: an UPDATE for one-for-one, else DELETEs and INSERTs.
  std::vector<std::string> move_versions(std::span<const std::string_view> removed,
                                         std::span<const std::string_view> added) const;
  std::vector<std::string> move_versions(const std::vector<std::string>& removed,
                                         const std::vector<std::string>& added) const;
  std::string delete_all_versions() const;
  std::string insert_history(const HistoryRow& row) const;
  /// Pending rows are found by revision: the lock guarantees at most one is live.
  std::string update_pending_progress(const std::string& revision, long long statements_done) const;
  std::string finish_pending(const std::string& revision, const std::string& state,
                             std::optional<long long> duration_ms,
                             long long statements_done, const std::string& error_message) const;

  /// `name` quoted and qualified by this schema, as retort's tables are
  /// (another tool's table kept beside them, too).
  std::string table(const std::string& name) const;

  /// Parses a row of select_history(), as Connection::query_each hands it.
  static HistoryRow parse_history_row(const std::vector<std::optional<std::string_view>>& row);

 private:
  std::string literal(const std::string& value) const;
  std::string ident(const std::string& name) const;
  /// The started_at value of `r`: its literal, or the database's clock.
  std::string started_at(const HistoryRow& r) const;

  /// The quoted names every step's statements repeat, rendered on first use:
  /// each is a call into the dialect, and per step they were a tenth of
  /// `upgrade --sql` (bench/).
  struct Quoted {
    std::string version_table, version_num, insert_history;  ///< insert_history: "INSERT INTO t (cols) VALUES ("
  };
  const Quoted& quoted() const;

  const Dialect& dialect_;
  std::string version_table_, history_table_, schema_;
  mutable std::optional<Quoted> quoted_;
};

}  // namespace host
