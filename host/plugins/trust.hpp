// Plugins are code that runs with the rights of whoever runs retort, so the
// host decides deliberately whether to load a file: nobody but its owner may
// be able to change it or its folder, and that owner must be root or the user
// running retort. `--allow-untrusted-plugins` is the one way around it, and it
// exists only as a flag, never in retort.ini or the environment, so a
// configuration file cannot switch the check off for whoever runs it.
#pragma once

#include <filesystem>
#include <string>

namespace host {

/// Why `file` must not be loaded, or "" when it may: the file (after
/// following symbolic links), the folder it lies in, and the folder the path
/// as given lies in (who can replace a link can replace the plugin) must each
/// be writable by their owner only, and be owned by root or the effective
/// user. The reason names the path it is about and who else can write it.
std::string untrusted_reason(const std::filesystem::path& file);

/// Throws Error(plugin): "refusing to load plugin FILE: REASON (...)" unless
/// untrusted_reason(file) is empty.
void require_trusted_plugin(const std::filesystem::path& file);

}  // namespace host
