#include "host/abi/plugin_note.hpp"

#include <retort/abi.h>

#include <charconv>

namespace host {

namespace {

constexpr std::string_view magic = "retort-plugin";

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    std::size_t end = text.find(separator);
    std::string_view part = text.substr(0, end);
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return parts;
}

// "1.0" -> 1, 0. Each number must fit the descriptor's uint16_t.
bool parse_version(std::string_view text, int& major, int& minor) {
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return false;
  auto number = [](std::string_view digits, int& out) {
    if (digits.empty() || digits.size() > 5) return false;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc() && end == digits.data() + digits.size() && out >= 0 && out <= 65535;
  };
  return number(text.substr(0, dot), major) && number(text.substr(dot + 1), minor);
}

}  // namespace

std::optional<PluginNote> parse_plugin_note(std::string_view text, std::string& why_not) {
  std::vector<std::string_view> words = split(text, ' ');
  if (words.empty() || words.front() != magic) {
    why_not = "its " RETORT_PLUGIN_SECTION " section does not start with 'retort-plugin'";
    return std::nullopt;
  }
  PluginNote note;
  bool has_abi = false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string_view word = words[i];
    std::size_t eq = word.find('=');
    if (eq == std::string_view::npos) continue;  // not ours to judge: a later minor's flag
    std::string_view key = word.substr(0, eq);
    std::string_view value = word.substr(eq + 1);
    if (key == "abi") {
      if (!parse_version(value, note.abi_major, note.abi_minor)) {
        why_not = "its note has a malformed abi '" + std::string(value) + "'";
        return std::nullopt;
      }
      has_abi = true;
    } else if (key == "kind") {
      note.kind = value;
    } else if (key == "name") {
      note.name = value;
    } else if (key == "version") {
      note.version = value;
    } else if (key == "schemes") {
      note.schemes.clear();
      for (std::string_view scheme : split(value, ',')) note.schemes.emplace_back(scheme);
    }
  }
  if (!has_abi) why_not = "its note has no abi";
  else if (note.kind.empty()) why_not = "its note has no kind";
  else if (note.kind != "dialect" && note.kind != "provider")
    why_not = "its note has an unknown kind '" + note.kind + "'";
  else if (note.name.empty()) why_not = "its note has no name";
  else if (note.version.empty()) why_not = "its note has no version";
  else return note;
  return std::nullopt;
}

bool abi_compatible(int plugin_major) noexcept { return plugin_major == RETORT_ABI_MAJOR; }

std::string abi_mismatch_reason(int plugin_major, int plugin_minor) {
  const std::string host_major = std::to_string(RETORT_ABI_MAJOR);
  return "built for retort ABI " + std::to_string(plugin_major) + "." + std::to_string(plugin_minor) +
         ", but this retort speaks ABI " + host_major + "." + std::to_string(RETORT_ABI_MINOR) +
         " (it loads plugins of ABI " + host_major + ".x): rebuild it against retort ABI " + host_major + ".x";
}

std::string abi_mismatch_message(const std::filesystem::path& file, int plugin_major,
                                 int plugin_minor) {
  return "plugin " + file.string() + " was " + abi_mismatch_reason(plugin_major, plugin_minor);
}

}  // namespace host
