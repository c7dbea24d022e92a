// A loaded revision provider: the host's wrapper over retort_provider_v1 and
// one opened instance of it: its revisions, and for a models plugin (ABI
// 1.2) the schema its models declare.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "host/graph/revision.hpp"
#include "host/abi/loaded_plugin.hpp"
#include "host/schema/schema.hpp"

struct retort_provider_v1;  // retort/abi.h, read only inside host/abi
struct retort_provider_instance;
struct retort_migration_context;

namespace host {

/// One provider instance: open() it once with its argument, read its
/// revisions, run them. The same plugin opened twice (two sqldir folders) is
/// two Provider objects. Failures throw DatabaseError with the kind the
/// plugin reported, or host::Error(ExitCode::plugin) for a broken plugin.
class Provider {
 public:
  /// `plugin` must be a provider (load_plugin() validated its table).
  explicit Provider(LoadedPlugin plugin);
  /// Closes the instance if it was opened.
  ~Provider();
  Provider(const Provider&) = delete;
  Provider& operator=(const Provider&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& version() const noexcept { return version_; }
  const std::filesystem::path& path() const noexcept { return path_; }
  bool is_open() const noexcept { return instance_ != nullptr; }
  /// What open() was given.
  const std::string& argument() const noexcept { return argument_; }

  /// Opens the provider with what follows "name:" in the config (the folder
  /// for sqldir, or empty). Throws std::logic_error if already open.
  void open(std::string_view argument);

  /// Every revision the open instance holds, in its order, each with
  /// `provider` set to `provider_slot` and `index` to its position.
  std::vector<Revision> revisions(std::size_t provider_slot) const;

  /// Runs revision `index` in `direction` (RETORT_UPGRADE or
  /// RETORT_DOWNGRADE); its operations arrive through `ctx.op`.
  void run(std::size_t index, int direction, const retort_migration_context& ctx);

  /// Whether the plugin's table has a `models` function (ABI 1.2): a models
  /// plugin. An older table, or a NULL function: no.
  bool has_models() const noexcept;

  /// What the open instance's models declare: the schema, sorted, and its
  /// rename hints in the order declared. Without a models function:
  /// Error(usage) "<path> declares no models (it is not a models plugin)".
  /// A failure of the plugin, an object that is not part of a schema or a
  /// contradictory rename hint: Error(plugin) naming the plugin and its file.
  /// Throws std::logic_error if not open.
  schema::Desired models();

 private:
  std::size_t checked_count() const;

  std::filesystem::path path_;
  std::string name_;
  std::string version_;
  std::shared_ptr<const FunctionTable> table_;  // shared with the LoadedPlugin
  const retort_provider_v1& functions_;          // inside *table_
  retort_provider_instance* instance_ = nullptr;  // owned; closed by the destructor
  std::string argument_;
};

}  // namespace host
