// The README's tour, run as written: the "Your own project" block and the
// "Schema as code" block are read from README.md (not copied here, so the
// README cannot drift from what works) and run by bash, one shell, with
// `retort` on the PATH as the built binary, on SQLite as `retort init` sets
// it up. The blocks' conventions, which README.md's comment names:
// - a line is a command, its `# ...` the comment; a heredoc runs to its end;
// - `#   ` lines after `retort revision -m` are that file's SQL: what the
//   reader writes under the template's `-- retort:upgrade` marker;
// - a comment's `exit N` is the exit code expected (0 when none is given)
//   and each of its "quoted" texts must be in the command's output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "project.hpp"

namespace it {
namespace {

using ::testing::HasSubstr;

struct TourStep {
  std::string command;  ///< as written, heredoc included
  std::string comment;  ///< every comment of the step, continuation lines too
  std::string file_sql; ///< `#   ` lines: what goes under -- retort:upgrade
};

// The ```sh block after the first line that starts with `anchor`.
std::string block_after(const std::string& readme, const std::string& anchor) {
  const auto at = readme.find("\n" + anchor);
  if (at == std::string::npos) throw std::runtime_error("README.md has no line starting with " + anchor);
  const auto open = readme.find("```sh\n", at);
  const auto close = readme.find("\n```", open);
  if (open == std::string::npos || close == std::string::npos)
    throw std::runtime_error("README.md has no ```sh block after " + anchor);
  return readme.substr(open + 6, close + 1 - (open + 6));
}

// Where the comment starts: the first '#' after a blank, outside quotes.
std::size_t comment_start(const std::string& line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
      return i;
    }
  }
  return std::string::npos;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') + 1 - first);
}

std::vector<TourStep> steps_of(const std::string& block) {
  static const std::regex heredoc(R"(<<'([A-Za-z_]+)'$)");
  std::vector<TourStep> steps;
  std::istringstream lines(block);
  for (std::string line; std::getline(lines, line);) {
    if (trimmed(line).empty()) continue;
    if (trimmed(line)[0] == '#') {
      if (steps.empty()) throw std::runtime_error("a comment before any command: " + line);
      if (line.rfind("#   ", 0) == 0)
        steps.back().file_sql += line.substr(4) + "\n";
      else
        steps.back().comment += " " + trimmed(line).substr(1);
      continue;
    }
    TourStep step;
    const auto hash = comment_start(line);
    step.command = trimmed(line.substr(0, hash));
    if (hash != std::string::npos) step.comment = line.substr(hash + 1);
    std::smatch m;
    if (std::regex_search(step.command, m, heredoc)) {
      const std::string end = m[1].str();
      bool ended = false;
      for (std::string body; !ended && std::getline(lines, body);) {
        step.command += "\n" + body;
        ended = body == end;
      }
      if (!ended) throw std::runtime_error("a heredoc without its " + end + " line");
    }
    steps.push_back(step);
  }
  return steps;
}

int expected_exit(const std::string& comment) {
  static const std::regex exit_code(R"(\bexit (\d+))");
  std::smatch m;
  return std::regex_search(comment, m, exit_code) ? std::stoi(m[1].str()) : 0;
}

std::vector<std::string> quoted_texts(const std::string& comment) {
  static const std::regex text("\"([^\"]+)\"");
  std::vector<std::string> out;
  for (std::sregex_iterator it(comment.begin(), comment.end(), text), end; it != end; ++it)
    out.push_back((*it)[1].str());
  return out;
}

// Each step runs in the one shell (so `cd` and `export` last), its output
// and exit code kept in `record/N.*`. A step with file SQL then writes it
// into the file the command named, under the template's upgrade marker.
std::string script_of(const std::vector<TourStep>& steps, const fs::path& record) {
  std::string script;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string at = (record / std::to_string(i)).string();
    script += "{ " + steps[i].command + "\n} > '" + at + ".out' 2> '" + at + ".err'; echo $? > '" + at + ".code'\n";
    if (steps[i].file_sql.empty()) continue;
    script += "f=$(head -n 1 '" + at + ".out') && { sed '/^-- retort:upgrade/,$d' \"$f\"; cat <<'RETORT_TOUR_SQL'\n" +
              steps[i].file_sql + "RETORT_TOUR_SQL\n} > '" + at + ".sql' && mv '" + at + ".sql' \"$f\"\n";
  }
  return script;
}

TEST(ReadmeTour, RunsAsWrittenOnSqlite) {
  const std::string readme = read_file(source_dir() / "README.md");
  std::vector<TourStep> steps = steps_of(block_after(readme, "Your own project, anywhere"));
  const std::vector<TourStep> schema_as_code = steps_of(block_after(readme, "**Schema as code.**"));
  steps.insert(steps.end(), schema_as_code.begin(), schema_as_code.end());
  ASSERT_GE(steps.size(), 10u);

  TempDir work, bin, record;
  fs::create_symlink(retort_binary(), bin / "retort");
  write_file(record / "tour.sh", script_of(steps, record.path()));
  const char* path = std::getenv("PATH");
  Result run = run_process({"bash", "--noprofile", "--norc", (record / "tour.sh").string()}, work.path(),
                           {{"PATH", (bin.path().string() + ":" + (path ? path : "/usr/bin:/bin"))},
                            {"RETORT_MODELS", ""}, {"RETORT_SCRATCH_URL", ""}, {"RETORT_INIT_SQL", ""}});
  ASSERT_EQ(run.code, 0) << run.err;

  std::string autogenerated;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string at = std::to_string(i);
    const std::string out = read_file(record / (at + ".out")), err = read_file(record / (at + ".err"));
    SCOPED_TRACE("README step: " + steps[i].command + "\nstdout:\n" + out + "\nstderr:\n" + err);
    ASSERT_EQ(std::stoi(read_file(record / (at + ".code"))), expected_exit(steps[i].comment));
    for (const auto& text : quoted_texts(steps[i].comment)) EXPECT_THAT(out + err, HasSubstr(text));
    if (steps[i].command.find("--autogenerate") != std::string::npos) autogenerated = out.substr(0, out.find('\n'));
  }
  // What the comments claim of the autogenerated revision: its upgrade is a
  // rename, not a drop and an add, and destroys nothing.
  ASSERT_FALSE(autogenerated.empty());
  const std::string text = read_file(autogenerated);
  const std::string upgrade = text.substr(0, text.find("-- retort:downgrade"));
  EXPECT_THAT(upgrade, HasSubstr("RENAME COLUMN"));
  EXPECT_THAT(upgrade, ::testing::Not(HasSubstr("DROP")));
  EXPECT_THAT(upgrade, ::testing::Not(HasSubstr("destroys")));
}

}  // namespace
}  // namespace it
