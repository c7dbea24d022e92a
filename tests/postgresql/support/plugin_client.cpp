#include "support/plugin_client.hpp"

#include <dlfcn.h>

#include <stdexcept>

#ifndef RETORT_POSTGRESQL_PLUGIN
#error "RETORT_POSTGRESQL_PLUGIN must name the built plugin file"
#endif

namespace pgtest {
namespace {

retort_str s(const std::string& text) { return retort_str{text.data(), text.size()}; }

void collect_statement(void* context, const char* data, std::size_t size) {
  static_cast<std::vector<std::string>*>(context)->emplace_back(data, size);
}

void collect_text(void* context, const char* data, std::size_t size) {
  static_cast<std::string*>(context)->append(data, size);
}

void collect_row(void* context, const retort_str* values, std::size_t count) {
  text_row row;
  for (std::size_t i = 0; i < count; ++i)
    row.push_back(values[i].data ? std::optional<std::string>(std::string(values[i].data, values[i].size))
                                 : std::nullopt);
  static_cast<std::vector<text_row>*>(context)->push_back(std::move(row));
}

template <class Call>
outcome call(Call&& c) {
  outcome o;
  o.rc = c(&o.error);
  return o;
}

}  // namespace

const retort_plugin_descriptor& plugin_descriptor() {
  static const retort_plugin_descriptor* descriptor = [] {
    // Kept loaded for the whole test run, as the host keeps its plugins.
    void* handle = dlopen(RETORT_POSTGRESQL_PLUGIN, RTLD_NOW | RTLD_LOCAL);
    if (!handle) throw std::runtime_error(std::string("cannot load the plugin: ") + dlerror());
    void* entry = dlsym(handle, RETORT_ENTRY_SYMBOL);
    if (!entry) throw std::runtime_error(std::string("no entry symbol: ") + dlerror());
    return reinterpret_cast<retort_plugin_entry_fn>(entry)();
  }();
  return *descriptor;
}

const retort_dialect_v1& plugin() {
  return *static_cast<const retort_dialect_v1*>(plugin_descriptor().functions);
}

retort_error fresh_error() {
  retort_error e{};
  e.struct_size = sizeof e;
  e.statement_index = -1;
  return e;
}

client::client(const option_list& options, const std::string& url) {
  std::vector<retort_option> abi_options;
  for (const auto& [k, v] : options) abi_options.push_back(retort_option{s(k), s(v)});
  retort_connect_params params{};
  params.struct_size = sizeof params;
  params.url = s(url);
  params.options = abi_options.data();
  params.option_count = abi_options.size();
  connect_ = call([&](retort_error* e) { return plugin().connect(&params, &conn_, e); });
  if (!connect_.ok()) conn_ = nullptr;
}

client::~client() {
  if (conn_) plugin().disconnect(conn_);
}

outcome client::execute(const std::string& sql) {
  return call([&](retort_error* e) { return plugin().execute(conn_, s(sql), e); });
}

outcome client::query(const std::string& sql, std::vector<text_row>& rows) {
  retort_row_sink sink{&rows, &collect_row};
  return call([&](retort_error* e) { return plugin().query(conn_, s(sql), &sink, e); });
}

outcome client::begin() { return call([&](retort_error* e) { return plugin().begin(conn_, e); }); }
outcome client::commit() { return call([&](retort_error* e) { return plugin().commit(conn_, e); }); }
outcome client::rollback() { return call([&](retort_error* e) { return plugin().rollback(conn_, e); }); }

outcome client::lock(const std::string& key, double timeout_seconds) {
  return call([&](retort_error* e) { return plugin().lock(conn_, s(key), timeout_seconds, e); });
}

outcome client::unlock(const std::string& key) {
  return call([&](retort_error* e) { return plugin().unlock(conn_, s(key), e); });
}

outcome client::table_exists(const std::string& schema, const std::string& table, bool& exists) {
  int found = -1;
  outcome o = call([&](retort_error* e) { return plugin().table_exists(conn_, s(schema), s(table), &found, e); });
  exists = found == 1;
  return o;
}

std::string client::scalar(const std::string& sql) {
  std::vector<text_row> rows;
  outcome o = query(sql, rows);
  if (!o.ok()) return "<error: " + o.message() + ">";
  if (rows.size() != 1 || rows[0].size() != 1) return "<not one value>";
  return rows[0][0] ? *rows[0][0] : "<NULL>";
}

outcome render(const op_spec& spec, std::vector<std::string>& statements) {
  built_op built(spec);
  retort_statement_sink sink{&statements, &collect_statement};
  return call([&](retort_error* e) { return plugin().render(&built.op, &sink, e); });
}

outcome split(const std::string& script, std::vector<std::string>& statements) {
  retort_statement_sink sink{&statements, &collect_statement};
  return call([&](retort_error* e) { return plugin().split(s(script), &sink, e); });
}

std::string quote_identifier(const std::string& name) {
  std::string out;
  retort_text_sink sink{&out, &collect_text};
  plugin().quote_identifier(s(name), &sink);
  return out;
}

std::string quote_literal(const std::string& value) {
  std::string out;
  retort_text_sink sink{&out, &collect_text};
  plugin().quote_literal(s(value), &sink);
  return out;
}

}  // namespace pgtest
