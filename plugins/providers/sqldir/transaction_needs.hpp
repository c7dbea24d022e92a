// sqldir/transaction_needs.hpp: whether a header-less (golang-migrate or
// Flyway) script holds a statement PostgreSQL refuses inside a transaction.
// Such files cannot say `-- retort:transactional false`, and Flyway users
// expect the tool to notice (Flyway itself does), so the provider looks for
// the statements by their words, past comments, strings, quoted names and
// dollar-quoted bodies. It knows no dialect: these words mean the same
// wherever they parse at all.
#pragma once

#include <string_view>

namespace sqldir {

/// True if `script` has `CONCURRENTLY` anywhere but after `VIEW` (CREATE/DROP
/// INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY; REFRESH MATERIALIZED VIEW
/// CONCURRENTLY runs in a transaction) or a statement starting with VACUUM.
bool needs_no_transaction(std::string_view script);

}  // namespace sqldir
