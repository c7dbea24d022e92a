#include "host/run/sink.hpp"

#include <string>

#include "host/plugins/plugins.hpp"

namespace host {

void ConnectionSink::begin() { connection_.begin(); }
void ConnectionSink::commit() { connection_.commit(); }
void ConnectionSink::rollback() { connection_.rollback(); }
void ConnectionSink::execute(std::string_view sql) { connection_.execute(sql); }

namespace {
// A statement ends with ';' unless it already does (a script, or a body
// whose own delimiter ends it).
// Written with one call: three insertions per statement into std::cout
// (synchronised with stdio) cost more than rendering it (bench/).
void write_statement(std::ostream& out, std::string_view sql) {
  std::size_t end = sql.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return;
  sql = sql.substr(0, end + 1);
  std::string text;
  text.reserve(sql.size() + 4);
  text.append(sql);
  // A trailing line comment would swallow the terminator: put it below.
  std::size_t last_line = sql.rfind('\n');
  bool ends_in_comment =
      sql.find("--", last_line == std::string_view::npos ? 0 : last_line) != std::string_view::npos;
  if (sql.back() != ';') text.append(ends_in_comment ? "\n;" : ";");
  text.append("\n\n");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}
}  // namespace

void ScriptSink::begin() { write_statement(out_, dialect_.begin_sql()); }
void ScriptSink::commit() { write_statement(out_, dialect_.commit_sql()); }
// Nothing in a script fails before it is run, so nothing is rolled back.
void ScriptSink::rollback() {}
void ScriptSink::execute(std::string_view sql) { write_statement(out_, sql); }
void ScriptSink::comment(std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    out_ << "-- " << text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)
         << '\n';
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out_ << '\n';
}

}  // namespace host
