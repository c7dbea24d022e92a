// What every command needs, built lazily in the order data flows:
// settings -> plugins -> dialect and providers -> graph. A command asks only
// for what it uses, so `heads` never connects and `plugins` never builds a graph.
#pragma once

#include <memory>
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

namespace host {

class App {
 public:
  App(Invocation invocation, Settings settings);

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
  std::unique_ptr<PluginRegistry> registry_;
  std::optional<Url> url_;
  const Dialect* dialect_ = nullptr;
  std::vector<Provider*> providers_;
  bool providers_loaded_ = false;
  std::unique_ptr<Graph> graph_;
};

}  // namespace host
