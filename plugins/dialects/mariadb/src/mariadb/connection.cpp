#include "mariadb/connection.hpp"

#include "mariadb/shorten.hpp"
#include "mariadb/split.hpp"

#include <mysql.h>

#include <cstddef>
#include <mutex>
#include <vector>

namespace retort::mariadb {
namespace {

// mysql_init() initialises the library on first use, which is not thread
// safe; doing it once here is.
void init_library_once() {
  static std::once_flag once;
  std::call_once(once, [] { mysql_library_init(0, nullptr, nullptr); });
}

struct result_free {
  void operator()(MYSQL_RES* r) const noexcept { mysql_free_result(r); }
};
using result_ptr = std::unique_ptr<MYSQL_RES, result_free>;

void set_option(MYSQL* db, mysql_option option, const void* value, const char* what) {
  if (mysql_optionsv(db, option, value) != 0)
    throw failure(std::string("Connector/C refused the option ") + what, RETORT_ERROR_USAGE);
}

void apply_options(MYSQL* db, const connect_settings& s) {
  const my_bool off = 0, on = 1;
  set_option(db, MYSQL_OPT_RECONNECT, &off, "reconnect");
  set_option(db, MYSQL_SET_CHARSET_NAME, s.charset.c_str(), "charset");
  if (s.connect_timeout)
    set_option(db, MYSQL_OPT_CONNECT_TIMEOUT, &*s.connect_timeout, "connect_timeout");
  if (s.read_timeout) set_option(db, MYSQL_OPT_READ_TIMEOUT, &*s.read_timeout, "read_timeout");
  if (s.write_timeout) set_option(db, MYSQL_OPT_WRITE_TIMEOUT, &*s.write_timeout, "write_timeout");
  if (s.ssl) set_option(db, MYSQL_OPT_SSL_ENFORCE, &on, "ssl");
  if (s.ssl_ca) set_option(db, MYSQL_OPT_SSL_CA, s.ssl_ca->c_str(), "ssl_ca");
  if (s.ssl_cert) set_option(db, MYSQL_OPT_SSL_CERT, s.ssl_cert->c_str(), "ssl_cert");
  if (s.ssl_key) set_option(db, MYSQL_OPT_SSL_KEY, s.ssl_key->c_str(), "ssl_key");
  if (s.ssl_verify_server_cert)
    set_option(db, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, *s.ssl_verify_server_cert ? &on : &off,
               "ssl_verify_server_cert");
}

const char* c_str_or_null(const std::optional<std::string>& s) {
  return s ? s->c_str() : nullptr;
}

// The server refuses a quoted number for a numeric variable ('60' for
// wait_timeout is error 1232), so a plain decimal number goes bare; it
// cannot end the statement either.
bool is_plain_number(const std::string& value) {
  std::size_t i = value.size() > 1 && value[0] == '-' ? 1 : 0;
  const std::size_t digits_from = i;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i == value.size()) return true;
  if (value[i] != '.' || i + 1 == value.size()) return false;
  for (++i; i < value.size(); ++i)
    if (value[i] < '0' || value[i] > '9') return false;
  return true;
}

// A URL parameter's value as a message shows it: control bytes as \xHH,
// at most 80 bytes.
std::string shown_value(const std::string& value) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (char c : value.substr(0, 80)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    } else {
      out += c;
    }
  }
  if (value.size() > 80) out += "...";
  return out;
}

}  // namespace

void mariadb_connection::closer::operator()(st_mysql* db) const noexcept { mysql_close(db); }

mariadb_connection::mariadb_connection(const connect_settings& s)
    : password_(s.password.value_or("")), database_(s.database.value_or("")) {
  init_library_once();
  db_.reset(mysql_init(nullptr));
  if (!db_) throw failure("Connector/C could not allocate a connection", RETORT_ERROR_PLUGIN);
  apply_options(db_.get(), s);
  if (!mysql_real_connect(db_.get(), s.host.c_str(), c_str_or_null(s.user),
                          c_str_or_null(s.password), c_str_or_null(s.database), s.port,
                          c_str_or_null(s.socket), CLIENT_MULTI_STATEMENTS)) {
    std::string context = "cannot connect to MariaDB at " + s.endpoint();
    if (s.user) context += " as " + *s.user;
    if (s.database) context += " (database " + *s.database + ")";
    fail_last(context);
  }
  set_session_variables(s);
}

// In URL order, so a later parameter sees an earlier one (a sql_mode with
// NO_BACKSLASH_ESCAPES changes how the values after it are escaped, which
// literal() follows). The server's refusal (an unknown variable, a value it
// does not take) is a configuration error, exit 2 as for an unknown client
// option; a lost connection stays a database error.
void mariadb_connection::set_session_variables(const connect_settings& s) {
  for (const auto& [name, value] : s.session_variables) {
    const std::string sql =
        "SET SESSION " + name + " = " + (is_plain_number(value) ? value : literal(value));
    if (mysql_real_query(db_.get(), sql.data(), sql.size()) == 0) continue;
    failure f = last_error("URL parameter " + name + "=" + shown_value(value) + ": SET SESSION failed");
    if ((f.flags() & RETORT_ERROR_FLAG_CONNECTION_LOST) != 0) throw f;
    throw failure(f.what(), RETORT_ERROR_USAGE, f.sqlstate(), f.native_code());
  }
}

mariadb_connection::~mariadb_connection() = default;

std::string mariadb_connection::scrub(std::string message) const {
  if (password_.empty()) return message;
  for (std::size_t at = message.find(password_); at != std::string::npos;
       at = message.find(password_, at + 3))
    message.replace(at, password_.size(), "***");
  return message;
}

failure mariadb_connection::last_error(const std::string& context, int statement_index,
                                       const std::string& suffix) const {
  MYSQL* db = db_.get();
  const int code = static_cast<int>(mysql_errno(db));
  // Connector/C reports a lost server (2006 gone away, 2013 lost during a
  // query, 2055 lost at a handshake step) as HY000; the standard class for
  // it is 08, which is how the host tells a lost session from a refusal.
  const bool lost = code == 2006 || code == 2013 || code == 2055;
  const std::string sqlstate = lost ? "08S01" : mysql_sqlstate(db);
  std::string message = context + ": " + mysql_error(db) + " (error " + std::to_string(code) +
                        ", SQLSTATE " + sqlstate + ")" + suffix;
  return failure(scrub(std::move(message)), RETORT_ERROR_DATABASE, sqlstate, code,
                 statement_index, lost ? RETORT_ERROR_FLAG_CONNECTION_LOST : 0u);
}

void mariadb_connection::fail_last(const std::string& context) const {
  throw last_error(context);
}

void mariadb_connection::send(std::string_view sql, const std::string& context) {
  if (mysql_real_query(db_.get(), sql.data(), sql.size()) != 0) fail_last(context);
}

void mariadb_connection::drain_quietly() noexcept {
  MYSQL* db = db_.get();
  while (mysql_more_results(db) && mysql_next_result(db) == 0)
    if (MYSQL_RES* r = mysql_store_result(db)) mysql_free_result(r);
}

namespace {

// The server rejects what the mysql client silently skips: DELIMITER lines
// and empty statements (`;;`, a comment alone between two semicolons).
// Such scripts run statement by statement, as the client would send them.
bool server_takes_whole(const script_layout& layout) {
  if (layout.has_delimiter_lines) return false;
  bool seen_empty = false;
  for (const script_piece& p : layout.pieces) {
    if (p.significant && seen_empty) return false;
    seen_empty = seen_empty || !p.significant;
  }
  return true;  // comments after the last statement are fine
}

}  // namespace

void mariadb_connection::execute(std::string_view sql) {
  const script_layout layout = scan_script(sql);
  std::vector<std::string_view> statements;
  for (const script_piece& p : layout.pieces)
    if (p.significant) statements.push_back(p.text);
  if (statements.empty()) return;  // the server would answer "Query was empty"
  if (server_takes_whole(layout)) {
    run_script(sql, std::nullopt);
    return;
  }
  for (std::size_t i = 0; i < statements.size(); ++i)
    run_script(statements[i], static_cast<int>(i));
}

// The server counts one result per piece between semicolons. Failures
// report split()'s number for the piece, so the host can relate it to what
// it split; a statement sent alone is one unit whatever ';' it holds
// (`outer_index`).
void mariadb_connection::run_script(std::string_view sql, std::optional<int> outer_index) {
  MYSQL* db = db_.get();
  std::size_t piece = 0;
  int status = mysql_real_query(db, sql.data(), sql.size());
  while (status == 0) {
    result_ptr result(mysql_store_result(db));
    if (!result && mysql_field_count(db) != 0) {
      status = 1;
      break;
    }
    status = mysql_next_result(db);
    if (status == -1) return;
    ++piece;
  }

  const script_layout layout = scan_script(sql);
  int index = outer_index.value_or(-1);
  std::string statement;
  if (piece < layout.pieces.size() && layout.pieces[piece].significant) {
    if (!outer_index) {
      index = 0;
      for (std::size_t i = 0; i < piece; ++i) index += layout.pieces[i].significant ? 1 : 0;
    }
    statement = shorten_statement(layout.pieces[piece].text);
  } else if (outer_index) {
    statement = shorten_statement(sql);
  }
  const std::string context = index >= 0 ? "statement " + std::to_string(index + 1) + " failed"
                                         : "the script failed";
  failure error = last_error(context, index, statement.empty() ? "" : "; statement: " + statement);
  drain_quietly();
  throw error;
}

void mariadb_connection::query_rows(std::string_view sql,
                                    const std::function<void(const row&)>& on_row) {
  MYSQL* db = db_.get();
  const std::string statement = "; statement: " + shorten_statement(sql);
  if (mysql_real_query(db, sql.data(), sql.size()) != 0)
    throw last_error("query failed", -1, statement);
  result_ptr result(mysql_store_result(db));
  if (!result && mysql_field_count(db) != 0) throw last_error("query failed", -1, statement);
  try {
    if (result) {
      const unsigned columns = mysql_num_fields(result.get());
      row values(columns);
      while (MYSQL_ROW r = mysql_fetch_row(result.get())) {
        const unsigned long* lengths = mysql_fetch_lengths(result.get());
        for (unsigned i = 0; i < columns; ++i)
          values[i] = r[i] ? std::optional<std::string_view>(std::string_view(r[i], lengths[i]))
                           : std::nullopt;
        on_row(values);
      }
    }
  } catch (...) {
    result.reset();
    drain_quietly();
    throw;
  }
  result.reset();
  // One statement is expected; should the text hold more, their results are
  // read so the connection stays usable, and their errors reported.
  while (mysql_more_results(db)) {
    if (mysql_next_result(db) > 0) throw last_error("query failed", -1, statement);
    result.reset(mysql_store_result(db));
  }
}

std::optional<std::string> mariadb_connection::query_value(std::string_view sql) {
  std::optional<std::string> value;
  bool first = true;
  query_rows(sql, [&](const row& r) {
    if (first && !r.empty() && r[0]) value = std::string(*r[0]);
    first = false;
  });
  return value;
}

std::string mariadb_connection::literal(std::string_view value) const {
  std::string out(value.size() * 2 + 3, '\0');
  out[0] = '\'';
  unsigned long n = mysql_real_escape_string(db_.get(), &out[1], value.data(), value.size());
  out.resize(n + 1);
  out += '\'';
  return out;
}

void mariadb_connection::begin() { send("START TRANSACTION", "START TRANSACTION failed"); }
void mariadb_connection::commit() { send("COMMIT", "COMMIT failed"); }
void mariadb_connection::rollback() { send("ROLLBACK", "ROLLBACK failed"); }

// On a Galera node GET_LOCK is the node's own: a run on another node of the
// cluster does not see it.
std::string mariadb_connection::session_lock_doubt() {
  std::optional<std::string> on = query_value("SELECT @@global.wsrep_on");
  if (!on || (*on != "1" && *on != "ON")) return {};
  return "this is a node of a Galera cluster (wsrep_on = ON), whose GET_LOCK holds on this node only";
}

bool mariadb_connection::table_exists(std::string_view schema, std::string_view table) {
  const std::string in_schema = schema.empty() ? "DATABASE()" : literal(schema);
  std::optional<std::string> count =
      query_value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                  in_schema + " AND TABLE_NAME = " + literal(table));
  return count && *count != "0";
}

}  // namespace retort::mariadb
