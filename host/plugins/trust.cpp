#include "host/plugins/trust.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "host/errors/error.hpp"

namespace fs = std::filesystem;

namespace host {
namespace {

std::string user_name(uid_t uid) {
  std::vector<char> buffer(4096);
  passwd entry{};
  passwd* found = nullptr;
  std::string id = "uid " + std::to_string(uid);
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
    return std::string(found->pw_name) + " (" + id + ")";
  return id;
}

// `what` is "it" for the plugin itself or "its folder PATH" for a folder.
std::string reason_for(const fs::path& path, const std::string& what) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return "cannot check " + what + ": " + std::strerror(errno);
  const uid_t me = ::geteuid();
  if (st.st_uid != 0 && st.st_uid != me)
    return what + " is owned by " + user_name(st.st_uid) + ", neither root nor the user running retort (" +
           user_name(me) + ")";
  // A sticky world-writable folder (/tmp) is no exception: anyone may still
  // put a plugin of their own there under a name retort will look for.
  if (st.st_mode & S_IWOTH) return what + " is writable by every user";
  if (st.st_mode & S_IWGRP) return what + " is writable by its group";
  return {};
}

// A folder above the plugin's: whoever may rename its entries may swap the
// plugin's whole folder for one of their own. Sticky folders (/tmp) let
// nobody rename what they do not own, so there only the owner counts.
std::string ancestor_reason(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "cannot check the folder " + path.string() + ": " + std::strerror(errno);
  const uid_t me = ::geteuid();
  const std::string what = "the folder " + path.string() + " above it";
  if (st.st_uid != 0 && st.st_uid != me)
    return what + " is owned by " + user_name(st.st_uid) + ", neither root nor the user running retort (" +
           user_name(me) + ")";
  if (st.st_mode & S_ISVTX) return {};
  if (st.st_mode & S_IWOTH) return what + " is writable by every user";
  if (st.st_mode & S_IWGRP) return what + " is writable by its group";
  return {};
}

fs::path folder_of(const fs::path& file) {
  fs::path folder = file.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

}  // namespace

std::string untrusted_reason(const fs::path& file) {
  std::error_code ec;
  const fs::path resolved = fs::canonical(file, ec);
  if (ec) return "cannot resolve its path: " + ec.message();

  std::vector<std::pair<fs::path, std::string>> checks = {
      {resolved, "it"},
      {folder_of(resolved), "its folder " + folder_of(resolved).string()},
  };
  const fs::path given_folder = fs::absolute(folder_of(file), ec).lexically_normal();
  if (!ec && fs::canonical(given_folder, ec) != folder_of(resolved))
    checks.emplace_back(given_folder, "the folder of its link " + given_folder.string());
  for (const auto& [path, what] : checks)
    if (std::string reason = reason_for(path, what); !reason.empty()) return reason;
  for (fs::path above = folder_of(resolved); above.has_relative_path();) {
    above = above.parent_path();
    if (std::string reason = ancestor_reason(above); !reason.empty()) return reason;
  }
  return {};
}

void require_trusted_plugin(const fs::path& file) {
  const std::string reason = untrusted_reason(file);
  if (reason.empty()) return;
  plugin_error("refusing to load plugin " + file.string() + ": " + reason +
               "; anyone who can change it can run code as you (fix its owner or permissions, or pass "
               "--allow-untrusted-plugins)");
}

}  // namespace host
