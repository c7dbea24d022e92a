// CockroachDB refuses a schema change after a data write in the same
// transaction. The URL parameter retort_ddl_after_write=forbid makes this
// dialect refuse the same on real PostgreSQL, so the suite can prove that
// retort's defaults keep within the rule without a CockroachDB server. The
// parameter is retort's own: libpq never sees it (conninfo.cpp).
#pragma once

#include <retort/sdk/dialect.hpp>

#include <string_view>

namespace retort::postgresql {

/// The URL parameter's name, without the host's "param." prefix.
inline constexpr std::string_view ddl_after_write_parameter = "retort_ddl_after_write";

enum class ddl_after_write_rule { allow, forbid };

/// The rule `opts` ask for through param.retort_ddl_after_write: `allow`
/// when absent. Any value but "allow" or "forbid" throws a usage failure
/// naming the accepted values.
ddl_after_write_rule read_ddl_after_write_rule(const options& opts);

enum class statement_kind { write, ddl, other };

/// What `sql` is to the rule, by its first keyword after whitespace and SQL
/// comments (case-insensitive): INSERT, UPDATE, DELETE, MERGE and COPY
/// write; CREATE, ALTER, DROP, TRUNCATE, COMMENT and RENAME change the
/// schema. A WITH query is `other` even when it writes: the first keyword
/// is the whole test.
statement_kind classify_statement(std::string_view sql);

/// One connection's record of its open explicit transaction. The connection
/// calls check() only inside such a transaction and began_transaction() at
/// each BEGIN, so autocommit statements are never checked.
class ddl_after_write_guard {
 public:
  explicit ddl_after_write_guard(ddl_after_write_rule rule) noexcept : rule_(rule) {}

  void began_transaction() noexcept { wrote_ = false; }
  /// Before `sql` is sent: under `forbid`, goes through its statements
  /// (a revision's script arrives whole) and throws a RETORT_ERROR_DATABASE
  /// failure naming the first DDL that follows a write in this
  /// transaction, else notes whether it wrote. Under `allow`, does nothing.
  void check(std::string_view sql);

 private:
  ddl_after_write_rule rule_;
  bool wrote_ = false;
};

}  // namespace retort::postgresql
