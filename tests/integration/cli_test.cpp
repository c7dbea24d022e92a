// The command line as a user meets it: errors with their exit codes and one
// clear line, plugins that are not what they claim, JSON output, and a
// catalogue of bad input none of which may end the process by a signal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <nlohmann/json.hpp>
#include <retort/abi.h>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

fs::path fixture(const std::string& name) { return fs::path(RETORT_IT_FIXTURES) / name; }

int line_count(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

class Cli : public ::testing::Test {
 protected:
  Project project{"sqlite"};
};

TEST_F(Cli, VersionNamesToolAndAbi) {
  Result r = project.retort({"--version"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("retort 0.1.0"));
  EXPECT_THAT(r.out, HasSubstr("ABI " RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR)));
}

// Deploy scripts read results from stdout: one that could not be written
// must not exit 0.
TEST_F(Cli, ResultThatCannotBeWrittenIsAnError) {
  project.use_shop();
  const std::string command = "exec \"$0\" heads >/dev/full";
  Result r = it::run_process({"/bin/sh", "-c", command, it::retort_binary().string()}, project.dir().path());
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot write the result to standard output"));
}

// A stamp ran nothing; "applied ..., 0 ms" would pass it off as a run.
TEST_F(Cli, HistorySaysWhichRevisionsWereStampedRatherThanRun) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", it::shop_ids.at(0)}).code, 0);
  ASSERT_EQ(project.retort({"stamp", "head"}).code, 0);
  Result text = project.retort({"history"});
  EXPECT_EXIT_CODE(text, 0);
  EXPECT_THAT(text.out, HasSubstr(it::shop_ids.back() + " (head) (current), "));
  EXPECT_THAT(text.out, ::testing::ContainsRegex(it::shop_ids.back() + " .*\\[stamped [0-9T:.-]+Z\\]"));
  EXPECT_THAT(text.out, ::testing::ContainsRegex(it::shop_ids.at(0) + ", .*\\[applied [0-9T:.-]+Z, [0-9]+ ms\\]"));
  auto doc = nlohmann::json::parse(project.retort({"--format", "json", "history"}).out);
  std::map<std::string, bool> stamped;
  for (const auto& r : doc.at("history"))
    if (r.contains("stamped")) stamped[r.at("revision")] = r.at("stamped");
  EXPECT_EQ(stamped, (std::map<std::string, bool>{{it::shop_ids.at(0), false}, {it::shop_ids.back(), true}}));
}

// history sums the history table up row by row: a downgrade row cancels the
// run before it, and a later stamp is what the revision shows.
TEST_F(Cli, HistoryForgetsARevertedRunAndShowsTheStampAfterIt) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  ASSERT_EQ(project.retort({"downgrade", "-1"}).code, 0);
  auto line_of = [](const std::string& out, const std::string& id) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (line.find(" -> " + id) != std::string::npos) return line;
    return std::string("(no line for " + id + ")");
  };
  Result reverted = project.retort({"history"});
  EXPECT_EXIT_CODE(reverted, 0);
  EXPECT_THAT(line_of(reverted.out, it::shop_ids.back()), Not(HasSubstr("[")));
  EXPECT_THAT(line_of(reverted.out, it::shop_ids.at(0)), HasSubstr("[applied "));
  ASSERT_EQ(project.retort({"stamp", "head"}).code, 0);
  Result stamped = project.retort({"history"});
  EXPECT_THAT(line_of(stamped.out, it::shop_ids.back()), ::testing::ContainsRegex("\\[stamped [0-9T:.-]+Z\\]$"));
}

TEST_F(Cli, EveryCommandHasHelp) {
  for (const char* c : {"upgrade", "downgrade", "stamp", "current", "heads", "branches", "history", "show", "check",
                        "plugins"}) {
    Result r = project.retort({c, "--help"});
    EXPECT_EXIT_CODE(r, 0);
    EXPECT_THAT(r.out, HasSubstr(std::string("usage: retort [global options] ") + c));
  }
}

TEST_F(Cli, UnknownCommandIsAUsageError) {
  Result r = project.retort({"upgrad", "head"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command 'upgrad'"));
  EXPECT_EQ(line_count(r.err), 1);
}

TEST_F(Cli, ConfigurationErrorNamesFileAndLine) {
  project.use_shop();
  write_file(project.dir() / "retort.ini", "[retort]\ndatabase_url = sqlite:///x.db\nlock_timeout = soon\n");
  Result r = project.retort({"current"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("retort.ini:3"));
  EXPECT_THAT(r.err, HasSubstr("lock_timeout"));
}

TEST_F(Cli, UnknownAndAmbiguousTargetsAreGraphErrors) {
  project.use_shop();
  Result unknown = project.retort({"upgrade", "ffff"});
  EXPECT_EXIT_CODE(unknown, 4);
  EXPECT_THAT(unknown.err, HasSubstr("ffff"));
  project.use_sql_revisions({{"abcd00000001", "", "SELECT 1;", ""}, {"abcd00000002", "abcd00000001", "SELECT 1;", ""}});
  Result ambiguous = project.retort({"upgrade", "abcd"});
  EXPECT_EXIT_CODE(ambiguous, 4);
  EXPECT_THAT(ambiguous.err, HasSubstr("abcd00000001"));
  EXPECT_THAT(ambiguous.err, HasSubstr("abcd00000002"));
}

TEST_F(Cli, HeadWithSeveralHeadsNamesThem) {
  project.use_sql_revisions({{"aaaa00000001", "", "SELECT 1;", ""},
                             {"bbbb00000002", "aaaa00000001", "SELECT 1;", ""},
                             {"cccc00000003", "aaaa00000001", "SELECT 1;", ""}});
  Result r = project.retort({"upgrade", "head"});
  EXPECT_EXIT_CODE(r, 4);
  EXPECT_THAT(r.err, HasSubstr("bbbb00000002"));
  EXPECT_THAT(r.err, HasSubstr("cccc00000003"));
  Result all = project.retort({"upgrade", "heads"});
  EXPECT_EXIT_CODE(all, 0);
  EXPECT_EQ(project.versions(), "bbbb00000002\ncccc00000003");
}

TEST_F(Cli, NotASharedObjectIsAPluginErrorWithTheLoadersReason) {
  write_file(project.dir() / "bogus.so", std::string(40, '#') + " this is not an ELF file " + std::string(200, '#'));
  project.configure((project.dir() / "bogus.so").string());
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 3);
  EXPECT_THAT(r.err, HasSubstr("bogus.so"));
  EXPECT_THAT(r.err, HasSubstr("invalid ELF header"));
}

TEST_F(Cli, MissingEntrySymbolIsAPluginErrorNamingTheSymbol) {
  project.configure(fixture("no_entry.so").string());
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 3);
  EXPECT_THAT(r.err, HasSubstr("no_entry.so"));
  EXPECT_THAT(r.err, HasSubstr("retort_plugin_entry"));
}

TEST_F(Cli, PluginOfAnotherAbiMajorIsRefusedNamingBothVersions) {
  project.configure(fixture("abi_major_two.so").string());
  Result r = project.retort({"heads"});
  EXPECT_EXIT_CODE(r, 3);
  EXPECT_THAT(r.err, HasSubstr("abi_major_two.so"));
  EXPECT_THAT(r.err, HasSubstr("2.0"));
  EXPECT_THAT(r.err, HasSubstr("1."));
}

TEST_F(Cli, MissingDialectNamesSchemeAndFoldersSearched) {
  project.use_shop();
  Result r = project.retort({"current", "--url", "oracle://scott:tiger@127.0.0.1/orcl"});
  EXPECT_EXIT_CODE(r, 3);
  EXPECT_THAT(r.err, HasSubstr("oracle"));
  EXPECT_THAT(r.err, HasSubstr("lib/retort/plugins"));
  EXPECT_THAT(r.err, Not(HasSubstr("tiger")));
}

TEST_F(Cli, ConnectionFailureMasksThePassword) {
  project.use_shop();
  Result r = project.retort({"current", "--url", "postgresql://retort:s3cretpw@127.0.0.1:1/nodb"});
  EXPECT_EXIT_CODE(r, 1);
  EXPECT_THAT(r.err, Not(HasSubstr("s3cretpw")));
  EXPECT_THAT(r.err, HasSubstr("***"));
  EXPECT_EQ(line_count(r.err), 1);
}

TEST_F(Cli, PluginsInspectDescribesAPluginWithoutLoadingIt) {
  Result r = project.retort({"--format", "json", "plugins", "inspect", shop_plugin().string()});
  EXPECT_EXIT_CODE(r, 0);
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["kind"], "provider");
  EXPECT_EQ(doc["name"], "shop");
  // Built by this tree's SDK, so it carries the current ABI.
  EXPECT_EQ(doc["abi"], std::to_string(RETORT_ABI_MAJOR) + "." + std::to_string(RETORT_ABI_MINOR));
  EXPECT_EQ(doc["exports_entry"], true);
  Result bogus = project.retort({"plugins", "inspect", fixture("no_entry.so").string()});
  EXPECT_EXIT_CODE(bogus, 3);
  EXPECT_THAT(bogus.out, HasSubstr("not a retort plugin"));
  EXPECT_THAT(bogus.out, HasSubstr("exports retort_plugin_entry: no"));
  // Hand-written (no SDK, so no note), but it does export the entry.
  Result hand_written = project.retort({"plugins", "inspect", fixture("abi_major_two.so").string()});
  EXPECT_EXIT_CODE(hand_written, 3);
  EXPECT_THAT(hand_written.out, HasSubstr("exports retort_plugin_entry: yes"));
}

TEST_F(Cli, PluginsListsTheShippedDialects) {
  Result r = project.retort({"plugins"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_THAT(r.out, HasSubstr("dialect sqlite"));
  EXPECT_THAT(r.out, HasSubstr("provider sqldir"));
}

TEST_F(Cli, JsonResultsAreOneDocument) {
  project.use_shop();
  ASSERT_EQ(project.retort({"upgrade", "head"}).code, 0);
  for (const char* c : {"current", "heads", "branches", "history", "check"}) {
    Result r = project.retort({"--format", "json", c});
    EXPECT_EXIT_CODE(r, 0);
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << c << ": " << r.out;
  }
  Result show = project.retort({"show", "3f1c", "--format", "json"});
  auto doc = nlohmann::json::parse(show.out);
  EXPECT_EQ(doc["revision"], "3f1c2a9b7d10");
  EXPECT_THAT(doc["upgrade_sql"][0].get<std::string>(), HasSubstr("CREATE TABLE \"users\""));
}

TEST_F(Cli, RevisionsSeeXArgumentsTheDialectAndTheMode) {
  project.configure(fixture("context_reader.so").string());
  Result r = project.retort({"-x", "table=from_x", "upgrade", "head"});
  EXPECT_EXIT_CODE(r, 0);
  EXPECT_EQ(project.db().query("SELECT dialect, mode FROM from_x"), "sqlite\tonline\n");
  Result offline = project.retort({"upgrade", "head", "--sql"});
  EXPECT_EXIT_CODE(offline, 0);
  EXPECT_THAT(offline.out, HasSubstr("CREATE TABLE \"context_default\""));
  EXPECT_THAT(offline.out, HasSubstr("'sqlite', 'offline'"));
}

TEST_F(Cli, MalformedXArgumentIsAUsageError) {
  project.use_shop();
  Result r = project.retort({"-x", "noequals", "heads"});
  EXPECT_EXIT_CODE(r, 2);
  EXPECT_THAT(r.err, HasSubstr("noequals"));
}

TEST_F(Cli, NoBadInputEndsTheProcessBySignal) {
  project.use_shop();
  write_file(project.dir() / "garbage.ini", std::string("\x01\x02[retort\n=\n\xff\xfe", 12));
  write_file(project.dir() / "empty.so", "");
  const std::vector<std::vector<std::string>> catalogue = {
      {},
      {"--nope"},
      {"upgrade"},
      {"upgrade", "head", "extra"},
      {"upgrade", "+-1"},
      {"upgrade", "@@@"},
      {"downgrade", "+3"},
      {"upgrade", std::string(5000, 'a')},
      {"--url", "", "current"},
      {"--url", "sqlite://", "current"},
      {"--url", "postgresql://u:p@[::1", "current"},
      {"--url", "mariadb://%zz:%@host:99999999/db", "current"},
      {"--url", "::::", "current"},
      {"-c", "garbage.ini", "current"},
      {"-c", "does-not-exist.ini", "current"},
      {"--plugin-path", "/nonexistent", "plugins"},
      {"plugins", "inspect", "empty.so"},
      {"plugins", "inspect", "/dev/null"},
      {"plugins", "inspect", "/"},
      {"plugins", "inspect", "garbage.ini"},
      {"history", "-r", "::"},
      {"history", "-r", "-999:current"},
      {"show", "zz"},
      {"stamp", "base", "--purge", "--sql"},
      {"--log-level", "loud", "heads"},
      {"--format", "xml", "heads"},
  };
  for (const auto& args : catalogue) {
    Result r = project.retort(args);
    std::string joined;
    for (const auto& a : args) joined += a.substr(0, 40) + " ";
    EXPECT_EQ(r.signal, 0) << "retort " << joined << "was killed by signal " << r.signal << "\n" << r.err;
    EXPECT_GE(r.code, 0) << joined;
    EXPECT_LE(r.code, 6) << joined << "\n" << r.err;
    if (r.code != 0) {
      EXPECT_EQ(line_count(r.err), 1) << "retort " << joined << "\n" << r.err;
    }
  }
}

}  // namespace
}  // namespace it
