// plugins: what the plugin path holds; plugins inspect FILE: one file,
// described from its bytes without loading it.
#include <iostream>

#include "host/abi/abi_version.hpp"
#include "host/cli/commands.hpp"
#include "host/cli/output.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

Json inspection_json(const Inspection& i) {
  Json j;
  j["path"] = i.path.string();
  j["is_plugin"] = i.problem.empty() && i.note.has_value();
  if (i.note) {
    j["kind"] = i.note->kind;
    j["name"] = i.note->name;
    j["version"] = i.note->version;
    j["abi"] = std::to_string(i.note->abi_major) + "." + std::to_string(i.note->abi_minor);
    if (!i.note->schemes.empty()) j["schemes"] = i.note->schemes;
  }
  j["exports_entry"] = i.exports_entry;
  if (!i.problem.empty()) j["problem"] = i.problem;
  return j;
}

std::string inspection_line(const Inspection& i) {
  if (!i.note || !i.problem.empty()) return "not a retort plugin: " + i.problem;
  std::string s = i.note->kind + " " + i.note->name + " " + i.note->version + " (ABI " +
                  std::to_string(i.note->abi_major) + "." + std::to_string(i.note->abi_minor) + ")";
  if (!i.note->schemes.empty()) {
    s += " schemes:";
    for (const auto& sc : i.note->schemes) s += " " + sc + "://";
  }
  return s;
}

}  // namespace

int cmd_plugins(App& app) {
  const auto& args = app.invocation().arguments;
  if (args.size() == 1 && args[0] == "lock") return cmd_plugins_lock(app);
  if (!args.empty()) {
    if (args[0] != "inspect" || args.size() != 2) usage_error("usage: retort plugins [inspect FILE | lock]");
    Inspection i = inspect_plugin_file(args[1]);
    if (app.invocation().json) {
      print_json(inspection_json(i));
    } else {
      std::cout << i.path.string() << ": " << inspection_line(i) << "\n";
      // Also without a note: a hand-written plugin (no SDK) exports the
      // entry all the same, and loading it would read its descriptor.
      if (i.note || i.is_shared_object)
        std::cout << "  exports " << plugin_entry_symbol() << ": " << (i.exports_entry ? "yes" : "no") << "\n";
    }
    if (!i.problem.empty() || !i.note)
      plugin_error(i.path.string() + " is not a retort plugin: " + (i.problem.empty() ? "no retort note" : i.problem));
    return 0;
  }
  std::vector<PluginFile> files = scan_plugins(app.plugin_folders());
  if (app.invocation().json) {
    Json list = Json::array();
    for (const auto& f : files) {
      Json j = inspection_json(f.inspection);
      j["folder"] = f.folder.string();
      list.push_back(j);
    }
    Json folders = Json::array();
    for (const auto& f : app.plugin_folders()) folders.push_back(f.string());
    print_json(Json{{"plugin_path", folders}, {"plugins", list}});
    return 0;
  }
  for (const auto& f : files) std::cout << inspection_line(f.inspection) << "\n    " << f.inspection.path.string() << "  (from " << f.folder.string() << ")\n";
  if (files.empty()) {
    std::cout << "no plugins found in:";
    for (const auto& f : app.plugin_folders()) std::cout << " " << f.string();
    std::cout << "\n";
  }
  return 0;
}

}  // namespace host
