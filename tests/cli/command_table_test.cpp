// The command table is the one list of commands: the parser accepts exactly
// the options a row names, and the completion script and the man page (which
// cannot read the table) name exactly the table's commands and options.
#include "host/cli/command_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "host/cli/arguments.hpp"
#include "host/errors/error.hpp"

namespace {

using Words = std::set<std::string>;

std::string source_file(const std::string& relative) {
  const char* root = std::getenv("RETORT_SOURCE_DIR");
  EXPECT_NE(root, nullptr) << "RETORT_SOURCE_DIR is not set";
  std::ifstream in(std::string(root ? root : ".") + "/" + relative);
  EXPECT_TRUE(in) << "cannot read " << relative;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Words words_of(const std::string& text) {
  std::istringstream in(text);
  Words words;
  for (std::string w; in >> w;) words.insert(w);
  return words;
}

Words table_names() {
  Words names;
  for (const auto& c : host::command_table()) names.emplace(c.name);
  return names;
}

Words long_options_of(const host::Command& command) {
  Words options;
  for (auto o : command.options) options.insert("--" + std::string(o));
  return options;
}

// The command line `retort COMMAND ARGS... --OPTION [VALUE]`, with --sql
// when the option is --output (which goes with --sql only), --targets with
// the options of a fleet.
std::vector<std::string> line_with(const host::Command& command, const host::CommandOption& option) {
  std::vector<std::string> argv{std::string(command.name)};
  for (std::size_t i = 0; i < command.min_args; ++i) argv.push_back("head");
  argv.push_back("--" + option.long_name);
  const bool number = option.long_name == "jobs" || option.long_name == "canary" || option.long_name == "max-failures";
  if (option.takes_value) argv.push_back(number ? "2" : "value");
  if (option.long_name == "output") argv.push_back("--sql");
  // The fleet's options go with --targets.
  const bool fleet = number || option.long_name == "journal" || option.long_name == "resume";
  if (fleet) argv.insert(argv.end(), {"--targets", "targets.txt"});
  return argv;
}

TEST(CliCommandTable, EachRowHasTheHandlerItsNeedsCallFor) {
  for (const auto& c : host::command_table()) {
    SCOPED_TRACE(std::string(c.name));
    if (c.needs & host::READS_CONFIG) {
      EXPECT_NE(c.run, nullptr);
      EXPECT_EQ(c.run_unconfigured, nullptr);
    } else {
      EXPECT_EQ(c.run, nullptr);
      EXPECT_NE(c.run_unconfigured, nullptr);
      EXPECT_EQ(c.needs, 0u) << "a command without settings has no graph, database or lock";
    }
    if (c.needs & host::TAKES_LOCK) {
      EXPECT_TRUE(c.needs & host::NEEDS_DATABASE);
    }
    EXPECT_LE(c.min_args, c.max_args);
    EXPECT_FALSE(c.synopsis.empty());
    EXPECT_FALSE(c.summary.empty());
    EXPECT_EQ(c.synopsis.substr(0, c.name.size()), c.name);
  }
}

TEST(CliCommandTable, NamesAreUniqueAndAreWhatHelpLists) {
  const auto& table = host::command_table();
  EXPECT_EQ(table_names().size(), table.size());
  ASSERT_EQ(host::command_names().size(), table.size());
  const std::string help = host::usage_text();
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(host::command_names()[i], table[i].name);
    EXPECT_NE(help.find("  " + std::string(table[i].name) + " "), std::string::npos) << table[i].name;
    EXPECT_EQ(host::find_command(table[i].name), &table[i]);
  }
  EXPECT_EQ(host::find_command("lock"), nullptr);
}

TEST(CliCommandTable, EveryRowsOptionsAreAcceptedAndEveryOtherOptionRefused) {
  const std::vector<host::CommandOption> known = host::command_options_known();
  Words known_names;
  for (const auto& o : known) known_names.insert(o.long_name);
  for (const auto& command : host::command_table()) {
    for (auto o : command.options) EXPECT_TRUE(known_names.count(std::string(o))) << command.name << " --" << o;
    for (const auto& option : known) {
      const std::vector<std::string> argv = line_with(command, option);
      const bool accepted =
          std::find(command.options.begin(), command.options.end(), option.long_name) != command.options.end();
      SCOPED_TRACE("retort " + std::string(command.name) + " --" + option.long_name);
      if (accepted) {
        EXPECT_NO_THROW(host::parse_arguments(argv));
        continue;
      }
      try {
        host::parse_arguments(argv);
        ADD_FAILURE() << "accepted";
      } catch (const host::Error& e) {
        EXPECT_EQ(e.code(), host::ExitCode::usage);
        EXPECT_EQ(std::string(e.what()),
                  "option --" + option.long_name + " does not apply to '" + std::string(command.name) + "'");
      }
    }
  }
}

TEST(CliCommandTable, HelpOfACommandListsExactlyItsOptions) {
  for (const auto& command : host::command_table()) {
    const std::string help = host::usage_text(std::string(command.name));
    const std::string own = help.substr(0, help.find("Global options"));
    Words listed;
    const std::regex option_line("^  (?:-[a-z] \\[ )?--([a-z][a-z-]*)");
    std::istringstream in(own);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, option_line)) listed.insert("--" + m[1].str());
    }
    EXPECT_EQ(listed, long_options_of(command)) << command.name;
  }
}

// packaging/completion/retort.bash: `_retort_commands="..."`, and one
// `NAME) echo "OPTIONS" ;;` arm per command that takes options.
TEST(CliCommandTable, CompletionOffersExactlyTheTablesCommandsAndOptions) {
  const std::string script = source_file("packaging/completion/retort.bash");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(script, m, std::regex("_retort_commands=\"([^\"]*)\"")));
  EXPECT_EQ(words_of(m[1].str()), table_names());

  std::map<std::string, Words> offered;
  const std::regex arm("\\n\\s*([a-z]+)\\) echo \"([^\"]*)\" ;;");
  for (auto it = std::sregex_iterator(script.begin(), script.end(), arm); it != std::sregex_iterator(); ++it) {
    Words long_ones;
    for (const auto& w : words_of((*it)[2].str()))
      if (w.rfind("--", 0) == 0) long_ones.insert(w);
    offered[(*it)[1].str()] = long_ones;
  }
  for (const auto& [name, options] : offered) EXPECT_TRUE(host::find_command(name)) << "completion offers options of " << name;
  for (const auto& command : host::command_table())
    EXPECT_EQ(offered[std::string(command.name)], long_options_of(command)) << command.name;
}

// The completion script steps over an option's value while it looks for the
// command (the `-c | --config | --plugin-path)` and `--url | ... )` arms with
// `((i++))`): a value-taking option missing there would make its value read
// as the command. Every value-taking option of the table, and the global ones.
TEST(CliCommandTable, CompletionStepsOverTheValueOfEveryValueTakingOption) {
  const std::string script = source_file("packaging/completion/retort.bash");
  Words skipped;
  const std::regex arm("\\n\\s*(-[-a-z |\\\\\\n]+)\\)\\s*(context\\+=\\(\"\\$word\" \"\\$\\{words\\[i \\+ 1\\]\\}\"\\)\\s*)?\\(\\(i\\+\\+\\)\\)");
  for (auto it = std::sregex_iterator(script.begin(), script.end(), arm); it != std::sregex_iterator(); ++it) {
    std::string names = (*it)[1].str();
    std::replace(names.begin(), names.end(), '|', ' ');
    std::replace(names.begin(), names.end(), '\\', ' ');
    for (const auto& w : words_of(names))
      if (w.rfind("--", 0) == 0) skipped.insert(w);
  }
  Words expected = {"--config",    "--plugin-path", "--url",   "--x-argument",
                    "--models",    "--init-sql",    "--log-level",  "--log-format", "--format"};
  for (const auto& option : host::command_options_known())
    if (option.takes_value) expected.insert("--" + option.long_name);
  EXPECT_EQ(skipped, expected);
}

// packaging/man/retort.1: each `.TP` entry of COMMANDS opens with the
// command's name in bold (`.B current`, `.BI "init " DIR`, `.BR heads ", " branches`).
TEST(CliCommandTable, ManPageDocumentsExactlyTheTablesCommandsAndTheirOptions) {
  std::string page = source_file("packaging/man/retort.1");
  page = std::regex_replace(page, std::regex("\\\\f[BIRP]"), "");
  page = std::regex_replace(page, std::regex("\\\\-"), "-");
  const std::size_t from = page.find("\n.SH COMMANDS\n");
  ASSERT_NE(from, std::string::npos);
  const std::size_t to = page.find("\n.SH ", from + 1);
  std::istringstream section(page.substr(from, to - from));

  Words documented;
  bool after_tp = false;
  for (std::string line; std::getline(section, line);) {
    if (line == ".TP") {
      after_tp = true;
      continue;
    }
    if (!after_tp) continue;
    after_tp = false;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, std::regex("\\.(B|BI|BR) (.*)"))) << line;
    // The macro's arguments: quoted or single words; .BR sets every other one in bold.
    std::vector<std::string> arguments;
    const std::regex argument("\"([^\"]*)\"|(\\S+)");
    const std::string rest = m[2].str();
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), argument); it != std::sregex_iterator(); ++it)
      arguments.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    const std::size_t step = m[1] == "BR" ? 2 : arguments.size();
    for (std::size_t i = 0; i < arguments.size(); i += step) {
      std::istringstream words(arguments[i]);
      std::string first;
      words >> first;
      documented.insert(first);
    }
  }
  EXPECT_EQ(documented, table_names());
  for (const auto& command : host::command_table())
    for (const auto& option : long_options_of(command))
      EXPECT_NE(page.find(option), std::string::npos) << option << " of " << command.name;
}

}  // namespace
