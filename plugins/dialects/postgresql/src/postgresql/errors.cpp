#include "postgresql/errors.hpp"

#include "postgresql/text.hpp"

#include <retort/sdk/common.hpp>

#include <pqxx/except>

#include <array>

namespace retort::postgresql {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The severity word libpq puts first says nothing the failure kind does not.
std::string_view without_severity(std::string_view line) {
  static constexpr std::array<std::string_view, 4> severities{"ERROR:", "FATAL:", "PANIC:", "WARNING:"};
  for (auto s : severities)
    if (starts_with(line, s)) return trim(line.substr(s.size()));
  return line;
}

std::string in_statement(std::string_view statement) {
  if (trim(statement).empty()) return {};
  return " in statement: " + shorten(statement);
}

}  // namespace

std::string server_message(std::string_view what) {
  std::string primary;
  std::string extra;
  bool first = true;
  while (!what.empty()) {
    const std::size_t eol = what.find('\n');
    const std::string_view line = trim(what.substr(0, eol));
    what = eol == std::string_view::npos ? std::string_view() : what.substr(eol + 1);
    if (line.empty()) continue;
    if (first) {
      primary = one_line(without_severity(line));
      first = false;
    } else if (starts_with(line, "DETAIL:")) {
      extra += "; detail: " + one_line(line.substr(7));
    } else if (starts_with(line, "HINT:")) {
      extra += "; hint: " + one_line(line.substr(5));
    }
  }
  return primary + extra;
}

void rethrow_as_failure(std::string_view statement, std::string_view secret) {
  try {
    throw;
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    std::string message = server_message(e.what());
    if (!state.empty()) message += " (SQLSTATE " + state + ")";
    message += in_statement(statement);
    // Not scrubbed: the server cannot know the connection password, and
    // masking a short one would mangle table names that happen to contain it.
    // Class 08 and the 57P0x of an administrator's shutdown or termination
    // leave no session to roll back on.
    const bool lost = state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
    throw failure(std::move(message), RETORT_ERROR_DATABASE, state, 0, -1,
                  lost ? RETORT_ERROR_FLAG_CONNECTION_LOST : 0u);
  } catch (const pqxx::broken_connection& e) {
    // libpqxx sets no SQLSTATE here; 08006 is the standard's "connection failure".
    throw failure(scrub("connection to the PostgreSQL server lost: " + one_line(e.what()) + in_statement(statement),
                        secret),
                  RETORT_ERROR_DATABASE, "08006", 0, -1, RETORT_ERROR_FLAG_CONNECTION_LOST);
  } catch (const pqxx::failure& e) {
    throw failure(scrub(one_line(e.what()) + in_statement(statement), secret), RETORT_ERROR_DATABASE);
  }
}

std::string connect_failure_message(std::string_view what, std::string_view secret) {
  return scrub("cannot connect to PostgreSQL: " + one_line(what), secret);
}

}  // namespace retort::postgresql
