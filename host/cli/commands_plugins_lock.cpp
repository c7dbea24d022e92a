// plugins lock: pins, in retort.plugins.lock, the SHA-256 of every plugin
// this configuration loads: the dialect of the configured URL and every
// configured revision provider. Plugins that merely lie on the plugin path
// are not pinned; while the lock exists they cannot be loaded at all.
#include <algorithm>
#include <iostream>
#include <tuple>

#include "host/cli/commands.hpp"
#include "host/cli/output.hpp"
#include "host/errors/error.hpp"
#include "host/plugins/plugin_lock.hpp"

namespace host {

int cmd_plugins_lock(App& app) {
  const Settings& settings = app.settings();
  if (settings.database_url.empty() && settings.revisions.empty())
    usage_error("nothing to pin: configure database_url and revisions first");
  if (!settings.database_url.empty()) app.dialect();
  if (!settings.revisions.empty()) app.providers();

  std::vector<PinnedPlugin> pins;
  for (const LoadedPlugin* plugin : app.registry().loaded_plugins()) {
    // Pinned under the note's kind and name, which is what a later run
    // reads (without loading) to find the pin.
    const Inspection inspection = inspect_plugin_file(plugin->path);
    PinnedPlugin pin;
    pin.kind = inspection.note ? inspection.note->kind : std::string(kind_name(plugin->kind()));
    pin.name = inspection.note ? inspection.note->name : plugin->name;
    pin.sha256 = sha256_of_file(plugin->path);
    pin.path = std::filesystem::absolute(plugin->path).lexically_normal();
    pins.push_back(std::move(pin));
  }
  std::sort(pins.begin(), pins.end(), [](const PinnedPlugin& a, const PinnedPlugin& b) {
    return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
  });
  const std::filesystem::path file = app.plugin_lock_file();
  write_plugin_lock(file, pins);

  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& p : pins)
      list.push_back(Json{{"kind", p.kind}, {"name", p.name}, {"sha256", p.sha256}, {"path", p.path.string()}});
    print_json(Json{{"lock_file", file.string()}, {"plugins", list}});
  } else {
    for (const auto& p : pins) std::cout << p.kind << " " << p.name << " sha256:" << p.sha256 << "  " << p.path.string() << "\n";
    std::cout << "wrote " << file.string() << "\n";
  }
  return 0;
}

}  // namespace host
