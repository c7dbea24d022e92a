#include "host/cli/app.hpp"

#include "host/config/revisions_source.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <stdexcept>

#include "host/errors/error.hpp"
#include "host/log/logger.hpp"

namespace host {
namespace fs = std::filesystem;

App::App(Invocation invocation, Settings settings)
    : invocation_(std::move(invocation)), settings_(std::move(settings)) {
  for (const auto& p : settings_.plugin_path) folders_.emplace_back(p);
  folders_.push_back(default_plugin_dir());
}

App::App(App& fleet, const std::string& database_url, const Dialect& dialect)
    : invocation_(fleet.invocation_),
      settings_(fleet.settings_),
      folders_(fleet.folders_),
      registry_(fleet.registry_),
      dialect_(&dialect),
      providers_(fleet.providers_),
      providers_loaded_(true),
      graph_(fleet.graph_),
      collect_cache_(fleet.collect_cache_),
      schema_cache_(fleet.schema_cache_) {
  if (!graph_ || !collect_cache_) throw std::logic_error("App: prepare_targets() was not called on the fleet");
  invocation_.targets.reset();
  invocation_.fleet_target = true;
  settings_.database_url = database_url;
  settings_.targets.clear();
  url_ = parse_url(database_url, dialect.has_file_url() ? UrlForm::file : UrlForm::server);
}

void App::prepare_targets() {
  // Chosen already; each target's App copies the settings.
  settings_.targets.clear();
  graph();
  if (!collect_cache_) collect_cache_ = std::make_shared<CollectCache>();
  if (!schema_cache_) schema_cache_ = std::make_shared<SchemaCache>();
}

PluginRegistry& App::registry() {
  if (!registry_) {
    LoadPolicy policy;
    policy.allow_untrusted = invocation_.allow_untrusted_plugins;
    // `plugins lock` is how a changed plugin gets pinned again, so it alone
    // loads without the old pins (the trust check still applies).
    const auto& args = invocation_.arguments;
    const bool relocking = invocation_.command == "plugins" && !args.empty() && args[0] == "lock";
    if (!relocking) policy.lock = PluginLock::read(plugin_lock_file());
    registry_ = std::make_shared<PluginRegistry>(folders_, std::move(policy));
  }
  return *registry_;
}

fs::path App::plugin_lock_file() const {
  const fs::path folder =
      settings_.config_file.empty() ? fs::current_path() : fs::path(settings_.config_file).parent_path();
  return folder / plugin_lock_name;
}

const std::vector<Provider*>& App::providers() {
  if (!providers_loaded_) {
    load_providers();
    providers_loaded_ = true;
  }
  return providers_;
}

const Url& App::url() {
  if (!url_) {
    const Dialect& answering = registry().dialect_for_scheme(url_scheme(settings_.database_url));
    url_ = parse_url(settings_.database_url, answering.has_file_url() ? UrlForm::file : UrlForm::server);
  }
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
    // Not the throwing overloads: a symbolic-link loop or an unreadable
    // folder on the way is a configuration error, not an internal one.
    std::error_code ec;
    const fs::file_status status = fs::status(entry, ec);
    if (auto named = named_provider(entry)) {
      provider = &registry().provider_by_name(named->provider);
      argument = named->argument;
    } else if (fs::is_directory(status)) {
      provider = &registry().provider_by_name("sqldir");
      argument = entry;
    } else if (fs::exists(status)) {
      provider = &registry().provider_from_file(entry);
    } else {
      const bool unreadable = ec && ec != std::errc::no_such_file_or_directory;
      usage_error("revisions '" + entry + "' " +
                  (unreadable ? "cannot be read: " + ec.message()
                              : std::string("is neither a folder, a plugin file nor provider:argument")) +
                  (settings_.config_file.empty() ? "" : " (from " + settings_.config_file + ")"));
    }
    provider->open(argument);
    providers_.push_back(provider);
  }
}

const Graph& App::graph() {
  if (!graph_) {
    providers();
    // Moved whole, not pushed one by one into a growing vector: at 10,000
    // revisions the regrowth was a third of the peak heap (bench/).
    std::vector<Revision> all;
    for (std::size_t slot = 0; slot < providers_.size(); ++slot) {
      std::vector<Revision> listed = providers_[slot]->revisions(slot);
      if (all.empty()) {
        all = std::move(listed);
        continue;
      }
      all.reserve(all.size() + listed.size());
      std::move(listed.begin(), listed.end(), std::back_inserter(all));
    }
    graph_ = std::make_shared<Graph>(std::move(all));
  }
  return *graph_;
}

Bookkeeping App::bookkeeping() {
  return Bookkeeping(dialect(), settings_.version_table, settings_.history_table, settings_.version_table_schema);
}

Collector App::collector(bool offline) {
  graph();
  return Collector(dialect(), providers_, settings_.x_args, offline, collect_cache_);
}

std::unique_ptr<Connection> App::connect() {
  try {
    // url() inside: reading the URL needs the dialect that answers it.
    return open(url(), true);
  } catch (const Error& e) {
    throw Error(e.code(), "cannot connect to " + mask_url(settings_.database_url) + ": " + e.what());
  }
}

std::unique_ptr<Connection> App::connect_scratch(const Url& target, const std::string& what) {
  try {
    return open(target, false);
  } catch (const Error& e) {
    throw Error(e.code(), "cannot connect to " + what + ": " + e.what());
  }
}

std::unique_ptr<Connection> App::open(const Url& target, bool version_table_schema) {
  auto options = connect_options(target);
  options.emplace_back("lock_timeout", std::to_string(settings_.lock_timeout));
  if (version_table_schema && !settings_.version_table_schema.empty())
    options.emplace_back("version_table_schema", settings_.version_table_schema);
  std::unique_ptr<Connection> connection = dialect().connect(target.text, options);
  if (!settings_.init_sql.empty()) {
    try {
      connection->execute(settings_.init_sql);
    } catch (const Error& e) {
      throw Error(e.code(), std::string("init_sql failed: ") + e.what());
    }
  }
  return connection;
}

namespace {

bool same_database(const Url& a, const Url& b, bool files) {
  if (files) {
    std::error_code ec;
    return a.database != ":memory:" && fs::weakly_canonical(a.database, ec) == fs::weakly_canonical(b.database, ec);
  }
  return a.host == b.host && a.port == b.port && a.database == b.database;
}

}  // namespace

std::optional<Url> App::given_scratch_url() {
  if (settings_.scratch_url.empty()) return std::nullopt;
  const std::string shown = "scratch_url " + mask_url(settings_.scratch_url);
  const Dialect& configured = dialect();
  const Dialect& answering = registry().dialect_for_scheme(url_scheme(settings_.scratch_url));
  if (&answering != &configured)
    usage_error(shown + " is a " + answering.name() + " URL, but the database is " + configured.name() +
                ": a scratch database must be of the same engine");
  const bool files = configured.has_file_url();
  Url given = parse_url(settings_.scratch_url, files ? UrlForm::file : UrlForm::server);
  if (!files && given.database.empty())
    usage_error(shown + " names no database: give an empty database retort may use as is");
  if (same_database(given, url(), files))
    usage_error(shown + " is the configured database itself; a scratch database is emptied after use");
  return given;
}

}  // namespace host
