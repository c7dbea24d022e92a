// What every command needs, built lazily in the order data flows:
// settings -> plugins -> dialect and providers -> graph. A command asks only
// for what it uses, so `heads` never connects and `plugins` never builds a graph.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "host/cli/arguments.hpp"
#include "host/config/settings.hpp"
#include "host/config/url.hpp"
#include "host/graph/graph.hpp"
#include "host/plugins/plugins.hpp"
#include "host/run/bookkeeping.hpp"
#include "host/abi/collect.hpp"
#include "host/schema/schema.hpp"

namespace host {

/// What a fleet's `check` would otherwise replay into a scratch database
/// once per target: the schema the revisions make from a set of applied
/// versions (and head's, for the models), kept by key for every target.
class SchemaCache {
 public:
  /// Made under the lock: each schema once, and what making one touches
  /// (loading a models plugin into the shared registry) on one thread.
  template <class Make>
  schema::Schema get(const std::string& key, Make&& make) {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = schemas_.find(key);
    if (it == schemas_.end()) it = schemas_.emplace(key, make()).first;
    return it->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, schema::Schema> schemas_;
};

class App {
 public:
  App(Invocation invocation, Settings settings);
  /// One target of a fleet run by `fleet`: the same invocation, settings,
  /// plugins, providers and graph (loaded once, before any target), its own
  /// database `database_url`, answered by `dialect` (resolved beforehand, as
  /// loading a plugin is not safe on two threads). Collected scripts are
  /// shared with the fleet's other targets. Throws Error(usage) for a URL
  /// that does not parse.
  App(App& fleet, const std::string& database_url, const Dialect& dialect);
  /// Loads the providers and the graph and makes the shared caches:
  /// called on the fleet once, before any target's App is made.
  void prepare_targets();
  /// A fleet target's shared schemas; nullptr for a single database.
  SchemaCache* schema_cache() { return schema_cache_.get(); }

  const Invocation& invocation() const { return invocation_; }
  const Settings& settings() const { return settings_; }
  /// The plugin folders in search order, the install default last.
  const std::vector<std::filesystem::path>& plugin_folders() const { return folders_; }
  PluginRegistry& registry();
  /// Where retort.plugins.lock is: next to the config file, else in the
  /// working directory.
  std::filesystem::path plugin_lock_file() const;
  /// The configured revision providers, loaded and opened (once).
  const std::vector<Provider*>& providers();
  const Url& url();
  const Dialect& dialect();
  const Graph& graph();
  Bookkeeping bookkeeping();
  Collector collector(bool offline);
  /// Connects with the configured URL; errors carry the masked URL.
  std::unique_ptr<Connection> connect();
  /// Connects to a scratch database at `url` (the configured dialect's),
  /// whose retort tables are in its default schema: no version_table_schema.
  /// Errors carry `what`.
  std::unique_ptr<Connection> connect_scratch(const Url& url, const std::string& what);
  /// scratch_url, when set: a database of the configured engine (refused
  /// otherwise, and when it is the configured database itself).
  std::optional<Url> given_scratch_url();

 private:
  void load_providers();
  std::unique_ptr<Connection> open(const Url& url, bool version_table_schema);

  Invocation invocation_;
  Settings settings_;
  std::vector<std::filesystem::path> folders_;
  std::shared_ptr<PluginRegistry> registry_;
  std::optional<Url> url_;
  const Dialect* dialect_ = nullptr;
  std::vector<Provider*> providers_;
  bool providers_loaded_ = false;
  std::shared_ptr<Graph> graph_;
  std::shared_ptr<CollectCache> collect_cache_;  // a fleet's targets only
  std::shared_ptr<SchemaCache> schema_cache_;    // a fleet's targets only
};

}  // namespace host
