#include "host/cli/app.hpp"

#include "host/config/revisions_source.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>

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
  if (!registry_) {
    LoadPolicy policy;
    policy.allow_untrusted = invocation_.allow_untrusted_plugins;
    // `plugins lock` is how a changed plugin gets pinned again, so it alone
    // loads without the old pins (the trust check still applies).
    const auto& args = invocation_.arguments;
    const bool relocking = invocation_.command == "plugins" && !args.empty() && args[0] == "lock";
    if (!relocking) policy.lock = PluginLock::read(plugin_lock_file());
    registry_ = std::make_unique<PluginRegistry>(folders_, std::move(policy));
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
  try {
    // url() inside: reading the URL needs the dialect that answers it.
    return connect_to(url(), mask_url(settings_.database_url));
  } catch (const Error& e) {
    throw Error(e.code(), "cannot connect to " + mask_url(settings_.database_url) + ": " + e.what());
  }
}

std::unique_ptr<Connection> App::connect_to(const Url& target, const std::string& what) {
  auto options = connect_options(target);
  options.emplace_back("lock_timeout", std::to_string(settings_.lock_timeout));
  if (!settings_.version_table_schema.empty())
    options.emplace_back("version_table_schema", settings_.version_table_schema);
  try {
    return dialect().connect(target.text, options);
  } catch (const Error& e) {
    if (what == mask_url(settings_.database_url)) throw;
    throw Error(e.code(), "cannot connect to " + what + ": " + e.what());
  }
}

Url App::scratch_server_url() {
  if (settings_.scratch_url.empty()) return url();
  const Dialect& configured = dialect();
  const Dialect& answering = registry().dialect_for_scheme(url_scheme(settings_.scratch_url));
  if (&answering != &configured)
    usage_error("scratch_url " + mask_url(settings_.scratch_url) + " is a " + answering.name() +
                " URL, but the database is " + configured.name() + ": scratch databases must be of the same engine");
  return parse_url(settings_.scratch_url, configured.has_file_url() ? UrlForm::file : UrlForm::server);
}

}  // namespace host
