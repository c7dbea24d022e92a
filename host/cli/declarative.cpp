#include "host/cli/declarative.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
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

// The first identifier of `text` (after spaces), its quotes removed.
std::string leading_name(const std::string& text) {
  static const std::regex name(R"(^\s*[`"\[]?([A-Za-z_][A-Za-z0-9_$]*))");
  std::smatch m;
  return std::regex_search(text, m, name) ? m[1].str() : "";
}

// A line of a CREATE TABLE that starts a constraint, not a column (an
// unquoted keyword: a quoted "key" is a column's name).
bool is_table_element_keyword(const std::string& line) {
  static const std::regex keyword(R"(^\s*(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|KEY|INDEX|EXCLUDE)\b)",
                                  std::regex::icase);
  return std::regex_search(line, keyword);
}

}  // namespace

std::vector<schema::RenameHint> declared_renames(const std::vector<fs::path>& files) {
  static const std::regex create_table(R"(^\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)",
                                       std::regex::icase);
  static const std::regex hint(R"(--\s*retort:renamed_from\s+[`"]?([A-Za-z_][A-Za-z0-9_$]*))");
  std::vector<schema::RenameHint> hints;
  for (const auto& file : files) {
    std::istringstream lines(read_all(file));
    std::string table;
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
      ++number;
      std::smatch create, h;
      const bool creates = std::regex_search(line, create, create_table);
      if (creates) table = leading_name(create.suffix().str());
      if (!std::regex_search(line, h, hint)) {
        if (line.find(';') != std::string::npos) table.clear();  // the statement ended (a one-line CREATE too)
        continue;
      }
      const std::string where = "file:" + file.string() + ":" + std::to_string(number);
      if (table.empty()) usage_error(where + ": retort:renamed_from outside a CREATE TABLE statement");
      const std::string before = line.substr(0, static_cast<std::size_t>(h.position(0)));
      const std::string column = creates ? "" : leading_name(before);
      if (!creates && (column.empty() || is_table_element_keyword(before)))
        usage_error(where + ": retort:renamed_from on a line that names no column");
      hints.push_back({table, column, h[1].str()});
      if (line.find(';') != std::string::npos) table.clear();
    }
  }
  return hints;
}

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
