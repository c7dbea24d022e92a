#include "host/plugins/registry.hpp"

#include <algorithm>

#include "host/errors/error.hpp"
#include "host/plugins/trust.hpp"

namespace fs = std::filesystem;

namespace host {

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

std::string bare_scheme(std::string_view scheme) {
  if (scheme.size() >= 3 && scheme.substr(scheme.size() - 3) == "://") scheme.remove_suffix(3);
  else if (!scheme.empty() && scheme.back() == ':') scheme.remove_suffix(1);
  return lowercase(scheme);
}

bool answers_scheme(const PluginNote& note, std::string_view scheme) {
  if (note.kind != "dialect") return false;
  return std::any_of(note.schemes.begin(), note.schemes.end(),
                     [&](const std::string& s) { return lowercase(s) == scheme; });
}

bool is_provider_named(const PluginNote& note, std::string_view name) {
  return note.kind == "provider" && note.name == name;
}

// The message for a file that matched but cannot be used; an ABI mismatch
// gets the words the loader uses, so the user sees one message for it.
[[noreturn]] void refuse(const PluginFile& file) {
  const Inspection& i = file.inspection;
  if (i.note && !abi_compatible(i.note->abi_major))
    plugin_error(abi_mismatch_message(i.path, i.note->abi_major, i.note->abi_minor));
  plugin_error("plugin " + i.path.string() + " cannot be used: " + i.problem);
}

}  // namespace

std::string package_for_scheme(std::string_view scheme) {
  // "scheme=package scheme=package ...", generated from the build's
  // retort_ship_plugin(... SCHEMES ...) declarations.
  static constexpr std::string_view catalogue =
#include "shipped_dialects.inc"
      ;
  const std::string wanted = bare_scheme(scheme) + "=";
  std::string_view rest = catalogue;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const std::string_view entry = rest.substr(0, space);
    if (entry.starts_with(wanted)) return std::string(entry.substr(wanted.size()));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return "a retort dialect plugin that answers '" + bare_scheme(scheme) + "'";
}

PluginRegistry::PluginRegistry(std::vector<fs::path> folders, LoadPolicy policy)
    : folders_(std::move(folders)), files_(scan_plugins(folders_)), policy_(std::move(policy)) {}

std::vector<const LoadedPlugin*> PluginRegistry::loaded_plugins() const {
  std::vector<const LoadedPlugin*> out;
  for (const auto& [key, plugin] : loaded_) out.push_back(&plugin);
  return out;
}

std::string PluginRegistry::searched() const {
  if (folders_.empty()) return "no folders";
  std::string out;
  for (const fs::path& folder : folders_) out += (out.empty() ? "" : ", ") + folder.string();
  return out;
}

const PluginFile* PluginRegistry::choose(bool (*matches)(const PluginNote&, std::string_view),
                                         std::string_view key) const {
  const PluginFile* first_unusable = nullptr;
  for (const PluginFile& file : files_) {
    const Inspection& i = file.inspection;
    if (!i.note || !matches(*i.note, key)) continue;
    // A stale plugin earlier on the path must not hide a good one later.
    if (i.problem.empty()) return &file;
    if (!first_unusable) first_unusable = &file;
  }
  if (first_unusable) refuse(*first_unusable);
  return nullptr;
}

// Keyed by the file's canonical path, so a plugin reached by two spellings
// is loaded and checked once; messages keep the spelling the user gave.
const LoadedPlugin& PluginRegistry::loaded(const fs::path& file) {
  std::error_code ec;
  fs::path key = fs::weakly_canonical(file, ec);
  if (ec) key = file;
  auto found = loaded_.find(key);
  if (found != loaded_.end()) return found->second;
  // Both checks come before dlopen(), which already runs the plugin's code.
  // What is not a regular file load_plugin() refuses without opening it.
  const bool regular = fs::is_regular_file(file, ec);
  if (regular && !policy_.allow_untrusted) require_trusted_plugin(file);
  if (regular && policy_.lock) {
    const Inspection i = inspect_plugin_file(file);
    policy_.lock->verify(i.note ? i.note->kind : "plugin", i.note ? i.note->name : file.filename().string(), file);
  }
  return loaded_.emplace(key, load_plugin(file)).first->second;
}

const Dialect& PluginRegistry::dialect_for_scheme(std::string_view scheme) {
  const std::string wanted = bare_scheme(scheme);
  const PluginFile* file = choose(&answers_scheme, wanted);
  if (!file)
    plugin_error("no dialect plugin for '" + wanted + "://' URLs: install " +
                 package_for_scheme(wanted) + " (searched: " + searched() + ")");
  const fs::path& path = file->inspection.path;
  auto found = dialects_.find(path);
  if (found == dialects_.end())
    found = dialects_.emplace(path, std::make_unique<Dialect>(loaded(path))).first;
  return *found->second;
}

Provider& PluginRegistry::provider_by_name(std::string_view name) {
  const PluginFile* file = choose(&is_provider_named, name);
  if (!file)
    plugin_error("no revision provider named '" + std::string(name) + "' (searched: " + searched() + ")");
  providers_.push_back(std::make_unique<Provider>(loaded(file->inspection.path)));
  return *providers_.back();
}

Provider& PluginRegistry::provider_from_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) plugin_error("revision plugin " + file.string() + " does not exist");
  providers_.push_back(std::make_unique<Provider>(loaded(file)));
  return *providers_.back();
}

}  // namespace host
