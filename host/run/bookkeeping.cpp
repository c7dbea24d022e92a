#include "host/run/bookkeeping.hpp"

#include <charconv>


#include "host/plugins/plugins.hpp"
#include "host/abi/table_definition.hpp"

namespace host {

Bookkeeping::Bookkeeping(const Dialect& dialect, std::string version_table, std::string history_table,
                         std::string schema)
    : dialect_(dialect),
      version_table_(std::move(version_table)),
      history_table_(std::move(history_table)),
      schema_(std::move(schema)) {}

std::string Bookkeeping::lock_key() const {
  return (schema_.empty() ? "" : schema_ + ".") + version_table_;
}

std::string Bookkeeping::ident(const std::string& name) const { return dialect_.quote_identifier(name); }
std::string Bookkeeping::literal(const std::string& value) const { return dialect_.quote_literal(value); }
std::string Bookkeeping::table(const std::string& name) const {
  return schema_.empty() ? ident(name) : ident(schema_) + "." + ident(name);
}

std::vector<std::string> Bookkeeping::create_tables() const {
  std::vector<std::string> out = create_table_if_missing(dialect_, schema_, version_table_, version_columns);
  for (auto& s : create_table_if_missing(dialect_, schema_, history_table_, history_columns)) out.push_back(std::move(s));
  return out;
}

std::string Bookkeeping::select_versions() const {
  return "SELECT " + ident("version_num") + " FROM " + table(version_table_);
}

std::string Bookkeeping::select_history(HistoryColumns which) const {
  std::string cols;
  for (std::size_t i = 0; i < std::size(history_columns); ++i) {
    if (which == HistoryColumns::outcomes && i == history_host) break;  // the rest are not wanted: not selected
    const bool wanted = which == HistoryColumns::all || i == history_revision || i == history_direction ||
                        i == history_state || i == history_started_at || i == history_duration_ms;
    if (!cols.empty()) cols += ", ";
    cols += wanted ? ident(std::string(history_columns[i].name)) : "NULL";
  }
  return "SELECT " + cols + " FROM " + table(history_table_) + " ORDER BY " +
         ident(std::string(history_columns[history_id].name));
}

const Bookkeeping::Quoted& Bookkeeping::quoted() const {
  if (quoted_) return *quoted_;
  Quoted q;
  q.version_table = table(version_table_);
  q.version_num = ident(std::string(version_columns[0].name));
  // Every column but the id, which the engine assigns.
  q.insert_history = "INSERT INTO " + table(history_table_) + " (" +
                     quoted_column_list(dialect_, std::span(history_columns).subspan(1)) + ") VALUES (";
  return quoted_.emplace(std::move(q));
}

std::vector<std::string> Bookkeeping::move_versions(const std::vector<std::string>& removed,
                                                    const std::vector<std::string>& added) const {
  const std::vector<std::string_view> removed_ids(removed.begin(), removed.end());
  const std::vector<std::string_view> added_ids(added.begin(), added.end());
  return move_versions(removed_ids, added_ids);
}

std::vector<std::string> Bookkeeping::move_versions(std::span<const std::string_view> removed,
                                                    std::span<const std::string_view> added) const {
  std::vector<std::string> out;
  const std::string& t = quoted().version_table;
  const std::string& col = quoted().version_num;
  if (removed.size() == 1 && added.size() == 1) {
    out.push_back("UPDATE " + t + " SET " + col + " = " + literal(std::string(added[0])) + " WHERE " + col + " = " +
                  literal(std::string(removed[0])));
    return out;
  }
  for (const auto& r : removed) out.push_back("DELETE FROM " + t + " WHERE " + col + " = " + literal(std::string(r)));
  for (const auto& a : added) out.push_back("INSERT INTO " + t + " (" + col + ") VALUES (" + literal(std::string(a)) + ")");
  return out;
}

std::string Bookkeeping::delete_all_versions() const { return "DELETE FROM " + table(version_table_); }

namespace {

std::string number_or_null(std::optional<long long> value) {
  return value ? std::to_string(*value) : std::string("NULL");
}

}  // namespace

std::string Bookkeeping::started_at(const HistoryRow& r) const {
  if (r.started_when_applied) {
    // A dialect that gives no clock (ABI 1.1) keeps the time the row was written.
    if (!dialect_.utc_now_sql().empty()) return dialect_.utc_now_sql();
  }
  return literal(r.started_at);
}

std::string Bookkeeping::insert_history(const HistoryRow& r) const {
  // The columns are in quoted().insert_history, in this order.
  std::string sql = quoted().insert_history;
  bool first = true;
  for (const std::string& value :
       {literal(r.revision), literal(r.direction), literal(r.checksum), literal(r.state), started_at(r),
        number_or_null(r.duration_ms), literal(r.host), literal(r.tool_version), std::to_string(r.statements_done),
        r.error_message.empty() ? std::string("NULL") : literal(r.error_message)}) {
    if (!first) sql += ", ";
    first = false;
    sql += value;
  }
  sql += ")";
  return sql;
}

std::string Bookkeeping::update_pending_progress(const std::string& revision, long long done) const {
  return "UPDATE " + table(history_table_) + " SET " + ident("statements_done") + " = " + std::to_string(done) +
         " WHERE " + ident("revision") + " = " + literal(revision) + " AND " + ident("state") + " = 'pending'";
}

std::string Bookkeeping::finish_pending(const std::string& revision, const std::string& state,
                                        std::optional<long long> duration_ms, long long done,
                                        const std::string& error_message) const {
  return "UPDATE " + table(history_table_) + " SET " + ident("state") + " = " + literal(state) + ", " +
         ident("duration_ms") + " = " + number_or_null(duration_ms) + ", " + ident("statements_done") + " = " +
         std::to_string(done) + ", " + ident("error_message") + " = " +
         (error_message.empty() ? std::string("NULL") : literal(error_message)) + " WHERE " + ident("revision") +
         " = " + literal(revision) + " AND " + ident("state") + " = 'pending'";
}

HistoryRow Bookkeeping::parse_history_row(const std::vector<std::optional<std::string_view>>& row) {
  auto text = [&row](std::size_t i) { return i < row.size() && row[i] ? std::string(*row[i]) : std::string(); };
  auto number = [&row](std::size_t i) -> long long {
    long long value = 0;
    if (i < row.size() && row[i]) std::from_chars(row[i]->data(), row[i]->data() + row[i]->size(), value);
    return value;  // 0 for NULL or what is not a number, as before
  };
  auto optional_number = [&](std::size_t i) -> std::optional<long long> {
    if (i < row.size() && row[i]) return number(i);
    return std::nullopt;
  };
  HistoryRow r;
  r.id = number(history_id);
  r.revision = text(history_revision);
  r.direction = text(history_direction);
  r.checksum = text(history_checksum);
  r.state = text(history_state);
  r.started_at = text(history_started_at);
  r.duration_ms = optional_number(history_duration_ms);
  r.host = text(history_host);
  r.tool_version = text(history_tool_version);
  r.statements_done = number(history_statements_done);
  r.error_message = text(history_error_message);
  return r;
}

}  // namespace host
