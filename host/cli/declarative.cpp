#include "host/cli/declarative.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "host/cli/interrupts.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) usage_error("file:" + file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_sql(const fs::path& p) { return p.extension() == ".sql"; }

// A sqldir revision runs its upgrade and its downgrade if read as plain SQL.
bool is_revision_file(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("-- retort:revision", 0) == 0) return true;
  return false;
}

int line_of(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

std::vector<fs::path> declarative_files(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) usage_error("file:" + path + ": no such file or folder");
  std::vector<fs::path> files;
  if (fs::is_directory(status)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file() && is_sql(it->path())) files.push_back(it->path());
    if (ec) usage_error("file:" + path + ": cannot list the folder: " + ec.message());
    if (files.empty()) usage_error("file:" + path + ": the folder holds no .sql file");
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  for (const auto& f : files)
    if (is_revision_file(read_all(f)))
      usage_error("file:" + f.string() + " is a revision file (it has a '-- retort:revision' line); "
                  "name its revision as the source instead of the file");
  return files;
}

void apply_declarative(Connection& db, const Dialect& dialect, const std::vector<fs::path>& files,
                       const std::string& where) {
  int total = 0;
  for (const auto& file : files) {
    const std::string text = read_all(file);
    std::size_t searched = 0;
    int number = 0;
    for (const std::string& statement : dialect.split(text)) {
      ++number;
      ++total;
      const std::size_t at = text.find(statement, searched);
      if (at != std::string::npos) searched = at + statement.size();
      interrupts::check();
      try {
        db.execute(statement);
      } catch (const Error& e) {
        if (e.code() == ExitCode::interrupted_int || e.code() == ExitCode::interrupted_term) throw;
        const std::string line = at == std::string::npos ? "" : ", line " + std::to_string(line_of(text, at));
        throw Error(ExitCode::database, "file:" + file.string() + ": statement " + std::to_string(number) + line +
                                            " failed on " + where + ": " + e.what());
      }
    }
  }
  if (total == 0) usage_error("file:" + files.front().string() + (files.size() > 1 ? " and the others" : "") +
                              ": no SQL statement to run");
}

}  // namespace host
