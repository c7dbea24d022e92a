// The host's settings: the command line, the environment, retort.ini and the
// defaults merged into one value, in that order of precedence (SPEC §4).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace host {

/// What the CLI parsed; an absent flag is nullopt or empty.
struct CommandLine {
  std::optional<std::string> config_file, url, log_level, log_format, log_file;
  std::vector<std::string> plugin_paths;
  std::vector<std::string> x_args;  ///< "KEY=VALUE", as given to -x
  std::vector<std::string> models;  ///< --models (repeatable); replaces the file's and the environment's
  std::optional<std::string> init_sql;
};

/// A `[target.NAME]` section: one database of a fleet (`--targets label:L`).
struct ConfiguredTarget {
  std::string name;
  std::string url;
  std::vector<std::string> labels;  ///< `labels = eu, paid`: split at commas and blanks
  std::string origin;               ///< "FILE [target.NAME]"
};

/// Everything the rest of the host needs to know. Paths are absolute.
struct Settings {
  std::string database_url;              ///< "" if none was given anywhere
  std::vector<std::string> revisions;    ///< a folder, a .so, or "provider:argument"
  std::vector<std::string> plugin_path;  ///< --plugin-path, RETORT_PLUGIN_PATH, then config
  std::string cpp_revisions;             ///< where `revision --template cpp` writes sources; "" if unset
  std::string version_table = "retort_version";
  std::string version_table_schema;
  std::string history_table = "retort_history";
  /// An empty database used as the scratch database (diff, drift in check,
  /// models), emptied after use; "" to create one on database_url's server.
  std::string scratch_url;
  /// The desired schema: models plugins (.so) and declarative .sql files or
  /// folders; --models, RETORT_MODELS (a path list) or `models` (repeatable).
  std::vector<std::string> models;
  /// Statements run on every connection right after it is made (before the
  /// lock), and written at the top of offline scripts; "" for none.
  std::string init_sql;
  bool transaction_per_migration = true;
  double lock_timeout = 60;                                 ///< seconds, > 0
  std::string lock = "auto";                                ///< auto | advisory | table | none
  double lock_lease = 30;                                   ///< seconds, > 0: `lock = table`'s lease
  std::string log_level = "info";                           ///< error | warn | info | debug
  std::string log_format = "text";                          ///< text | json
  std::string log_file;                                     ///< "" for none
  std::string config_file;                                  ///< the file read, "" if none
  std::vector<std::pair<std::string, std::string>> x_args;  ///< in command-line order
  std::vector<ConfiguredTarget> targets;                    ///< `[target.NAME]` sections, in file order
};

/// Looks a variable up; nullopt when unset. An empty value counts as unset.
using Environment = std::function<std::optional<std::string>(const std::string&)>;

/// The process environment, through getenv.
Environment process_environment();

/// Merges the sources. `cwd` anchors relative paths from the command line and
/// the environment, and is where ./retort.ini is looked for. Throws a
/// one-line host::Error(usage) for any bad value, naming where it came from
/// (flag, variable, or FILE:LINE).
Settings resolve_settings(const CommandLine& command_line, const Environment& environment,
                          const std::filesystem::path& cwd);

}  // namespace host
