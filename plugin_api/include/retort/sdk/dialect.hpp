// retort/sdk/dialect.hpp: write a dialect plugin as a C++ class.
//
// Derive from retort::dialect (rendering, no connection) and
// retort::connection (a live session), then export it once:
//
//   class my_dialect : public retort::dialect { ... };
//   RETORT_DIALECT_PLUGIN(my_dialect, "mydb", "1.0.0", "mydb")
//
// Throw retort::failure (or any exception) from any member: the adapter
// below catches it at the ABI boundary and reports it to the host.
//
// Adding a dialect, every step (plugins/dialects/sqlite is the model):
//  1. plugins/dialects/NAME/: CMakeLists.txt with a static library
//     retort_NAME_dialect (what the tests link) and retort_add_plugin(retort_NAME
//     SOURCES src/plugin.cpp); in this tree retort_ship_plugin(retort_NAME
//     PACKAGE NAME SCHEMES scheme...), where the schemes are declared once.
//     A README saying what the engine does differently. src/plugin.cpp holds
//     only RETORT_DIALECT_PLUGIN; src/NAME/ the rest: dialect.cpp (this
//     class; capabilities() says if the lock is the server session's or the
//     URL names a file), connection.cpp (retort::connection), render.cpp (a
//     retort::sql_renderer overriding what the engine spells its own way;
//     types through vocabulary.hpp's spell_type), quote.cpp, split.cpp
//     (statements of a script, with the engine's quoting).
//  2. An option RETORT_WITH_NAME and its add_subdirectory in the top CMakeLists.txt.
//  3. tests/conformance: the dialect's column in every row of
//     operation_table.cpp, its plugin in CMakeLists.txt, and a live test
//     against a server scripts/test.sh starts (scripts/lib/NAME.sh).
//  4. tests/NAME: connection, lock, split and error tests of its own.
//  5. tests/integration/engines.cpp: the engine, so every scenario runs on it.
//  6. packaging/: the retort-NAME package; README's install line and exit
//     codes table if the URL form is new.
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/fitted_op.hpp>
#include <retort/sdk/ops.hpp>
#include <retort/sdk/schema_out.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the revision registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

/// Where rendered or split statements go.
class statement_out {
 public:
  explicit statement_out(const retort_statement_sink* sink) noexcept : sink_(sink) {}
  void operator()(std::string_view statement) const {
    sink_->statement(sink_->context, statement.data(), statement.size());
  }

 private:
  const retort_statement_sink* sink_;
};

/// One query row: std::nullopt is SQL NULL. Views are valid during the callback.
using row = std::vector<std::optional<std::string_view>>;

/// A live session with the database, owned by the host through the ABI.
class connection {
 public:
  virtual ~connection() = default;
  /// Runs a script of one or more statements.
  virtual void execute(std::string_view sql) = 0;
  /// Runs one statement; calls `on_row` for each row.
  template <class OnRow>
  void query(std::string_view sql, OnRow&& on_row) {
    query_rows(sql, [&](const row& r) { on_row(r); });
  }
  virtual void query_rows(std::string_view sql, const std::function<void(const row&)>& on_row) = 0;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// Takes the migration lock; throw failure(..., RETORT_ERROR_LOCK_TIMEOUT) on timeout.
  virtual void lock(std::string_view key, double timeout_seconds) = 0;
  virtual void unlock(std::string_view key) = 0;
  virtual bool table_exists(std::string_view schema, std::string_view table) = 0;
  /// ABI 1.1: asks the server to stop the statement execute() or
  /// query_rows() is running on another thread (see `cancel` in abi.h); it
  /// must touch nothing those calls use unsynchronised. The default cannot
  /// cancel: the statement runs to its end.
  virtual void cancel() {}
  /// ABI 1.2: describes the live schema `schema` (empty: the default one) to
  /// `out`, leaving out the tables named in `skip` (see introspect in abi.h).
  /// The default cannot.
  virtual void introspect(std::string_view schema, const std::vector<std::string>& skip, schema_out& out) {
    (void)schema, (void)skip, (void)out;
    throw failure("this dialect cannot read a live schema", RETORT_ERROR_USAGE);
  }
  /// ABI 1.2: "" when lock() on this connection excludes every other session
  /// of the database; else why not, in one line (see session_lock_doubt in
  /// abi.h). The default trusts the lock.
  virtual std::string session_lock_doubt() { return {}; }
};

/// Connection options given by the host: url.user, url.password, url.host,
/// url.port, url.database, param.NAME, version_table_schema (see abi.h).
using options = std::vector<std::pair<std::string, std::string>>;

/// The value of option `key`, if the host gave it.
inline std::optional<std::string> option(const options& opts, std::string_view key) {
  for (const auto& [k, v] : opts)
    if (k == key) return v;
  return std::nullopt;
}

/// The engine-specific, connection-free half: rendering and quoting.
class dialect {
 public:
  virtual ~dialect() = default;
  /// URL schemes this dialect answers, NULL-terminated, static storage.
  /// nullptr (the default): the schemes RETORT_DIALECT_PLUGIN names, which
  /// is where a dialect should declare them, once.
  virtual const char* const* schemes() const noexcept { return nullptr; }
  virtual bool transactional_ddl() const noexcept = 0;
  virtual const char* begin_sql() const noexcept { return "BEGIN"; }
  virtual const char* commit_sql() const noexcept { return "COMMIT"; }
  /// ABI 1.2: RETORT_DIALECT_* flags (RETORT_DIALECT_SESSION_LOCK,
  /// RETORT_DIALECT_FILE_URL).
  virtual std::uint32_t capabilities() const noexcept { return 0; }
  /// ABI 1.2: the current UTC time as ISO 8601 text with milliseconds, an
  /// SQL expression (see utc_now_sql in abi.h); nullptr: none.
  virtual const char* utc_now_sql() const noexcept { return nullptr; }

  virtual std::unique_ptr<connection> connect(std::string_view url, const options& opts) = 0;
  /// `op` has been read through fitted_op: every field this SDK declares is
  /// there (zero where the sender's minor lacks it), arrays are non-null.
  virtual void render(const retort_op& op, const statement_out& out) = 0;
  virtual void split(std::string_view script, const statement_out& out) = 0;
  virtual std::string quote_identifier(std::string_view name) const = 0;
  virtual std::string quote_literal(std::string_view value) const = 0;
};

namespace detail {

template <class Dialect>
Dialect& dialect_instance() {
  static Dialect instance;
  return instance;
}

inline connection& as_connection(retort_connection* c) {
  return *reinterpret_cast<connection*>(c);
}

template <class Dialect>
struct dialect_adapter {
  static int connect(const retort_connect_params* p, retort_connection** out, retort_error* err) {
    return guard(err, [&] {
      options opts;
      for (std::size_t i = 0; i < p->option_count; ++i)
        opts.emplace_back(std::string(view(p->options[i].key)), std::string(view(p->options[i].value)));
      *out = reinterpret_cast<retort_connection*>(
          dialect_instance<Dialect>().connect(view(p->url), opts).release());
    });
  }
  static void disconnect(retort_connection* c) {
    retort_error ignored{};
    guard(&ignored, [&] { delete reinterpret_cast<connection*>(c); });
  }
  static int execute(retort_connection* c, retort_str sql, retort_error* err) {
    return guard(err, [&] { as_connection(c).execute(view(sql)); });
  }
  static int query(retort_connection* c, retort_str sql, const retort_row_sink* rows, retort_error* err) {
    return guard(err, [&] {
      std::vector<retort_str> values;
      as_connection(c).query_rows(view(sql), [&](const row& r) {
        values.clear();
        for (const auto& v : r) values.push_back(v ? str(*v) : retort_str{nullptr, 0});
        rows->row(rows->context, values.data(), values.size());
      });
    });
  }
  static int begin(retort_connection* c, retort_error* err) {
    return guard(err, [&] { as_connection(c).begin(); });
  }
  static int commit(retort_connection* c, retort_error* err) {
    return guard(err, [&] { as_connection(c).commit(); });
  }
  static int rollback(retort_connection* c, retort_error* err) {
    return guard(err, [&] { as_connection(c).rollback(); });
  }
  static int lock(retort_connection* c, retort_str key, double timeout, retort_error* err) {
    return guard(err, [&] { as_connection(c).lock(view(key), timeout); });
  }
  static int unlock(retort_connection* c, retort_str key, retort_error* err) {
    return guard(err, [&] { as_connection(c).unlock(view(key)); });
  }
  static int table_exists(retort_connection* c, retort_str schema, retort_str table, int* exists,
                          retort_error* err) {
    return guard(err, [&] { *exists = as_connection(c).table_exists(view(schema), view(table)) ? 1 : 0; });
  }
  static int introspect(retort_connection* c, retort_str schema, const retort_str* skip, std::size_t skip_count,
                        const retort_schema_sink* out, retort_error* err) {
    return guard(err, [&] {
      if (out == nullptr || (skip_count > 0 && skip == nullptr))
        throw failure("introspect: a null sink or skip list", RETORT_ERROR_PLUGIN);
      std::vector<std::string> skipped;
      for (std::size_t i = 0; i < skip_count; ++i) skipped.emplace_back(view(skip[i]));
      schema_out sink(out);
      as_connection(c).introspect(view(schema), skipped, sink);
    });
  }
  static int session_lock_doubt(retort_connection* c, const retort_text_sink* why, retort_error* err) {
    return guard(err, [&] {
      if (why == nullptr) throw failure("session_lock_doubt: a null sink", RETORT_ERROR_PLUGIN);
      const std::string doubt = as_connection(c).session_lock_doubt();
      if (!doubt.empty()) why->write(why->context, doubt.data(), doubt.size());
    });
  }
  static int cancel(retort_connection* c, retort_error* err) {
    return guard(err, [&] { as_connection(c).cancel(); });
  }
  static int render(const retort_op* op, const retort_statement_sink* out, retort_error* err) {
    return guard(err, [&] {
      if (op == nullptr) throw failure("render: the operation is a null pointer", RETORT_ERROR_PLUGIN);
      const fitted_op local(*op);  // every dialect reads operations the same way
      dialect_instance<Dialect>().render(local.get(), statement_out(out));
    });
  }
  static int split(retort_str script, const retort_statement_sink* out, retort_error* err) {
    return guard(err, [&] { dialect_instance<Dialect>().split(view(script), statement_out(out)); });
  }
  static void quote_identifier(retort_str name, const retort_text_sink* out) {
    retort_error ignored{};
    guard(&ignored, [&] {
      std::string q = dialect_instance<Dialect>().quote_identifier(view(name));
      out->write(out->context, q.data(), q.size());
    });
  }
  static void quote_literal(retort_str value, const retort_text_sink* out) {
    retort_error ignored{};
    guard(&ignored, [&] {
      std::string q = dialect_instance<Dialect>().quote_literal(view(value));
      out->write(out->context, q.data(), q.size());
    });
  }

  // "postgresql,postgres" as the NULL-terminated array the ABI wants.
  static const char* const* listed_schemes(const char* comma_separated) {
    static const std::vector<std::string> words = [&] {
      std::vector<std::string> out;
      std::string_view rest(comma_separated);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (comma != 0) out.emplace_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      return out;
    }();
    static const std::vector<const char*> pointers = [] {
      std::vector<const char*> out;
      for (const auto& w : words) out.push_back(w.c_str());
      out.push_back(nullptr);
      return out;
    }();
    return pointers.data();
  }

  static const retort_plugin_descriptor* descriptor(const char* name, const char* version, const char* schemes) {
    static const retort_dialect_v1 functions = [&] {
      Dialect& d = dialect_instance<Dialect>();
      retort_dialect_v1 f{};
      f.struct_size = sizeof f;
      f.schemes = d.schemes() ? d.schemes() : listed_schemes(schemes);
      f.transactional_ddl = d.transactional_ddl() ? 1 : 0;
      f.begin_sql = d.begin_sql();
      f.commit_sql = d.commit_sql();
      f.connect = &connect;
      f.disconnect = &disconnect;
      f.execute = &execute;
      f.query = &query;
      f.begin = &begin;
      f.commit = &commit;
      f.rollback = &rollback;
      f.lock = &lock;
      f.unlock = &unlock;
      f.table_exists = &table_exists;
      f.render = &render;
      f.split = &split;
      f.quote_identifier = &quote_identifier;
      f.quote_literal = &quote_literal;
      f.cancel = &cancel;
      f.capabilities = d.capabilities();
      f.utc_now_sql = d.utc_now_sql();
      f.introspect = &introspect;
      f.session_lock_doubt = &session_lock_doubt;
      return f;
    }();
    static const retort_plugin_descriptor d{sizeof(retort_plugin_descriptor), RETORT_ABI_MAJOR,
                                            RETORT_ABI_MINOR, RETORT_PLUGIN_DIALECT, name, version,
                                            &functions};
    return &d;
  }
};

}  // namespace detail
}  // namespace retort
#pragma GCC visibility pop

/// Exports `Class` (a retort::dialect) as this plugin; `schemes` is a
/// comma-separated string literal of the URL schemes it answers, e.g. "postgresql,postgres".
#define RETORT_DIALECT_PLUGIN(Class, name, version, schemes)                         \
  RETORT_PLUGIN_NOTE("dialect", name, version, " schemes=" schemes);                                      \
  RETORT_EXPORT const retort_plugin_descriptor* retort_plugin_entry(void) {          \
    return ::retort::detail::dialect_adapter<Class>::descriptor(name, version, schemes); \
  }
