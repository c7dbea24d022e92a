#include "host/cli/app.hpp"

#include <filesystem>

#include "host/errors/error.hpp"
#include "host/log/logger.hpp"

namespace host {
namespace fs = std::filesystem;

App::App(Invocation invocation, Settings settings)
    : invocation_(std::move(invocation)), settings_(std::move(settings)) {
  for (const auto& p : settings_.plugin_path) folders_.emplace_back(p);
  folders_.push_back(default_plugin_dir());
}

PluginRegistry& App::registry() {
  if (!registry_) registry_ = std::make_unique<PluginRegistry>(folders_);
  return *registry_;
}

const Url& App::url() {
  if (!url_) url_ = parse_url(settings_.database_url);
  return *url_;
}

const Dialect& App::dialect() {
  if (!dialect_) dialect_ = &registry().dialect_for_scheme(url().scheme);
  return *dialect_;
}

// A `revisions` entry is a folder (sqldir), a shared object (compiled
// revisions), or `provider:argument`.
void App::load_providers() {
  if (settings_.revisions.empty())
    usage_error("no revisions configured: set 'revisions' in " +
                (settings_.config_file.empty() ? std::string("retort.ini") : settings_.config_file));
  for (const auto& entry : settings_.revisions) {
    Provider* provider = nullptr;
    std::string argument;
    auto colon = entry.find(':');
    bool named = colon != std::string::npos && colon > 0 && entry.find('/') > colon;
    if (named) {
      provider = &registry().provider_by_name(entry.substr(0, colon));
      argument = entry.substr(colon + 1);
    } else if (fs::is_directory(entry)) {
      provider = &registry().provider_by_name("sqldir");
      argument = entry;
    } else if (fs::exists(entry)) {
      provider = &registry().provider_from_file(entry);
    } else {
      usage_error("revisions '" + entry + "' is neither a folder, a plugin file nor provider:argument" +
                  (settings_.config_file.empty() ? "" : " (from " + settings_.config_file + ")"));
    }
    provider->open(argument);
    providers_.push_back(provider);
  }
}

const Graph& App::graph() {
  if (!graph_) {
    load_providers();
    std::vector<Revision> all;
    for (std::size_t slot = 0; slot < providers_.size(); ++slot)
      for (auto& r : providers_[slot]->revisions(slot)) all.push_back(std::move(r));
    graph_ = std::make_unique<Graph>(std::move(all));
  }
  return *graph_;
}

Bookkeeping App::bookkeeping() {
  return Bookkeeping(dialect(), settings_.version_table, settings_.history_table, settings_.version_table_schema);
}

Collector App::collector(bool offline) {
  graph();
  return Collector(dialect(), providers_, settings_.x_args, offline);
}

std::unique_ptr<Connection> App::connect() {
  auto options = connect_options(url());
  options.emplace_back("lock_timeout", std::to_string(settings_.lock_timeout));
  if (!settings_.version_table_schema.empty())
    options.emplace_back("version_table_schema", settings_.version_table_schema);
  try {
    return dialect().connect(settings_.database_url, options);
  } catch (const Error& e) {
    throw Error(e.code(), "cannot connect to " + mask_url(settings_.database_url) + ": " + e.what());
  }
}

}  // namespace host
