#include "host/cli/arguments.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "host/cli/command_table.hpp"
#include "host/errors/error.hpp"

namespace po = boost::program_options;

namespace host {
namespace {

po::options_description global_options() {
  po::options_description d("Global options");
  d.add_options()
      ("config,c", po::value<std::string>(), "configuration file (default: $RETORT_CONFIG, ./retort.ini)")
      ("url", po::value<std::string>(), "database URL (overrides $RETORT_DATABASE_URL and the file)")
      ("plugin-path", po::value<std::vector<std::string>>(), "a folder to search for plugins (repeatable)")
      ("x-argument,x", po::value<std::vector<std::string>>(), "KEY=VALUE passed to revisions (repeatable)")
      ("models", po::value<std::vector<std::string>>(), "the models: a models plugin, or a .sql file or folder (repeatable)")
      ("init-sql", po::value<std::string>(), "statements run on every connection first, and atop offline scripts")
      ("log-level", po::value<std::string>(), "error | warn | info | debug")
      ("log-format", po::value<std::string>(), "text | json")
      ("format", po::value<std::string>(), "result format: text | json")
      ("allow-untrusted-plugins", "load plugins even if others than their owner can change them")
      ("help,h", "show help (for a command: retort COMMAND --help)")
      ("version", "show the version and the plugin ABI");
  return d;
}

po::options_description command_options() {
  po::options_description d("Command options");
  d.add_options()
      ("sql", "offline: print the SQL instead of running it")
      ("output", po::value<std::string>(), "with --sql: write the script to FILE")
      ("purge", "stamp: delete every version row first, even unknown ones")
      ("no-drift", "check: do not compare the live schema with the revisions (no scratch database)")
      ("from", po::value<std::string>(), "diff: the schema to start from (database, head, a revision, models, "
                                         "file:PATH, empty); revision --autogenerate: head or database; adopt: the "
                                         "tool (alembic, golang-migrate, goose, flyway, dbmate, diesel)")
      ("to", po::value<std::string>(), "diff: the schema to reach (database, head, a revision, models, file:PATH, empty)")
      ("allow-destructive", "diff, revision --autogenerate: plan steps that drop tables or columns or may lose data")
      ("autogenerate", "revision: write the steps from head (or --from database) to the models, proven first")
      ("retry-pending", "upgrade, downgrade: resume revisions left 'pending' by an interrupted run")
      ("rev-range,r", po::value<std::string>(), "history: a range such as base:head, -3:current, REV:")
      ("message,m", po::value<std::string>(), "revision, merge: the revision's message")
      ("head", po::value<std::string>(), "revision: the parent (an id, a prefix, label@head; base for a new root)")
      ("splice", "revision: let --head name a revision that is not a head, starting a new branch from it")
      ("branch-label", po::value<std::vector<std::string>>(), "revision: a branch label for it (repeatable)")
      ("depends-on", po::value<std::vector<std::string>>(), "revision: a revision it depends on (repeatable)")
      ("rev-id", po::value<std::string>(), "revision, merge: its id instead of 12 random hex digits")
      ("template", po::value<std::string>(), "init, revision, merge: sqldir (.sql files) or cpp (C++ sources)")
      ("targets", po::value<std::string>(), "run on every database a targets FILE lists (NAME URL a line), or the "
                                            "config's [target.NAME] sections with label:L")
      ("jobs", po::value<std::string>(), "with --targets: how many databases at once (default: the cores)")
      ("canary", po::value<std::string>(), "with --targets: run the first N alone first; stop if one fails")
      ("max-failures", po::value<std::string>(), "with --targets: start no new database after K failures")
      ("journal", po::value<std::string>(), "with --targets: where each database's outcome is recorded "
                                            "(default: retort-fleet.jsonl next to the config)")
      ("resume", "with --targets: run only the databases the journal does not record as done");
  return d;
}

// `-1`, `-3:current` are targets and ranges, never options.
constexpr char negative_marker = '\x1e';
bool looks_negative(const std::string& s) {
  static const std::regex re("^-[0-9]+(:.*)?$");
  return std::regex_match(s, re);
}
std::string unmark(std::string s) {
  if (!s.empty() && s[0] == negative_marker) s.erase(0, 1);
  return s;
}

}  // namespace

const std::vector<std::string>& command_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& c : command_table()) n.emplace_back(c.name);
    return n;
  }();
  return names;
}

std::vector<CommandOption> command_options_known() {
  std::vector<CommandOption> known;
  const po::options_description options = command_options();
  for (const auto& option : options.options())
    known.push_back({option->long_name(), option->semantic()->max_tokens() > 0});
  return known;
}

std::string usage_text(const std::string& command) {
  std::ostringstream out;
  if (const Command* spec = find_command(command)) {
    out << "usage: retort [global options] " << spec->synopsis << "\n\n" << spec->summary << "\n";
    if (!spec->options.empty()) {
      out << "\nOptions:\n";
      po::options_description all = command_options();
      for (const auto& opt : all.options())
        if (std::find(spec->options.begin(), spec->options.end(), opt->long_name()) != spec->options.end())
          out << "  " << opt->format_name() << "  " << opt->description() << "\n";
    }
    out << "\n" << global_options();
    return out.str();
  }
  out << "usage: retort [-c FILE] [--url URL] [--plugin-path DIR]... [-x KEY=VALUE]...\n"
         "              [--log-level L] [--log-format text|json] [--format text|json] COMMAND ...\n\n"
         "Commands:\n";
  for (const auto& s : command_table()) {
    std::string name(s.name);
    name.resize(11, ' ');
    out << "  " << name << s.summary << "\n";
  }
  out << "\n" << global_options()
      << "\nExit codes: 0 ok, 1 database error, 2 usage or configuration error, 3 plugin error,\n"
         "4 revision graph error, 5 lock not acquired, 6 check found a difference.\n";
  return out.str();
}

Invocation parse_arguments(const std::vector<std::string>& argv) {
  std::vector<std::string> args;
  for (const auto& a : argv) args.push_back(looks_negative(a) ? std::string(1, negative_marker) + a : a);

  po::options_description all;
  all.add(global_options()).add(command_options());
  all.add_options()("words", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("words", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    usage_error(unmark(e.what()) + " (see 'retort --help')");
  }

  Invocation inv;
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (vm.count(key)) return unmark(vm[key].as<std::string>());
    return std::nullopt;
  };
  inv.global.config_file = text("config");
  inv.global.url = text("url");
  inv.global.log_level = text("log-level");
  inv.global.log_format = text("log-format");
  inv.global.init_sql = text("init-sql");
  if (vm.count("plugin-path")) inv.global.plugin_paths = vm["plugin-path"].as<std::vector<std::string>>();
  if (vm.count("models")) inv.global.models = vm["models"].as<std::vector<std::string>>();
  if (vm.count("x-argument")) inv.global.x_args = vm["x-argument"].as<std::vector<std::string>>();
  if (auto f = text("format")) {
    if (*f != "text" && *f != "json") usage_error("--format must be text or json, not '" + *f + "'");
    inv.json = *f == "json";
  }
  inv.help = vm.count("help") > 0;
  inv.version = vm.count("version") > 0;
  inv.allow_untrusted_plugins = vm.count("allow-untrusted-plugins") > 0;
  inv.sql = vm.count("sql") > 0;
  inv.output = text("output");
  inv.purge = vm.count("purge") > 0;
  inv.no_drift = vm.count("no-drift") > 0;
  inv.diff_from = text("from");
  inv.diff_to = text("to");
  inv.allow_destructive = vm.count("allow-destructive") > 0;
  inv.autogenerate = vm.count("autogenerate") > 0;
  inv.retry_pending = vm.count("retry-pending") > 0;
  inv.range = text("rev-range");
  inv.message = text("message");
  inv.head = text("head");
  inv.splice = vm.count("splice") > 0;
  inv.rev_id = text("rev-id");
  inv.template_name = text("template");
  inv.targets = text("targets");
  inv.journal = text("journal");
  inv.resume = vm.count("resume") > 0;
  auto texts = [&](const char* key) {
    std::vector<std::string> values;
    if (vm.count(key))
      for (const auto& v : vm[key].as<std::vector<std::string>>()) values.push_back(unmark(v));
    return values;
  };
  inv.branch_labels = texts("branch-label");
  inv.depends_on = texts("depends-on");

  std::vector<std::string> words;
  if (vm.count("words"))
    for (const auto& w : vm["words"].as<std::vector<std::string>>()) words.push_back(unmark(w));
  if (words.empty()) return inv;
  inv.command = words.front();
  inv.arguments.assign(words.begin() + 1, words.end());

  const Command* spec = find_command(inv.command);
  if (!spec) usage_error("unknown command '" + inv.command + "' (see 'retort --help')");
  if (inv.help) return inv;
  // In the order of their names, so that of two options given, the same one is named.
  std::set<std::string> given;
  const po::options_description options = command_options();
  for (const auto& option : options.options())
    if (vm.count(option->long_name())) given.insert(option->long_name());
  for (const auto& name : given)
    if (std::find(spec->options.begin(), spec->options.end(), name) == spec->options.end())
      usage_error("option --" + name + " does not apply to '" + inv.command + "'");
  if (inv.output && !inv.sql) usage_error("--output goes with --sql");
  auto count = [&](const char* key, std::size_t least) -> std::optional<std::size_t> {
    auto value = text(key);
    if (!value) return std::nullopt;
    static const std::regex digits("^[0-9]{1,6}$");
    if (!std::regex_match(*value, digits) || std::stoul(*value) < least)
      usage_error("--" + std::string(key) + " takes a whole number of at least " + std::to_string(least) + ", not '" +
                  *value + "'");
    return std::stoul(*value);
  };
  inv.jobs = count("jobs", 1);
  inv.canary = count("canary", 0).value_or(0);
  inv.max_failures = count("max-failures", 1).value_or(0);
  for (const char* fleet_only : {"jobs", "canary", "max-failures", "journal", "resume"})
    if (given.count(fleet_only) && !inv.targets) usage_error("--" + std::string(fleet_only) + " goes with --targets");
  if (inv.targets && inv.sql) usage_error("--targets runs online; --sql prints one script, without --targets");
  if (inv.targets && inv.global.url) usage_error("--targets names the databases; --url is not taken with it");
  if (inv.arguments.size() < spec->min_args || inv.arguments.size() > spec->max_args)
    usage_error("usage: retort " + std::string(spec->synopsis));
  return inv;
}

}  // namespace host
