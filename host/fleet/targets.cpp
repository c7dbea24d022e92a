#include "host/fleet/targets.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "host/config/url.hpp"
#include "host/errors/error.hpp"

namespace host::fleet {
namespace {

std::string_view without_comment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  return line;
}

std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> fields;
  std::istringstream words{std::string(line)};
  for (std::string word; words >> word;) fields.push_back(word);
  return fields;
}

}  // namespace

const char* state_name(State state) {
  switch (state) {
    case State::ok:
      return "ok";
    case State::failed:
      return "failed";
    case State::not_started:
      break;
  }
  return "not_started";
}

bool is_target_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '-' || c == '.';
  });
}

std::vector<Target> parse_targets(std::string_view text, const std::string& display_name) {
  std::vector<Target> targets;
  std::map<std::string, int> line_of;
  std::istringstream lines{std::string(text)};
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> fields = fields_of(without_comment(line));
    if (fields.empty()) continue;
    const std::string where = display_name + ":" + std::to_string(number);
    if (fields.size() != 2)
      usage_error(where + ": expected 'NAME URL', found " + std::to_string(fields.size()) + " field(s): '" +
                  mask_url(line) + "'");
    if (!is_target_name(fields[0]))
      usage_error(where + ": '" + mask_url(fields[0]) + "' is not a target name: 1 to 64 of [A-Za-z0-9_.-]");
    const auto [first, inserted] = line_of.emplace(fields[0], number);
    if (!inserted)
      usage_error(where + ": target " + fields[0] + " already at line " + std::to_string(first->second));
    targets.push_back({fields[0], fields[1], {}, where});
  }
  if (targets.empty()) usage_error(display_name + " lists no target: one 'NAME URL' a line");
  return targets;
}

std::vector<Target> read_targets_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) usage_error("targets file " + path.string() + " is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) usage_error("cannot read targets file " + path.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_targets(text.str(), path.string());
}

std::vector<Target> select_targets(const std::string& spec, const std::vector<Target>& configured,
                                   const std::string& config_name) {
  if (spec.rfind("label:", 0) != 0) return read_targets_file(spec);
  const std::string label = spec.substr(6);
  if (label.empty()) usage_error("--targets label: names no label (label:L chooses the [target.NAME] sections of " +
                                 config_name + " labelled L)");
  std::vector<Target> chosen;
  std::set<std::string> labels;
  for (const auto& t : configured) {
    labels.insert(t.labels.begin(), t.labels.end());
    if (std::find(t.labels.begin(), t.labels.end(), label) != t.labels.end()) chosen.push_back(t);
  }
  if (!chosen.empty()) return chosen;
  std::string there;
  for (const auto& l : labels) there += (there.empty() ? "" : ", ") + l;
  usage_error("no [target.NAME] section of " + config_name + " has the label '" + label + "' (" +
              (configured.empty() ? std::string("it has no target sections")
                                  : labels.empty() ? std::string("none has labels") : "labels there: " + there) +
              ")");
}

}  // namespace host::fleet
