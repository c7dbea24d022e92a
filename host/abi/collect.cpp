#include "host/abi/collect.hpp"

#include <retort/sdk/common.hpp>

#include <optional>

#include "host/errors/error.hpp"
#include "host/log/logger.hpp"
#include "host/abi/dialect.hpp"
#include "host/abi/provider.hpp"
#include "host/abi/checksum.hpp"
#include "host/abi/owned_op.hpp"
#include "host/abi/script_transaction.hpp"

namespace host {

// The state behind one retort_migration_context; its callbacks are called
// from plugin code and so must never throw.
struct CollectSession {
  const Dialect& dialect;
  const std::vector<std::pair<std::string, std::string>>& x_args;
  bool split_scripts;
  bool render;  // false for the run that only checksums
  bool hash;    // false for the --sql run whose checksum comes from an online run
  ChecksumBuilder checksum;
  std::vector<std::string> statements;
  // The first operation the host refused. A plugin that ignores the
  // RETORT_FAILED it got back must not run its revision without that op.
  std::optional<Error> refused;
  std::string_view revision_id = {};  // for log lines
};

namespace {

// What one operation runs. Raw SQL is split when the revision runs outside a
// transaction, and also when it wraps itself in BEGIN ... COMMIT: that
// wrapper is dropped so the script runs inside retort's own transaction
// (docs/decisions.md). Only the statements change; the checksum was taken
// from the operation as the plugin gave it.
std::vector<std::string> statements_of(const CollectSession& s, const retort_op& o) {
  if (o.kind != RETORT_OP_EXECUTE) return s.dialect.render(o);
  const std::string_view sql = retort::view(o.sql);
  if (!s.split_scripts && !may_open_own_transaction(sql)) return s.dialect.render(o);
  std::vector<std::string> statements = s.dialect.split(sql);
  if (strip_own_transaction(statements)) {
    logger().debug("the script's own BEGIN and COMMIT are dropped; it runs in retort's transaction",
                   {{"revision", std::string(s.revision_id)}});
    return statements;
  }
  return s.split_scripts ? statements : s.dialect.render(o);
}

int refuse_op(CollectSession* s, retort_error* err, ExitCode code, const std::string& message) noexcept {
  try {
    if (!s->refused) s->refused.emplace(code, message);
  } catch (...) {
  }
  retort::fail(err, static_cast<int>(code), message);
  return RETORT_FAILED;
}

int on_op(void* host, const retort_op* op, retort_error* err) noexcept {
  auto* s = static_cast<CollectSession*>(host);
  try {
    OwnedOp owned = OwnedOp::copy(op);
    const retort_op& o = owned.view();
    if (s->hash) s->checksum.add(o);
    if (!s->render) return RETORT_OK;
    std::vector<std::string> out = statements_of(*s, o);
    for (auto& statement : out) s->statements.push_back(std::move(statement));
    return RETORT_OK;
  } catch (const Error& e) {
    return refuse_op(s, err, e.code(), e.what());
  } catch (const std::exception& e) {
    return refuse_op(s, err, ExitCode::plugin, e.what());
  } catch (...) {
    return refuse_op(s, err, ExitCode::plugin, "unknown failure while rendering an operation");
  }
}

int on_x_argument(void* host, retort_str key, retort_str* value) noexcept {
  auto* s = static_cast<CollectSession*>(host);
  if (!value || (key.size && !key.data)) return 0;
  std::string_view k = retort::view(key);
  for (const auto& [name, v] : s->x_args) {
    if (name == k) {
      *value = retort::str(v);
      return 1;
    }
  }
  return 0;
}

}  // namespace

Collector::Collector(const Dialect& dialect, std::vector<Provider*> providers,
                     std::vector<std::pair<std::string, std::string>> x_args, bool offline,
                     std::shared_ptr<CollectCache> cache)
    : dialect_(dialect),
      providers_(std::move(providers)),
      x_args_(std::move(x_args)),
      offline_(offline),
      cache_(std::move(cache)) {}

// The checksum always describes the operations of an online run
// (docs/checksums.md): a revision may emit other operations when told it is
// offline, and `check` must compare like with like whatever wrote the row.
// Offline, the statements come from the offline run and the checksum from a
// second run that renders nothing; each operation is still hashed once.
RevisionScript Collector::collect(const Revision& revision, Direction direction, bool split_scripts) const {
  if (revision.provider >= providers_.size() || !providers_[revision.provider])
    plugin_error("revision '" + revision.id + "' has no provider");
  if (cache_) {
    const std::string key = std::string(dialect_.name()) + '\n' + revision.id + '\n' +
                            (direction == Direction::upgrade ? "u" : "d") + (split_scripts ? "s" : "w") +
                            (offline_ ? "o" : "n");
    Collector uncached(dialect_, providers_, x_args_, offline_);
    return cache_->get(key, [&] { return uncached.collect(revision, direction, split_scripts); });
  }
  if (!offline_) {
    CollectSession online{dialect_, x_args_, split_scripts, true, true, ChecksumBuilder(), {}, std::nullopt};
    run(revision, direction, false, online);
    return RevisionScript{std::move(online.statements), online.checksum.finish()};
  }
  CollectSession offline{dialect_, x_args_, split_scripts, true, false, ChecksumBuilder(), {}, std::nullopt};
  run(revision, direction, true, offline);
  CollectSession checksum_only{dialect_, x_args_, split_scripts, false, true, ChecksumBuilder(), {}, std::nullopt};
  run(revision, direction, false, checksum_only);
  return RevisionScript{std::move(offline.statements), checksum_only.checksum.finish()};
}

void Collector::run(const Revision& revision, Direction direction, bool offline, CollectSession& session) const {
  session.revision_id = revision.id;
  retort_migration_context ctx{};
  ctx.struct_size = sizeof ctx;
  ctx.host = &session;
  ctx.dialect = retort::str(dialect_.name());
  ctx.offline = offline ? 1 : 0;
  ctx.revision_id = retort::str(revision.id);
  ctx.op = &on_op;
  ctx.x_argument = &on_x_argument;
  ctx.host_abi_minor = RETORT_ABI_MINOR;
  const char* verb = direction == Direction::upgrade ? "upgrade" : "downgrade";
  try {
    providers_[revision.provider]->run(revision.index,
                                       direction == Direction::upgrade ? RETORT_UPGRADE : RETORT_DOWNGRADE,
                                       ctx);
    if (session.refused)
      throw Error(session.refused->code(), "the plugin went on after the host refused an operation: " +
                                               std::string(session.refused->what()));
  } catch (const Error& e) {
    throw Error(e.code(), "revision " + revision.id + " (" + revision.origin + ") " + verb + ": " + e.what());
  }
}

}  // namespace host
