#include "postgresql/connection.hpp"

#include "postgresql/errors.hpp"
#include "postgresql/text.hpp"

#include <pqxx/connection>
#include <pqxx/errorhandler>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>

#include <cmath>
#include <utility>

namespace retort::postgresql {

// Server NOTICEs and WARNINGs ("table does not exist, skipping", ...) would
// otherwise go to stderr raw, interleaved with the host's log lines. The ABI
// has no channel for them, so they are dropped.
class postgresql_connection::notice_silencer final : public pqxx::errorhandler {
 public:
  explicit notice_silencer(pqxx::connection_base& conn) : pqxx::errorhandler(conn) {}
  bool operator()(const char[]) noexcept override { return false; }
};

// Declared in this order so they are destroyed in reverse: the transaction
// before the handler, the handler before the connection it is registered on.
class postgresql_connection::pqxx_state {
 public:
  explicit pqxx_state(const std::string& conninfo) : conn(conninfo), notices(conn) {}
  pqxx::connection conn;
  notice_silencer notices;
  std::unique_ptr<pqxx::work> tx;
  // A statement failed inside `tx`: the server ignores everything until the
  // rollback, and libpqxx has closed `tx`.
  bool tx_failed = false;
};

namespace {

// libpqxx 6 silently reconnects a broken connection at the next
// transaction. That would drop the session's advisory lock and SET values
// behind the host's back, so it is switched off; the call is deprecated only
// because libpqxx 7 removed reconnection altogether.
void forbid_reconnection(pqxx::connection_base& conn) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  conn.inhibit_reactivation(true);
#pragma GCC diagnostic pop
}

// A field as the SDK's row wants it: a view into the result, or nullopt for NULL.
std::optional<std::string_view> view_of(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return std::string_view(f.c_str(), f.size());
}

std::optional<std::string> text_of(const pqxx::field& f) {
  auto v = view_of(f);
  return v ? std::optional<std::string>(*v) : std::nullopt;
}

// A backend does not notice that its client died (kill -9, a lost host)
// until it next talks to it: a killed run's long statement would go on, and
// its transaction and advisory lock with it, blocking the next deploy. Since
// PostgreSQL 14 the server can poll the socket during a query; ask it to,
// once a second, unless the URL's options already chose an interval.
void abort_queries_of_dead_clients(pqxx::connection_base& conn) {
  if (conn.server_version() < 140000) return;
  pqxx::nontransaction t(conn);
  t.exec("SELECT set_config('client_connection_check_interval', '1s', false) "
         "WHERE current_setting('client_connection_check_interval') = '0'");
}

}  // namespace

postgresql_connection::postgresql_connection(const std::string& conninfo, std::string password, std::string default_schema,
                                             ddl_after_write_rule ddl_after_write)
    : password_(std::move(password)), default_schema_(std::move(default_schema)), ddl_after_write_(ddl_after_write) {
  try {
    pq_ = std::make_unique<pqxx_state>(conninfo);
  } catch (const pqxx::failure& e) {
    throw failure(connect_failure_message(e.what(), password_), RETORT_ERROR_DATABASE);
  }
  forbid_reconnection(pq_->conn);
  try {
    abort_queries_of_dead_clients(pq_->conn);
  } catch (const pqxx::pqxx_exception&) {
    rethrow_as_failure("SET client_connection_check_interval", password_);
  }
}

postgresql_connection::~postgresql_connection() = default;

void postgresql_connection::run(std::string_view statement, const std::function<void(pqxx::transaction_base&)>& body) {
  if (pq_->tx_failed)
    throw failure("the transaction was aborted by an earlier error; roll it back first (SQLSTATE 25P02)",
                  RETORT_ERROR_DATABASE, "25P02");
  if (pq_->tx) {
    try {
      ddl_after_write_.check(statement);
    } catch (const failure&) {
      // Refused as the simulated engine would refuse it: the transaction
      // is aborted, as after any server error.
      pq_->tx_failed = true;
      throw;
    }
  }
  try {
    if (pq_->tx) {
      try {
        body(*pq_->tx);
      } catch (const pqxx::pqxx_exception&) {
        pq_->tx_failed = true;
        throw;
      }
    } else {
      pqxx::nontransaction autocommit(pq_->conn);
      body(autocommit);
    }
  } catch (const pqxx::pqxx_exception&) {
    rethrow_as_failure(statement, password_);
  }
}

void postgresql_connection::execute(std::string_view sql) {
  const std::string script(sql);
  run(sql, [&](pqxx::transaction_base& t) { t.exec(script); });
}

void postgresql_connection::query_rows(std::string_view sql, const std::function<void(const row&)>& on_row) {
  const std::string statement(sql);
  run(sql, [&](pqxx::transaction_base& t) {
    const pqxx::result result = t.exec(statement);
    row values;
    values.reserve(result.columns());
    for (const auto& r : result) {
      values.clear();
      for (const auto& f : r) values.push_back(view_of(f));
      on_row(values);
    }
  });
}

void postgresql_connection::begin() {
  if (pq_->tx) throw failure("begin: a transaction is already open", RETORT_ERROR_USAGE);
  pq_->tx_failed = false;
  ddl_after_write_.began_transaction();
  try {
    pq_->tx = std::make_unique<pqxx::work>(pq_->conn);
  } catch (const pqxx::pqxx_exception&) {
    rethrow_as_failure("BEGIN", password_);
  }
}

void postgresql_connection::commit() {
  if (!pq_->tx) throw failure("commit: no transaction is open", RETORT_ERROR_USAGE);
  // Whatever happens, the transaction is over: a failed COMMIT rolls back.
  std::unique_ptr<pqxx::work> tx = std::move(pq_->tx);
  if (std::exchange(pq_->tx_failed, false))
    // PostgreSQL answers COMMIT of a failed transaction with a silent
    // ROLLBACK; the host must hear that nothing was committed.
    throw failure("commit: the transaction was aborted by an earlier error and has been rolled back",
                  RETORT_ERROR_DATABASE, "25P02");
  try {
    tx->commit();
  } catch (const pqxx::pqxx_exception&) {
    rethrow_as_failure("COMMIT", password_);
  }
}

void postgresql_connection::rollback() {
  if (!pq_->tx) return;
  std::unique_ptr<pqxx::work> tx = std::move(pq_->tx);
  pq_->tx_failed = false;
  try {
    tx->abort();
  } catch (const pqxx::pqxx_exception&) {
    rethrow_as_failure("ROLLBACK", password_);
  }
}

void postgresql_connection::lock(std::string_view key, double timeout_seconds) {
  if (std::isnan(timeout_seconds) || timeout_seconds < 0)
    throw failure("lock: the timeout must be zero or more seconds", RETORT_ERROR_USAGE);
  const std::int64_t id = advisory_lock_key(key);

  if (timeout_seconds == 0) {
    // lock_timeout = 0 means "wait forever", so "do not wait" is a try-lock.
    bool acquired = false;
    const std::string sql = "SELECT pg_catalog.pg_try_advisory_lock(" + std::to_string(id) + ")";
    run(sql, [&](pqxx::transaction_base& t) { acquired = t.exec(sql)[0][0].as<bool>(); });
    if (!acquired)
      throw failure(lock_timeout_message(key, timeout_seconds, find_lock_holder(id)), RETORT_ERROR_LOCK_TIMEOUT);
    return;
  }

  const std::string set_timeout = "SET lock_timeout = '" + lock_timeout_setting(timeout_seconds) + "'";
  run(set_timeout, [&](pqxx::transaction_base& t) { t.exec(set_timeout); });
  const std::string sql = "SELECT pg_catalog.pg_advisory_lock(" + std::to_string(id) + ")";
  try {
    run(sql, [&](pqxx::transaction_base& t) { t.exec(sql); });
  } catch (const failure& f) {
    reset_lock_timeout();
    if (f.sqlstate() != "55P03") throw;
    throw failure(lock_timeout_message(key, timeout_seconds, find_lock_holder(id)), RETORT_ERROR_LOCK_TIMEOUT,
                  f.sqlstate());
  }
  reset_lock_timeout();
}

// Back to the session's own value (the server's, or one set through the
// URL's `options`), so later DDL waits for table locks as the user expects.
// Inside a transaction the failed lock already aborted, the SET is undone by
// the rollback, and the RESET cannot run: its failure is ignored.
void postgresql_connection::reset_lock_timeout() noexcept {
  try {
    run("RESET lock_timeout", [](pqxx::transaction_base& t) { t.exec("RESET lock_timeout"); });
  } catch (...) {
  }
}

std::optional<lock_holder> postgresql_connection::find_lock_holder(std::int64_t key) {
  // An aborted transaction cannot answer; the message then says less.
  if (pq_->tx) return std::nullopt;
  const advisory_lock_ids ids = lock_ids(key);
  std::optional<lock_holder> holder;
  try {
    pqxx::nontransaction t(pq_->conn);
    const pqxx::result r = t.exec_params(
        "SELECT a.pid::text, a.application_name,"
        "       CASE WHEN a.client_port = -1 THEN 'unix socket' ELSE host(a.client_addr) END,"
        "       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        "  FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
        "   AND l.classid = $1::oid AND l.objid = $2::oid"
        "   AND l.database = (SELECT oid FROM pg_catalog.pg_database"
        "                      WHERE datname = pg_catalog.current_database())"
        " LIMIT 1",
        std::to_string(ids.classid), std::to_string(ids.objid));
    if (r.empty()) return std::nullopt;
    holder = lock_holder{r[0][0].c_str(), text_of(r[0][1]), text_of(r[0][2]), text_of(r[0][3])};
  } catch (const pqxx::pqxx_exception&) {
    return std::nullopt;  // the timeout is what matters; who holds it is a courtesy
  }
  return holder;
}

void postgresql_connection::unlock(std::string_view key) {
  const std::string sql = "SELECT pg_catalog.pg_advisory_unlock(" + std::to_string(advisory_lock_key(key)) + ")";
  run(sql, [&](pqxx::transaction_base& t) { t.exec(sql); });
}

// libpq's backend pid is the one the server gave at connection start; a
// pooler (PgBouncer) answers that itself, and later runs the statements on
// server sessions of its own, so the two differ exactly when one sits between.
std::string postgresql_connection::session_lock_doubt() {
  std::string server_pid;
  const std::string sql = "SELECT pg_catalog.pg_backend_pid()";
  run(sql, [&](pqxx::transaction_base& t) { server_pid = t.exec(sql)[0][0].c_str(); });
  const std::string given_pid = std::to_string(pq_->conn.backendpid());
  if (server_pid == given_pid) return {};
  return "a connection pooler sits between retort and PostgreSQL (the server session answering is pid " +
         server_pid + ", the connection was opened as pid " + given_pid +
         "), so the next transaction may run on another server session without the advisory lock";
}

void postgresql_connection::cancel() {
  try {
    pq_->conn.cancel_query();
  } catch (const pqxx::failure& e) {
    throw failure(scrub("cancel request failed: " + one_line(e.what()), password_), RETORT_ERROR_DATABASE);
  }
}

bool postgresql_connection::table_exists(std::string_view schema, std::string_view table) {
  const std::string wanted_schema(schema.empty() ? std::string_view(default_schema_) : schema);
  static const std::string sql =
      "SELECT 1 FROM pg_catalog.pg_class c"
      "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      " WHERE c.relname = $2 AND c.relkind IN ('r', 'p')"
      "   AND n.nspname = COALESCE(NULLIF($1, ''), pg_catalog.current_schema())";
  bool exists = false;
  run(sql, [&](pqxx::transaction_base& t) {
    exists = !t.exec_params(sql, wanted_schema, std::string(table)).empty();
  });
  return exists;
}

}  // namespace retort::postgresql
