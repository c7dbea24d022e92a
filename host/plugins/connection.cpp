#include "host/plugins/connection.hpp"

#include <utility>

#include "host/plugins/database_error.hpp"
#include "host/plugins/host_sinks.hpp"

namespace host {

namespace {

retort_str borrow(std::string_view s) noexcept { return retort_str{s.data(), s.size()}; }

}  // namespace

Connection::Connection(retort_connection* handle, const retort_dialect_v1& functions,
                       std::string dialect)
    : handle_(handle), functions_(functions), dialect_(std::move(dialect)) {}

Connection::~Connection() { functions_.disconnect(handle_); }

void Connection::execute(std::string_view sql) {
  ErrorReport report;
  report.check(functions_.execute(handle_, borrow(sql), report.get()), dialect_, "execute");
}

std::vector<Connection::Row> Connection::query(std::string_view sql) {
  ErrorReport report;
  RowCollector rows(dialect_);
  const int rc = functions_.query(handle_, borrow(sql), rows.sink(), report.get());
  report.check(rc, dialect_, "query");
  return rows.take();
}

void Connection::begin() {
  ErrorReport report;
  report.check(functions_.begin(handle_, report.get()), dialect_, "begin");
}

void Connection::commit() {
  ErrorReport report;
  report.check(functions_.commit(handle_, report.get()), dialect_, "commit");
}

void Connection::rollback() {
  ErrorReport report;
  report.check(functions_.rollback(handle_, report.get()), dialect_, "rollback");
}

void Connection::lock(std::string_view key, double timeout_seconds) {
  ErrorReport report;
  report.check(functions_.lock(handle_, borrow(key), timeout_seconds, report.get()), dialect_, "lock");
}

void Connection::unlock(std::string_view key) {
  ErrorReport report;
  report.check(functions_.unlock(handle_, borrow(key), report.get()), dialect_, "unlock");
}

bool Connection::table_exists(std::string_view schema, std::string_view table) {
  ErrorReport report;
  int exists = 0;
  const int rc = functions_.table_exists(handle_, borrow(schema), borrow(table), &exists, report.get());
  report.check(rc, dialect_, "table_exists");
  return exists != 0;
}

}  // namespace host
