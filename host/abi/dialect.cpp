#include "host/abi/dialect.hpp"

#include <cstring>
#include <stdexcept>

#include "host/errors/error.hpp"
#include "host/abi/database_error.hpp"
#include "host/abi/error_report.hpp"
#include "host/abi/foreign_call.hpp"
#include "host/abi/function_table.hpp"
#include "host/abi/host_sinks.hpp"

namespace host {

namespace {

// Limits on what is read from the plugin's static strings: past them the
// pointer is taken to be garbage, not a scheme or a statement.
constexpr std::size_t max_schemes = 64;
constexpr std::size_t max_scheme = 256;
constexpr std::size_t max_static_sql = 4096;

retort_str borrow(std::string_view s) noexcept { return retort_str{s.data(), s.size()}; }

std::string static_text(const char* text, std::size_t cap, const char* fallback) {
  if (!text) return fallback;
  return std::string(text, ::strnlen(text, cap));
}

std::vector<std::string> static_schemes(const char* const* schemes) {
  std::vector<std::string> out;
  for (std::size_t i = 0; schemes && i < max_schemes && schemes[i]; ++i)
    out.emplace_back(schemes[i], ::strnlen(schemes[i], max_scheme));
  return out;
}

}  // namespace

Dialect::Dialect(LoadedPlugin plugin)
    : path_(plugin.path),  // copied: function_table_of() below names it when it refuses
      name_(std::move(plugin.name)),
      version_(std::move(plugin.version)),
      table_(plugin.functions),
      functions_(function_table_of<retort_dialect_v1>(plugin)),
      schemes_(static_schemes(functions_.schemes)),
      transactional_ddl_(functions_.transactional_ddl != 0),
      begin_sql_(static_text(functions_.begin_sql, max_static_sql, "BEGIN")),
      commit_sql_(static_text(functions_.commit_sql, max_static_sql, "COMMIT")),
      utc_now_sql_(static_text(functions_.utc_now_sql, max_static_sql, "")),
      session_lock_((functions_.capabilities & RETORT_DIALECT_SESSION_LOCK) != 0),
      file_url_((functions_.capabilities & RETORT_DIALECT_FILE_URL) != 0),
      rebuilds_tables_((functions_.capabilities & RETORT_DIALECT_REBUILDS_TABLES) != 0),
      drops_database_with_force_((functions_.capabilities & RETORT_DIALECT_DROP_DATABASE_FORCE) != 0),
      abi_minor_(plugin.abi_minor) {}

Dialect::~Dialect() = default;

std::unique_ptr<Connection> Dialect::connect(
    const std::string& url, const std::vector<std::pair<std::string, std::string>>& options) const {
  std::vector<retort_option> borrowed;
  borrowed.reserve(options.size());
  std::string_view password;
  for (const auto& [key, value] : options) {
    borrowed.push_back(retort_option{borrow(key), borrow(value)});
    if (key == "url.password") password = value;
  }
  retort_connect_params params{};
  params.struct_size = sizeof params;
  params.url = borrow(url);
  params.options = borrowed.data();
  params.option_count = borrowed.size();

  ErrorReport report;
  retort_connection* handle = nullptr;
  const int rc = call_plugin(name_, "connect", [&] { return functions_.connect(&params, &handle, report.get()); });
  report.check(rc, name_, "connect", password);
  if (!handle) plugin_error(name_ + ": connect succeeded but returned no connection");
  // Nothing between here and the Connection owning the handle may throw,
  // or the session would leak.
  try {
    return std::make_unique<Connection>(handle, table_, name_);
  } catch (...) {
    functions_.disconnect(handle);
    throw;
  }
}

namespace {

// What ABI 1.2 added to an operation: a dialect of an older minor reads only
// the fields it knows, and would render a table without its constraints or
// a foreign key without its ON UPDATE. New kinds it refuses by itself.
bool needs_abi_1_2(const retort_op& op) {
  if (op.constraint_count > 0) return true;
  for (std::size_t i = 0; i < op.column_count; ++i)
    if (op.columns[i]->on_update.size > 0 || op.columns[i]->generated_sql.size > 0) return true;
  return false;
}

}  // namespace

std::vector<std::string> Dialect::render(const retort_op& op) const {
  if (abi_minor_ < 2 && needs_abi_1_2(op))
    usage_error("the " + name_ + " dialect (" + path_.string() + ") has ABI 1." + std::to_string(abi_minor_) +
                " and cannot render table constraints, ON UPDATE or generated columns, which need 1.2: install a newer one");
  ErrorReport report;
  StatementCollector statements(name_);
  const int rc = call_plugin(name_, "render", [&] { return functions_.render(&op, statements.sink(), report.get()); });
  report.check(rc, name_, "render");
  return statements.take();
}

std::vector<std::string> Dialect::split(std::string_view script) const {
  ErrorReport report;
  StatementCollector statements(name_);
  const int rc = call_plugin(name_, "split", [&] { return functions_.split(borrow(script), statements.sink(), report.get()); });
  report.check(rc, name_, "split");
  return statements.take();
}

// Quoting can report no failure through the ABI; a quoted identifier or
// literal is never empty, so empty output means the plugin failed.
std::string Dialect::quote_identifier(std::string_view name) const {
  TextCollector text(name_);
  call_plugin(name_, "quote_identifier", [&] { functions_.quote_identifier(borrow(name), text.sink()); });
  std::string quoted = text.take();
  if (quoted.empty()) plugin_error(name_ + ": quote_identifier gave nothing for '" + std::string(name) + "'");
  return quoted;
}

std::string Dialect::quote_literal(std::string_view value) const {
  TextCollector text(name_);
  call_plugin(name_, "quote_literal", [&] { functions_.quote_literal(borrow(value), text.sink()); });
  std::string quoted = text.take();
  if (quoted.empty()) plugin_error(name_ + ": quote_literal gave nothing");
  return quoted;
}

}  // namespace host
