#include "host/abi/provider.hpp"

#include <cstddef>
#include <stdexcept>

#include "host/errors/error.hpp"
#include "host/abi/database_error.hpp"
#include "host/abi/error_report.hpp"
#include "host/abi/foreign_call.hpp"
#include "host/abi/function_table.hpp"
#include "host/abi/revision_import.hpp"
#include "host/abi/schema_import.hpp"

namespace host {

Provider::Provider(LoadedPlugin plugin)
    : path_(plugin.path),  // copied: function_table_of() below names it when it refuses
      name_(std::move(plugin.name)),
      version_(std::move(plugin.version)),
      table_(plugin.functions),
      functions_(function_table_of<retort_provider_v1>(plugin)) {}

Provider::~Provider() {
  if (instance_) functions_.close(instance_);
}

void Provider::open(std::string_view argument) {
  if (instance_) throw std::logic_error("provider " + name_ + " is already open");
  std::string kept(argument);
  ErrorReport report;
  retort_provider_instance* instance = nullptr;
  const int rc = call_plugin(name_, "open", [&] {
    return functions_.open(retort_str{argument.data(), argument.size()}, &instance, report.get());
  });
  report.check(rc, name_, "open");
  if (!instance) plugin_error(name_ + ": open succeeded but returned no instance");
  instance_ = instance;
  argument_ = std::move(kept);
}

std::size_t Provider::checked_count() const {
  if (!instance_) throw std::logic_error("provider " + name_ + " is not open");
  const std::size_t count = call_plugin(name_, "revision_count", [&] { return functions_.revision_count(instance_); });
  if (count > max_revision_list)
    plugin_error("provider " + name_ + " (" + path_.string() + ") reports " + std::to_string(count) +
                 " revisions, more than " + std::to_string(max_revision_list));
  return count;
}

std::vector<Revision> Provider::revisions(std::size_t provider_slot) const {
  const std::size_t count = checked_count();
  const std::string who = "provider " + name_ + " (" + path_.string() + ")";
  std::vector<Revision> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const retort_revision* record = call_plugin(name_, "revision_at", [&] { return functions_.revision_at(instance_, i); });
    out.push_back(import_revision(record, i, who, path_.string()));
    out.back().provider = provider_slot;
  }
  return out;
}

void Provider::run(std::size_t index, int direction, const retort_migration_context& ctx) {
  if (direction != RETORT_UPGRADE && direction != RETORT_DOWNGRADE)
    throw std::invalid_argument("direction must be RETORT_UPGRADE or RETORT_DOWNGRADE");
  if (index >= checked_count())
    throw std::out_of_range("provider " + name_ + " has no revision " + std::to_string(index));
  ErrorReport report;
  const char* verb = direction == RETORT_UPGRADE ? "upgrade" : "downgrade";
  const int rc = call_plugin(name_, verb, [&] { return functions_.run(instance_, index, direction, &ctx, report.get()); });
  report.check(rc, name_, verb);
}

// `models` was appended to 1.2's table after its other fields: a table
// whose struct_size ends before it has none, whatever follows in memory.
bool Provider::has_models() const noexcept {
  return functions_.struct_size >= offsetof(retort_provider_v1, models) + sizeof functions_.models &&
         functions_.models != nullptr;
}

schema::Desired Provider::models() {
  if (!has_models()) usage_error(path_.string() + " declares no models (it is not a models plugin)");
  if (!instance_) throw std::logic_error("provider " + name_ + " is not open");
  const std::string who = "models plugin " + name_ + " (" + path_.string() + ")";
  SchemaImport import(who, "models");
  ErrorReport report;
  const int rc =
      call_plugin(name_, "models", [&] { return functions_.models(instance_, import.sink(), report.get()); });
  schema::Desired described;
  described.schema = import.take();  // a host-side refusal explains itself better
  described.renames = import.take_renames();
  try {
    report.check(rc, who, "models");
  } catch (const DatabaseError& e) {
    plugin_error(e.what());  // whatever kind the plugin reported: its models could not be read
  }
  return described;
}

}  // namespace host
