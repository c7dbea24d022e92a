#include "host/run/bookkeeping.hpp"

#include <charconv>

#include <retort/sdk/revision.hpp>

#include "host/plugins/plugins.hpp"
#include "host/run/engine_clock.hpp"

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
  using retort::column;
  auto render = [&](const std::string& name, const std::vector<column>& columns) {
    std::vector<retort_column> defs;
    for (const auto& c : columns) defs.push_back(c.abi());
    std::vector<const retort_column*> ptrs;
    for (const auto& d : defs) ptrs.push_back(&d);
    retort_op op{};
    op.struct_size = sizeof op;
    op.kind = RETORT_OP_CREATE_TABLE;
    op.flags = RETORT_OP_IF_NOT_EXISTS;
    op.schema = retort::str(schema_);
    op.table = retort::str(name);
    op.columns = ptrs.data();
    op.column_count = ptrs.size();
    op.alter_nullable = RETORT_ALTER_KEEP;
    return dialect_.render(op);
  };
  std::vector<std::string> out = render(version_table_, {column("version_num", "string(64)").primary_key()});
  for (auto& s : render(history_table_, {
                                            column("id", "integer").primary_key().autoincrement(),
                                            column("revision", "string(64)").not_null(),
                                            column("direction", "string(16)").not_null(),
                                            column("checksum", "string(80)"),
                                            column("state", "string(16)").not_null(),
                                            column("started_at", "string(32)").not_null(),
                                            column("duration_ms", "bigint"),
                                            column("host", "string(255)"),
                                            column("tool_version", "string(32)"),
                                            column("statements_done", "integer"),
                                            column("error_message", "text"),
                                        }))
    out.push_back(std::move(s));
  return out;
}

std::string Bookkeeping::select_versions() const {
  return "SELECT " + ident("version_num") + " FROM " + table(version_table_);
}

std::string Bookkeeping::select_history(HistoryColumns which) const {
  std::string cols;
  for (const char* c : {"id", "revision", "direction", "checksum", "state", "started_at", "duration_ms",
                        "host", "tool_version", "statements_done", "error_message"}) {
    const std::string_view name = c;
    if (which == HistoryColumns::outcomes && name == "host") break;  // the rest are not wanted: not selected
    const bool wanted = which == HistoryColumns::all || name == "revision" || name == "direction" ||
                        name == "state" || name == "started_at" || name == "duration_ms";
    if (!cols.empty()) cols += ", ";
    cols += wanted ? ident(c) : "NULL";
  }
  return "SELECT " + cols + " FROM " + table(history_table_) + " ORDER BY " + ident("id");
}

const Bookkeeping::Quoted& Bookkeeping::quoted() const {
  if (quoted_) return *quoted_;
  Quoted q;
  q.version_table = table(version_table_);
  q.version_num = ident("version_num");
  std::string cols;
  for (const char* c : {"revision", "direction", "checksum", "state", "started_at", "duration_ms", "host",
                        "tool_version", "statements_done", "error_message"})
    cols += (cols.empty() ? "" : ", ") + ident(c);
  q.insert_history = "INSERT INTO " + table(history_table_) + " (" + cols + ") VALUES (";
  return quoted_.emplace(std::move(q));
}

std::vector<std::string> Bookkeeping::move_versions(const std::vector<std::string>& removed,
                                                    const std::vector<std::string>& added) const {
  std::vector<std::string> out;
  const std::string& t = quoted().version_table;
  const std::string& col = quoted().version_num;
  if (removed.size() == 1 && added.size() == 1) {
    out.push_back("UPDATE " + t + " SET " + col + " = " + literal(added[0]) + " WHERE " + col + " = " +
                  literal(removed[0]));
    return out;
  }
  for (const auto& r : removed) out.push_back("DELETE FROM " + t + " WHERE " + col + " = " + literal(r));
  for (const auto& a : added) out.push_back("INSERT INTO " + t + " (" + col + ") VALUES (" + literal(a) + ")");
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
    if (!quoted().utc_now) quoted_->utc_now = utc_now_sql(dialect_.name()).value_or("");
    // A dialect retort does not know the clock of keeps the time the row was written.
    if (!quoted_->utc_now->empty()) return *quoted_->utc_now;
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
  r.id = number(0);
  r.revision = text(1);
  r.direction = text(2);
  r.checksum = text(3);
  r.state = text(4);
  r.started_at = text(5);
  r.duration_ms = optional_number(6);
  r.host = text(7);
  r.tool_version = text(8);
  r.statements_done = number(9);
  r.error_message = text(10);
  return r;
}

}  // namespace host
