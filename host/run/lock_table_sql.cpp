#include "host/run/lock_table_sql.hpp"

#include "host/plugins/plugins.hpp"
#include "host/run/bookkeeping.hpp"
#include "host/abi/table_definition.hpp"

namespace host {

std::string LockOwner::describe() const {
  return "host " + (host.empty() ? std::string("(unknown)") : host) + " pid " + std::to_string(pid) +
         " (started " + started_at + ")";
}

std::string LockTableSql::table_for(const std::string& version_table) {
  const std::string suffix = "_version";
  if (version_table.size() > suffix.size() &&
      version_table.compare(version_table.size() - suffix.size(), suffix.size(), suffix) == 0)
    return version_table.substr(0, version_table.size() - suffix.size()) + "_lock";
  return version_table + "_lock";
}

LockTableSql::LockTableSql(const Dialect& dialect, const Bookkeeping& books)
    : dialect_(dialect), schema_(books.schema()), table_(table_for(books.version_table())), key_(books.lock_key()) {}

std::string LockTableSql::ident(const std::string& name) const { return dialect_.quote_identifier(name); }
std::string LockTableSql::literal(const std::string& value) const { return dialect_.quote_literal(value); }
std::string LockTableSql::qualified() const {
  return schema_.empty() ? ident(table_) : ident(schema_) + "." + ident(table_);
}

std::vector<std::string> LockTableSql::create_table() const {
  return create_table_if_missing(dialect_, schema_, table_, lock_columns);
}

std::string LockTableSql::insert(const LockOwner& o) const {
  return "INSERT INTO " + qualified() + " (" + quoted_column_list(dialect_, lock_columns) + ") VALUES (" + literal(key_) + ", " + literal(o.host) + ", " +
         std::to_string(o.pid) + ", " + literal(o.token) + ", " + literal(o.started_at) + ", " +
         std::to_string(o.expires_at_ms) + ")";
}

std::string LockTableSql::select_owner() const {
  // Every column but the name, in table order: the order the owner is read back in.
  return "SELECT " + quoted_column_list(dialect_, std::span(lock_columns).subspan(1)) + " FROM " + qualified() + " WHERE " +
         ident("name") + " = " + literal(key_);
}

std::string LockTableSql::take_over(const LockOwner& dead, const LockOwner& me) const {
  return "UPDATE " + qualified() + " SET " + ident("owner_host") + " = " + literal(me.host) + ", " +
         ident("owner_pid") + " = " + std::to_string(me.pid) + ", " + ident("owner_token") + " = " +
         literal(me.token) + ", " + ident("started_at") + " = " + literal(me.started_at) + ", " +
         ident("expires_at_ms") + " = " + std::to_string(me.expires_at_ms) + where_mine(dead.token);
}

std::string LockTableSql::take_over_expired(const LockOwner& dead, const LockOwner& me, long long now_ms) const {
  return take_over(dead, me) + " AND " + ident("expires_at_ms") + " < " + std::to_string(now_ms);
}

std::string LockTableSql::renew(const std::string& token, long long expires_at_ms) const {
  return "UPDATE " + qualified() + " SET " + ident("expires_at_ms") + " = " + std::to_string(expires_at_ms) +
         where_mine(token);
}

std::string LockTableSql::remove(const std::string& token) const {
  return "DELETE FROM " + qualified() + where_mine(token);
}

std::string LockTableSql::where_mine(const std::string& token) const {
  return " WHERE " + ident("name") + " = " + literal(key_) + " AND " + ident("owner_token") + " = " + literal(token);
}

std::optional<LockOwner> LockTableSql::parse_owner(
    const std::vector<std::vector<std::optional<std::string>>>& rows) {
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  auto text = [&](std::size_t i) { return i < row.size() && row[i] ? *row[i] : std::string(); };
  auto number = [&](std::size_t i) -> long long {
    try {
      return std::stoll(text(i));
    } catch (...) {
      return 0;  // a row edited by hand into nonsense reads as long expired
    }
  };
  return LockOwner{text(0), number(1), text(2), text(3), number(4)};
}

}  // namespace host
