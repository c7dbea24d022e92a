#include "host/plugins/plugin_lock.hpp"

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <tuple>

#include "host/errors/error.hpp"

namespace fs = std::filesystem;

namespace host {
namespace {

constexpr std::string_view hash_prefix = "sha256:";

bool is_hex_digest(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_word(std::string_view text) {
  return !text.empty() && text.size() <= 256 && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c > 0x20 && c < 0x7f;
  });
}

[[noreturn]] void malformed(const fs::path& file, int line, const std::string& what) {
  usage_error(file.string() + ":" + std::to_string(line) + ": " + what +
              " (expected 'KIND NAME sha256:HEX PATH'; rewrite it with 'retort plugins lock')");
}

PinnedPlugin parse_pin(const std::string& text, const fs::path& file, int line) {
  std::istringstream words(text);
  PinnedPlugin pin;
  std::string hash;
  words >> pin.kind >> pin.name >> hash;
  if (pin.kind != "dialect" && pin.kind != "provider") malformed(file, line, "unknown plugin kind");
  if (!is_word(pin.name)) malformed(file, line, "missing plugin name");
  if (!hash.starts_with(hash_prefix) || !is_hex_digest(std::string_view(hash).substr(hash_prefix.size())))
    malformed(file, line, "not a sha256 hash");
  pin.sha256 = hash.substr(hash_prefix.size());
  std::string rest;
  std::getline(words >> std::ws, rest);
  pin.path = rest;
  return pin;
}

}  // namespace

std::string sha256_of_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) plugin_error("cannot read plugin " + file.string() + " to hash it: " + std::strerror(errno));
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    plugin_error("cannot initialise SHA-256 to hash " + file.string());
  std::array<char, 1 << 16> buffer;
  while (in) {
    in.read(buffer.data(), buffer.size());
    EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) plugin_error("cannot read plugin " + file.string() + " to hash it");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

std::optional<PluginLock> PluginLock::read(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  if (!fs::is_regular_file(file, ec)) usage_error("plugin lock " + file.string() + " is not a regular file");
  std::ifstream in(file, std::ios::binary);
  if (!in) usage_error("cannot read plugin lock " + file.string() + ": " + std::strerror(errno));
  PluginLock lock;
  lock.file_ = file;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.ends_with('\r')) line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    lock.pins_.push_back(parse_pin(line, file, number));
  }
  return lock;
}

void PluginLock::verify(std::string_view kind, std::string_view name, const fs::path& plugin_file) const {
  const auto pin = std::find_if(pins_.begin(), pins_.end(),
                                [&](const PinnedPlugin& p) { return p.kind == kind && p.name == name; });
  if (pin == pins_.end())
    plugin_error("refusing to load plugin " + plugin_file.string() + ": " + std::string(kind) + " '" +
                 std::string(name) + "' is not pinned in " + file_.string() +
                 " (run 'retort plugins lock' to pin what this configuration loads)");
  const std::string actual = sha256_of_file(plugin_file);
  if (actual != pin->sha256)
    plugin_error("refusing to load plugin " + plugin_file.string() + ": its SHA-256 is " + actual + " but " +
                 file_.string() + " pins " + std::string(kind) + " '" + std::string(name) + "' at " + pin->sha256 +
                 " (if the change is intended, run 'retort plugins lock' again)");
}

void write_plugin_lock(const fs::path& file, std::vector<PinnedPlugin> pins) {
  std::sort(pins.begin(), pins.end(), [](const PinnedPlugin& a, const PinnedPlugin& b) {
    return std::tie(a.kind, a.name, a.path) < std::tie(b.kind, b.name, b.path);
  });
  pins.erase(std::unique(pins.begin(), pins.end(),
                         [](const PinnedPlugin& a, const PinnedPlugin& b) { return a.kind == b.kind && a.name == b.name; }),
             pins.end());
  std::ostringstream text;
  text << "# " << plugin_lock_name << ": written by 'retort plugins lock'. While this file exists retort\n"
       << "# loads only these plugins, with exactly these bytes. Lines: KIND NAME sha256:HEX PATH\n";
  for (const auto& p : pins) text << p.kind << ' ' << p.name << ' ' << hash_prefix << p.sha256 << ' ' << p.path.string() << '\n';

  const fs::path temporary = file.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text.str();
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      usage_error("cannot write plugin lock " + file.string() + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  fs::rename(temporary, file, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    usage_error("cannot write plugin lock " + file.string() + ": " + ec.message());
  }
}

}  // namespace host
