#include <sqlite/connection.hpp>

#include "sqlite/statement_handle.hpp"
#include "sqlite/text.hpp"

#include <sqlite/quote.hpp>
#include <sqlite/split.hpp>

#include <climits>

namespace retort::sqlite {
namespace {

// The statement that starts `rest`, shortened for a message. The splitter
// drops the comments in front of it; if it cannot (an unterminated quote),
// the raw text is good enough.
std::string excerpt(std::string_view rest) {
  try {
    auto statements = split_statements(rest);
    if (!statements.empty()) return text::shorten(statements.front());
  } catch (const failure&) {
  }
  return text::shorten(rest);
}

[[noreturn]] void statement_failed(sqlite3* db, int index, std::string_view rest) {
  // Messages count from 1 as people do; statement_index counts from 0.
  throw failure("statement " + std::to_string(index + 1) + " failed: " + sqlite3_errmsg(db) +
                    "; in: " + excerpt(rest),
                RETORT_ERROR_DATABASE, {}, sqlite3_extended_errcode(db), index);
}

void check_length(std::string_view sql) {
  if (sql.size() > static_cast<std::size_t>(INT_MAX))
    throw failure("the SQL text is larger than SQLite accepts (2 GiB)", RETORT_ERROR_USAGE);
}

}  // namespace

void sqlite_connection::execute(std::string_view sql) {
  check_length(sql);
  const char* tail = sql.data();
  const char* end = sql.data() + sql.size();
  int index = 0;  // statements only: whitespace and comments between them do not count
  while (tail != nullptr && tail < end) {
    const char* start = tail;
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db_, start, static_cast<int>(end - start), &raw, &tail);
    statement_handle statement(raw);
    std::string_view rest(start, static_cast<std::size_t>(end - start));
    if (rc != SQLITE_OK) statement_failed(db_, index, rest);
    if (!statement) continue;
    while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) statement_failed(db_, index, rest);
    ++index;
  }
}

void sqlite_connection::cancel() { sqlite3_interrupt(db_); }

void sqlite_connection::query_rows(std::string_view sql,
                                   const std::function<void(const row&)>& on_row) {
  check_length(sql);
  if (text::trim(sql).empty()) throw failure("query: the SQL holds no statement", RETORT_ERROR_USAGE);
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  statement_handle statement(raw);
  if (rc != SQLITE_OK) statement_failed(db_, 0, sql);
  if (!statement) throw failure("query: the SQL holds no statement", RETORT_ERROR_USAGE);
  std::string_view rest = tail ? std::string_view(tail, sql.size() - (tail - sql.data())) : "";
  if (!split_statements(rest).empty())
    throw failure("query runs one statement; found more: " + excerpt(rest), RETORT_ERROR_USAGE);

  int columns = sqlite3_column_count(statement.get());
  row values(static_cast<std::size_t>(columns));
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    for (int i = 0; i < columns; ++i) {
      if (sqlite3_column_type(statement.get(), i) == SQLITE_NULL) {
        values[i].reset();
        continue;
      }
      // text before bytes: the byte count is of the text conversion.
      auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), i));
      int size = sqlite3_column_bytes(statement.get(), i);
      values[i] = std::string_view(data ? data : "", static_cast<std::size_t>(size));
    }
    on_row(values);
  }
  if (rc != SQLITE_DONE) statement_failed(db_, 0, sql);
}

bool sqlite_connection::table_exists(std::string_view schema, std::string_view table) {
  bool main = schema.empty() || text::iequals(schema, "main");
  // A schema that is not attached holds no tables, as a missing schema does
  // in other engines; asking its catalog would be an error instead.
  if (!main && !has_row("SELECT 1 FROM pragma_database_list WHERE name = ?1 COLLATE NOCASE", schema))
    return false;
  std::string catalog = main ? "sqlite_master" : quote_identifier(schema) + ".sqlite_master";
  return has_row("SELECT 1 FROM " + catalog + " WHERE type = 'table' AND name = ?1 COLLATE NOCASE", table);
}

bool sqlite_connection::has_row(const std::string& sql, std::string_view parameter) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr);
  statement_handle statement(raw);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(statement.get(), 1, parameter.data(), static_cast<int>(parameter.size()),
                           SQLITE_TRANSIENT);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw failure("table_exists: " + std::string(sqlite3_errmsg(db_)), RETORT_ERROR_DATABASE, {},
                sqlite3_extended_errcode(db_));
}

}  // namespace retort::sqlite
