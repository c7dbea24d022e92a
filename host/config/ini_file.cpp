#include "host/config/ini_file.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "host/config/url.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

namespace po = boost::program_options;

// Program_options cuts a line at any '#', even inside a value. Comments are
// already gone when it sees the text, so the remaining '#' are hidden behind
// a byte the file cannot contain (control characters are refused).
constexpr char hidden_hash = '\x1F';

constexpr std::size_t max_config_size = 1 << 20;

[[noreturn]] void fail_at(const std::string& file, int line, const std::string& message) {
  usage_error(file + ":" + std::to_string(line) + ": " + message);
}

std::vector<std::string> read_lines(const std::filesystem::path& path, const std::string& display) {
  // A FIFO or socket would block forever, and an endless device like
  // /dev/zero would exhaust memory without the size cap below; /dev/null
  // stays usable as "no configuration".
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (std::filesystem::is_directory(status)) usage_error("config file '" + display + "' is a directory");
  if (std::filesystem::is_fifo(status) || std::filesystem::is_socket(status))
    usage_error("config file '" + display + "' is a pipe or socket, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) usage_error("cannot read config file '" + display + "': " + std::strerror(errno));
  std::string text(max_config_size + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_config_size)
    usage_error("config file '" + display + "' is larger than the 1 MiB a configuration may have");
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);

  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string_view without_comment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool marker = line[i] == ';' || line[i] == '#';
    const bool starts_word = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t';
    if (marker && starts_word) return line.substr(0, i);
  }
  return line;
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '-' || c == '.';
  });
}

bool has_control_character(std::string_view line) {
  return std::any_of(line.begin(), line.end(),
                     [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; });
}

std::string section_list(const std::vector<std::string>& sections) {
  std::string list;
  for (const auto& name : sections) list += (list.empty() ? "[" : " or [") + name + "]";
  return list;
}

constexpr std::string_view wildcard = ".*.";

// "target" for "target.*.url"; "" for a plain key.
std::string family_of(const std::string& key) {
  const auto star = key.find(wildcard);
  return star == std::string::npos ? std::string() : key.substr(0, star);
}

bool is_member_name(std::string_view name) { return name.size() <= 64 && is_name(name); }

// The keys with each wildcard expanded for every `[family.NAME]` header in
// `lines`, and the sections the file may have: the plain ones, then one per
// header found. A header of a family with a bad NAME stays unknown.
std::pair<std::vector<IniKey>, std::vector<std::string>> expanded(const std::vector<IniKey>& keys,
                                                                  const std::vector<std::string>& lines,
                                                                  std::vector<std::string>& shown_sections) {
  std::vector<IniKey> concrete;
  std::vector<std::string> sections;
  auto add_section = [](std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  };
  for (const auto& key : keys) {
    const std::string family = family_of(key.name);
    if (family.empty()) {
      concrete.push_back(key);
      add_section(sections, key.name.substr(0, key.name.find('.')));
      add_section(shown_sections, key.name.substr(0, key.name.find('.')));
    } else {
      add_section(shown_sections, family + ".NAME");
    }
  }
  for (const auto& line : lines) {
    const std::string_view content = trimmed(without_comment(line));
    if (content.size() < 2 || content.front() != '[' || content.back() != ']') continue;
    const std::string name(trimmed(content.substr(1, content.size() - 2)));
    for (const auto& key : keys) {
      const std::string family = family_of(key.name);
      if (family.empty() || name.rfind(family + ".", 0) != 0) continue;
      if (!is_member_name(std::string_view(name).substr(family.size() + 1))) continue;
      add_section(sections, name);
      const std::string member_key = name + key.name.substr(family.size() + wildcard.size() - 1);
      if (std::none_of(concrete.begin(), concrete.end(), [&](const IniKey& k) { return k.name == member_key; }))
        concrete.push_back({member_key, key.repeatable});
    }
  }
  return {concrete, sections};
}

/// The lines normalised for Program_options, one per entry or section, and
/// the file line number of each entry in order.
struct CleanedFile {
  std::string text;
  std::vector<int> entry_lines;
};

CleanedFile cleaned(const std::vector<std::string>& lines, const std::string& display,
                    const std::vector<std::string>& sections, const std::vector<std::string>& shown_sections) {
  CleanedFile result;
  bool in_section = false;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const int number = static_cast<int>(index) + 1;
    if (has_control_character(lines[index]))
      fail_at(display, number, "contains a control character");
    const std::string_view content = trimmed(without_comment(lines[index]));
    if (content.empty()) continue;

    if (content.front() == '[' && content.back() == ']') {
      const std::string_view name = trimmed(content.substr(1, content.size() - 2));
      if (std::find(sections.begin(), sections.end(), name) == sections.end()) {
        fail_at(
            display, number,
            "unknown section [" + mask_url(name) + "]; retort reads " + section_list(shown_sections));
      }
      result.text += "[" + std::string(name) + "]\n";
      in_section = true;
      continue;
    }
    const auto equals = content.find('=');
    const std::string_view key =
        equals == std::string_view::npos ? std::string_view() : trimmed(content.substr(0, equals));
    if (!is_name(key)) {
      fail_at(
          display, number,
          "expected 'key = value', '[section]' or a comment, found '" + mask_url(content) + "'");
    }
    if (!in_section) {
      fail_at(display, number,
              "'" + std::string(key) + "' is outside any section; put it under " +
                  section_list(shown_sections));
    }
    std::string value(trimmed(content.substr(equals + 1)));
    std::replace(value.begin(), value.end(), '#', hidden_hash);
    result.text += std::string(key) + "=" + value + "\n";
    result.entry_lines.push_back(number);
  }
  return result;
}

po::options_description described(const std::vector<IniKey>& keys) {
  po::options_description description;
  for (const auto& key : keys) {
    if (key.repeatable) {
      description.add_options()(key.name.c_str(), po::value<std::vector<std::string>>());
    } else {
      description.add_options()(key.name.c_str(), po::value<std::string>());
    }
  }
  return description;
}

std::string readable_key(const std::string& qualified) {
  const auto dot = qualified.rfind('.');
  return "'" + qualified.substr(dot + 1) + "' in [" + qualified.substr(0, dot) + "]";
}

}  // namespace

std::vector<IniEntry> read_ini_file(const std::filesystem::path& path,
                                    const std::string& display_name,
                                    const std::vector<IniKey>& keys) {
  const std::vector<std::string> lines = read_lines(path, display_name);
  std::vector<std::string> shown_sections;  // in declaration order, for messages
  const auto [concrete, sections] = expanded(keys, lines, shown_sections);
  std::set<std::string> repeatable;
  for (const auto& key : concrete)
    if (key.repeatable) repeatable.insert(key.name);
  const CleanedFile file = cleaned(lines, display_name, sections, shown_sections);

  std::istringstream text(file.text);
  po::parsed_options parsed(nullptr);
  try {
    parsed = po::parse_config_file(text, described(concrete), true);
  } catch (const po::error& e) {
    usage_error("config file '" + display_name + "': " + e.what());
  }
  if (parsed.options.size() != file.entry_lines.size()) {
    usage_error("config file '" + display_name + "' could not be read consistently");
  }

  std::vector<IniEntry> entries;
  std::map<std::string, int> first_line_of;
  for (std::size_t i = 0; i < parsed.options.size(); ++i) {
    const auto& option = parsed.options[i];
    const int line = file.entry_lines[i];
    if (option.unregistered)
      fail_at(display_name, line, "unknown key " + readable_key(option.string_key));
    const auto [first, inserted] = first_line_of.emplace(option.string_key, line);
    if (!inserted && !repeatable.contains(option.string_key)) {
      fail_at(display_name, line,
              readable_key(option.string_key) + " is already set at line " +
                  std::to_string(first->second));
    }
    std::string value = option.value.empty() ? std::string() : option.value.front();
    std::replace(value.begin(), value.end(), hidden_hash, '#');
    entries.push_back({option.string_key, std::move(value), line});
  }
  return entries;
}

}  // namespace host
