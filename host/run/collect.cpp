#include "host/run/collect.hpp"

#include <retort/sdk/common.hpp>

#include "host/errors/error.hpp"
#include "host/plugins/plugins.hpp"
#include "host/run/checksum.hpp"
#include "host/run/owned_op.hpp"

namespace host {
namespace {

// The state behind one retort_migration_context; its callbacks are called
// from plugin code and so must never throw.
struct Session {
  const Dialect& dialect;
  const std::vector<std::pair<std::string, std::string>>& x_args;
  bool split_scripts;
  ChecksumBuilder checksum;
  std::vector<std::string> statements;
};

int on_op(void* host, const retort_op* op, retort_error* err) noexcept {
  auto* s = static_cast<Session*>(host);
  try {
    OwnedOp owned = OwnedOp::copy(op);
    const retort_op& o = owned.view();
    s->checksum.add(o);
    std::vector<std::string> out = (o.kind == RETORT_OP_EXECUTE && s->split_scripts)
                                       ? s->dialect.split(retort::view(o.sql))
                                       : s->dialect.render(o);
    for (auto& statement : out) s->statements.push_back(std::move(statement));
    return RETORT_OK;
  } catch (const Error& e) {
    retort::fail(err, static_cast<int>(e.code()), e.what());
  } catch (const std::exception& e) {
    retort::fail(err, RETORT_ERROR_PLUGIN, e.what());
  } catch (...) {
    retort::fail(err, RETORT_ERROR_PLUGIN, "unknown failure while rendering an operation");
  }
  return RETORT_FAILED;
}

int on_x_argument(void* host, retort_str key, retort_str* value) noexcept {
  auto* s = static_cast<Session*>(host);
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
                     std::vector<std::pair<std::string, std::string>> x_args, bool offline)
    : dialect_(dialect), providers_(std::move(providers)), x_args_(std::move(x_args)), offline_(offline) {}

RevisionScript Collector::collect(const Revision& revision, Direction direction, bool split_scripts) const {
  if (revision.provider >= providers_.size() || !providers_[revision.provider])
    plugin_error("revision '" + revision.id + "' has no provider");
  Session session{dialect_, x_args_, split_scripts, ChecksumBuilder(), {}};
  retort_migration_context ctx{};
  ctx.struct_size = sizeof ctx;
  ctx.host = &session;
  ctx.dialect = retort::str(dialect_.name());
  ctx.offline = offline_ ? 1 : 0;
  ctx.revision_id = retort::str(revision.id);
  ctx.op = &on_op;
  ctx.x_argument = &on_x_argument;
  const char* verb = direction == Direction::upgrade ? "upgrade" : "downgrade";
  try {
    providers_[revision.provider]->run(revision.index,
                                       direction == Direction::upgrade ? RETORT_UPGRADE : RETORT_DOWNGRADE,
                                       ctx);
  } catch (const Error& e) {
    throw Error(e.code(), "revision " + revision.id + " (" + revision.origin + ") " + verb + ": " + e.what());
  }
  return RevisionScript{std::move(session.statements), session.checksum.finish()};
}

}  // namespace host
