#include "host/config/settings_file.hpp"

#include "host/config/config_paths.hpp"
#include "host/config/ini_file.hpp"
#include "host/config/setting_values.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

const std::vector<std::string> lock_mode_names = {"auto", "advisory", "table", "none"};

const std::vector<IniKey> known_keys = {
    {"retort.database_url"},
    {"retort.revisions", true},
    {"retort.plugin_path", true},
    {"retort.cpp_revisions"},
    {"retort.version_table"},
    {"retort.version_table_schema"},
    {"retort.history_table"},
    {"retort.scratch_url"},
    {"retort.models", true},
    {"retort.init_sql"},
    {"retort.transaction_per_migration"},
    {"retort.lock_timeout"},
    {"retort.lock"},
    {"retort.lock_lease"},
    {"log.level"},
    {"log.format"},
    {"log.file"},
    {"target.*.url"},
    {"target.*.labels"},
};

// "a, b c" -> {"a", "b", "c"}.
std::vector<std::string> label_list(const std::string& value) {
  std::vector<std::string> labels;
  std::string current;
  for (char c : value + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) labels.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return labels;
}

class FileLayer {
 public:
  FileLayer(Settings& settings, const ConfigLocation& file)
      : settings_(settings), file_(file), folder_(file.path.parent_path()) {}

  void apply(const IniEntry& entry) {
    // A target is there as soon as one of its keys is, so that an empty
    // url is an error rather than a target silently left out.
    if (entry.key.rfind("target.", 0) == 0) {
      const auto dot = entry.key.rfind('.');
      ConfiguredTarget& target = target_named(entry.key.substr(7, dot - 7));
      if (entry.key.substr(dot + 1) == "url") target.url = entry.value;
      else target.labels = label_list(entry.value);
      return;
    }
    // An empty value ("file =" in SPEC's example) leaves the default alone.
    if (entry.value.empty()) return;
    const std::string& key = entry.key;
    const std::string& value = entry.value;
    if (key == "retort.database_url") {
      settings_.database_url = value;
    } else if (key == "retort.revisions") {
      settings_.revisions.push_back(anchored_revisions_source(value, folder_));
    } else if (key == "retort.plugin_path") {
      settings_.plugin_path.push_back(anchored_path(value, folder_));
    } else if (key == "retort.cpp_revisions") {
      settings_.cpp_revisions = anchored_path(value, folder_);
    } else if (key == "retort.version_table") {
      settings_.version_table = value;
    } else if (key == "retort.version_table_schema") {
      settings_.version_table_schema = value;
    } else if (key == "retort.history_table") {
      settings_.history_table = value;
    } else if (key == "retort.models") {
      settings_.models.push_back(anchored_path(value, folder_));
    } else if (key == "retort.init_sql") {
      settings_.init_sql = value;
    } else if (key == "retort.scratch_url") {
      settings_.scratch_url = value;
    } else if (key == "retort.transaction_per_migration") {
      settings_.transaction_per_migration = boolean(entry);
    } else if (key == "retort.lock_timeout") {
      settings_.lock_timeout = seconds(entry);
    } else if (key == "retort.lock") {
      settings_.lock = choice(entry, lock_mode_names);
    } else if (key == "retort.lock_lease") {
      settings_.lock_lease = seconds(entry);
    } else if (key == "log.level") {
      settings_.log_level = choice(entry, log_level_names);
    } else if (key == "log.format") {
      settings_.log_format = choice(entry, log_format_names);
    } else if (key == "log.file") {
      settings_.log_file = anchored_path(value, folder_);
    }
  }

  /// Every `[target.NAME]` must name its database.
  void check_targets() const {
    for (const auto& t : settings_.targets)
      if (t.url.empty()) usage_error(t.origin + " has no url: give the database as 'url = URL'");
  }

 private:
  std::string location(const IniEntry& entry) const {
    return file_.display_name + ":" + std::to_string(entry.line);
  }
  std::string name(const IniEntry& entry) const {
    return entry.key.substr(entry.key.find('.') + 1);
  }

  bool boolean(const IniEntry& entry) const {
    if (auto value = parsed_boolean(entry.value)) return *value;
    invalid_value(location(entry), name(entry), entry.value, "true, false, yes, no, 1 or 0");
  }
  double seconds(const IniEntry& entry) const {
    if (auto value = parsed_positive_number(entry.value)) return *value;
    invalid_value(location(entry), name(entry), entry.value, "a number of seconds above 0");
  }
  std::string choice(const IniEntry& entry, const std::vector<std::string>& choices) const {
    if (auto value = parsed_choice(entry.value, choices)) return *value;
    invalid_value(location(entry), name(entry), entry.value, alternatives(choices));
  }

  ConfiguredTarget& target_named(const std::string& name) {
    for (auto& t : settings_.targets)
      if (t.name == name) return t;
    settings_.targets.push_back({name, "", {}, file_.display_name + " [target." + name + "]"});
    return settings_.targets.back();
  }

  Settings& settings_;
  const ConfigLocation& file_;
  std::filesystem::path folder_;
};

}  // namespace

void apply_config_file(Settings& settings, const ConfigLocation& file) {
  FileLayer layer(settings, file);
  for (const IniEntry& entry : read_ini_file(file.path, file.display_name, known_keys)) {
    layer.apply(entry);
  }
  layer.check_targets();
  settings.config_file = file.path.string();
}

}  // namespace host
