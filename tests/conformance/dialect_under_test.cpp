#include "dialect_under_test.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace conformance {
namespace {

retort_error fresh_error() {
  retort_error err{};
  err.struct_size = sizeof err;
  return err;
}

void collect(void* context, const char* data, size_t size) {
  static_cast<std::vector<std::string>*>(context)->emplace_back(data, size);
}

struct render_host {
  const retort_dialect_v1* dialect;
  std::vector<std::string> statements;
};

int render_through_dialect(void* host, const retort_op* op, retort_error* err) {
  auto* h = static_cast<render_host*>(host);
  retort_statement_sink sink{&h->statements, &collect};
  return h->dialect->render(op, &sink, err);
}

int no_x_argument(void*, retort_str, retort_str*) { return 0; }

}  // namespace

std::string live_session::execute(const std::string& sql) {
  retort_error err = fresh_error();
  if (d_.execute(c_, retort::str(sql), &err) == RETORT_OK) return "";
  return err.message[0] ? err.message : "failed without a message";
}

std::string live_session::scalar(const std::string& sql) {
  struct first_value {
    bool seen = false;
    std::string value;
  } got;
  retort_row_sink rows{&got, [](void* c, const retort_str* values, size_t count) {
                         auto* g = static_cast<first_value*>(c);
                         if (g->seen || count == 0 || !values[0].data) return;
                         g->seen = true;
                         g->value.assign(values[0].data, values[0].size);
                       }};
  retort_error err = fresh_error();
  if (d_.query(c_, retort::str(sql), &rows, &err) != RETORT_OK) throw std::runtime_error(sql + ": " + err.message);
  if (!got.seen) throw std::runtime_error(sql + ": no value");
  return got.value;
}

dialect_under_test::dialect_under_test(std::string name, const std::string& file) : name_(std::move(name)) {
  // Kept loaded for the process, as the host keeps its plugins.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) throw std::runtime_error("cannot load " + file + ": " + dlerror());
  auto entry = reinterpret_cast<retort_plugin_entry_fn>(dlsym(handle, RETORT_ENTRY_SYMBOL));
  if (!entry) throw std::runtime_error(file + " exports no " RETORT_ENTRY_SYMBOL);
  const retort_plugin_descriptor* d = entry();
  if (!d || d->kind != RETORT_PLUGIN_DIALECT || !d->functions)
    throw std::runtime_error(file + " is not a dialect plugin");
  functions_ = static_cast<const retort_dialect_v1*>(d->functions);
}

rendered dialect_under_test::render(const write_fn& write) const {
  retort_migration_context ctx{};
  ctx.struct_size = sizeof ctx;
  ctx.dialect = retort::str(name_);
  ctx.offline = 1;
  ctx.revision_id = retort::str("c0nf0rmance0");
  ctx.x_argument = &no_x_argument;
  ctx.host_abi_minor = RETORT_ABI_MINOR;
  return render(write, ctx);
}

rendered dialect_under_test::render(const write_fn& write, retort_migration_context ctx) const {
  render_host host{functions_, {}};
  ctx.host = &host;
  ctx.op = &render_through_dialect;
  rendered out;
  try {
    retort::ops o(&ctx);
    write(o);
    out.ok = true;
    out.statements = std::move(host.statements);
  } catch (const retort::failure& f) {
    out.kind = f.kind();
    out.message = f.what();
  }
  return out;
}

rendered dialect_under_test::render(const retort_op& op) const {
  rendered out;
  retort_error err = fresh_error();
  retort_statement_sink sink{&out.statements, &collect};
  out.ok = functions_->render(&op, &sink, &err) == RETORT_OK;
  if (!out.ok) {
    out.statements.clear();
    out.kind = err.kind;
    out.message = err.message;
  }
  return out;
}

std::unique_ptr<live_session> dialect_under_test::connect(const option_list& options) const {
  std::vector<retort_option> abi_options;
  for (const auto& [k, v] : options) abi_options.push_back(retort_option{retort::str(k), retort::str(v)});
  retort_connect_params params{};
  params.struct_size = sizeof params;
  params.options = abi_options.data();
  params.option_count = abi_options.size();
  retort_connection* c = nullptr;
  retort_error err = fresh_error();
  if (functions_->connect(&params, &c, &err) != RETORT_OK)
    throw std::runtime_error(name_ + ": cannot connect: " + err.message);
  return std::make_unique<live_session>(*functions_, c);
}

const std::vector<dialect_under_test>& built_dialects() {
  static const std::vector<dialect_under_test> all = [] {
    std::vector<dialect_under_test> out;
#ifdef RETORT_CONFORMANCE_SQLITE
    out.emplace_back("sqlite", RETORT_CONFORMANCE_SQLITE);
#endif
#ifdef RETORT_CONFORMANCE_POSTGRESQL
    out.emplace_back("postgresql", RETORT_CONFORMANCE_POSTGRESQL);
#endif
#ifdef RETORT_CONFORMANCE_MARIADB
    out.emplace_back("mariadb", RETORT_CONFORMANCE_MARIADB);
#endif
    return out;
  }();
  return all;
}

}  // namespace conformance
