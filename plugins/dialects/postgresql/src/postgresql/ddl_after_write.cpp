#include "postgresql/ddl_after_write.hpp"

#include "postgresql/split.hpp"
#include "postgresql/text.hpp"

#include <array>
#include <string>

namespace retort::postgresql {
namespace {

constexpr std::array<std::string_view, 5> write_keywords{"INSERT", "UPDATE", "DELETE", "MERGE", "COPY"};
constexpr std::array<std::string_view, 6> ddl_keywords{"CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "RENAME"};

// PostgreSQL's block comments nest; an unterminated one swallows the rest.
std::string_view after_block_comment(std::string_view sql) {
  int depth = 0;
  std::size_t i = 0;
  while (i + 1 < sql.size()) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return sql.substr(i);
    } else {
      ++i;
    }
  }
  return {};
}

std::string_view without_leading_comments(std::string_view sql) {
  for (;;) {
    while (!sql.empty() && is_space(sql.front())) sql.remove_prefix(1);
    if (sql.substr(0, 2) == "--") {
      const std::size_t eol = sql.find('\n');
      sql = eol == std::string_view::npos ? std::string_view() : sql.substr(eol + 1);
    } else if (sql.substr(0, 2) == "/*") {
      sql = after_block_comment(sql);
    } else {
      return sql;
    }
  }
}

std::string_view first_keyword(std::string_view sql) {
  sql = without_leading_comments(sql);
  std::size_t n = 0;
  while (n < sql.size() && retort::text::is_alpha(sql[n])) ++n;
  return sql.substr(0, n);
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (iequals(word, w)) return true;
  return false;
}

// The first 60 bytes of the statement on one line, not splitting a UTF-8
// sequence: enough to recognise it in the one-line error.
std::string statement_start(std::string_view sql) {
  std::string flat = one_line(sql);
  constexpr std::size_t limit = 60;
  if (flat.size() <= limit) return flat;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  flat.resize(cut);
  return flat;
}

}  // namespace

ddl_after_write_rule read_ddl_after_write_rule(const options& opts) {
  const std::string key = "param." + std::string(ddl_after_write_parameter);
  const auto value = option(opts, key);
  if (!value || *value == "allow") return ddl_after_write_rule::allow;
  if (*value == "forbid") return ddl_after_write_rule::forbid;
  throw failure("invalid value '" + one_line(*value) + "' for URL parameter " + std::string(ddl_after_write_parameter) +
                    ": expected allow or forbid",
                RETORT_ERROR_USAGE);
}

statement_kind classify_statement(std::string_view sql) {
  const std::string_view keyword = first_keyword(sql);
  if (is_one_of(keyword, write_keywords)) return statement_kind::write;
  if (is_one_of(keyword, ddl_keywords)) return statement_kind::ddl;
  return statement_kind::other;
}

void ddl_after_write_guard::check(std::string_view sql) {
  if (rule_ == ddl_after_write_rule::allow) return;
  for (std::string_view statement : split_statements(sql)) {
    switch (classify_statement(statement)) {
      case statement_kind::write:
        wrote_ = true;
        break;
      case statement_kind::ddl:
        if (wrote_)
          // 0A000, the standard's feature_not_supported: the engine refuses
          // what PostgreSQL itself would run.
          throw failure("DDL after a write in one transaction (" + std::string(ddl_after_write_parameter) +
                            "=forbid, as CockroachDB): " + statement_start(statement),
                        RETORT_ERROR_DATABASE, "0A000");
        break;
      case statement_kind::other:
        break;
    }
  }
}

}  // namespace retort::postgresql
