#include "host/abi/connection.hpp"

#include <utility>

#include "host/abi/database_error.hpp"
#include "host/abi/error_report.hpp"
#include "host/abi/function_table.hpp"
#include "host/abi/host_sinks.hpp"
#include "host/abi/schema_import.hpp"
#include "host/errors/error.hpp"

namespace host {

namespace {

retort_str borrow(std::string_view s) noexcept { return retort_str{s.data(), s.size()}; }

}  // namespace

Connection::Connection(retort_connection* handle, std::shared_ptr<const FunctionTable> table,
                       std::string dialect)
    : handle_(handle),
      table_(std::move(table)),
      functions_(std::get<retort_dialect_v1>(table_->table)),
      dialect_(std::move(dialect)) {}

Connection::~Connection() { functions_.disconnect(handle_); }

class Connection::Busy {
 public:
  explicit Busy(Connection& c) : c_(c) {
    std::lock_guard guard(c_.busy_mutex_);
    c_.busy_ = true;
  }
  ~Busy() {
    std::lock_guard guard(c_.busy_mutex_);
    c_.busy_ = false;
  }
  Busy(const Busy&) = delete;
  Busy& operator=(const Busy&) = delete;

 private:
  Connection& c_;
};

// Holding the mutex while the plugin cancels means the call it targets has
// not returned to the host yet, so the request cannot outlive it by more
// than the engine's own reply time.
void Connection::cancel() noexcept {
  if (!functions_.cancel) return;
  std::lock_guard guard(busy_mutex_);
  if (!busy_) return;
  ErrorReport ignored;
  try {
    functions_.cancel(handle_, ignored.get());
  } catch (...) {
    // A plugin that lets an exception out of cancel is not worth stopping for.
  }
}

void Connection::execute(std::string_view sql) {
  ErrorReport report;
  int rc;
  {
    Busy busy(*this);
    rc = functions_.execute(handle_, borrow(sql), report.get());
  }
  report.check(rc, dialect_, "execute");
}

std::vector<Connection::Row> Connection::query(std::string_view sql) {
  ErrorReport report;
  RowCollector rows(dialect_);
  int rc;
  {
    Busy busy(*this);
    rc = functions_.query(handle_, borrow(sql), rows.sink(), report.get());
  }
  report.check(rc, dialect_, "query");
  return rows.take();
}

void Connection::query_each(std::string_view sql, const std::function<void(const RowView&)>& each) {
  ErrorReport report;
  RowCollector rows(dialect_, each);
  int rc;
  {
    Busy busy(*this);
    rc = functions_.query(handle_, borrow(sql), rows.sink(), report.get());
  }
  rows.take();  // a failure of `each` first: it is why the plugin stopped early
  report.check(rc, dialect_, "query");
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

std::string Connection::session_lock_doubt() {
  if (!functions_.session_lock_doubt) return "";
  TextCollector why(dialect_);
  ErrorReport report;
  int rc;
  {
    Busy busy(*this);
    rc = functions_.session_lock_doubt(handle_, why.sink(), report.get());
  }
  report.check(rc, dialect_, "session_lock_doubt");
  return why.take();
}

schema::Schema Connection::read_schema(std::string_view schema, const std::vector<std::string>& skip) {
  if (!functions_.introspect)
    plugin_error("the " + dialect_ + " dialect cannot read a live schema (it has no introspect, which ABI 1.2 "
                 "added): install a newer one");
  std::vector<retort_str> skipped;
  for (const auto& name : skip) skipped.push_back(borrow(name));
  SchemaImport import(dialect_);
  ErrorReport report;
  int rc;
  {
    Busy busy(*this);
    rc = functions_.introspect(handle_, borrow(schema), skipped.data(), skipped.size(), import.sink(), report.get());
  }
  schema::Schema described = import.take();  // a host-side refusal explains itself better
  report.check(rc, dialect_, "introspect");
  return described;
}

}  // namespace host
