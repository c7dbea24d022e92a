#include "folder_provider.hpp"

#include "conventional_chain.hpp"
#include "script.hpp"
#include "sql_files.hpp"

#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <utility>

namespace sqldir {
namespace {

std::vector<retort_str> views_of(const std::vector<std::string>& items) {
  std::vector<retort_str> views;
  views.reserve(items.size());
  for (const auto& item : items) views.push_back(retort::str(item));
  return views;
}

// The host fills the context; read only what its struct_size says exists.
bool context_has_op(const retort_migration_context& ctx) {
  return ctx.struct_size >= offsetof(retort_migration_context, op) + sizeof ctx.op && ctx.op != nullptr;
}

void execute(const retort_migration_context& ctx, const std::string& script) {
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = RETORT_OP_EXECUTE;
  op.alter_nullable = RETORT_ALTER_KEEP;
  op.sql = retort::str(script);

  retort_error err{};
  err.struct_size = sizeof err;
  err.statement_index = -1;
  if (ctx.op(ctx.host, &op, &err) == RETORT_OK) return;
  // Pass the host's description on unchanged; it already knows more than we do.
  const std::string sqlstate(err.sqlstate, strnlen(err.sqlstate, sizeof err.sqlstate));
  const std::string message(err.message, strnlen(err.message, sizeof err.message));
  throw retort::failure(message, err.kind ? err.kind : RETORT_ERROR_USAGE, sqlstate, err.native_code,
                        err.statement_index);
}

std::string unrecognised_file(const std::string& path) {
  return path +
         ": no '-- retort:revision' header, and the name is neither golang-migrate's "
         "({version}_{title}.up.sql or .down.sql) nor Flyway's (V{version}__{description}.sql)";
}

}  // namespace

FolderProvider::FolderProvider(std::string_view folder) {
  const std::vector<std::string> paths = list_sql_files(std::string(folder));
  entries_.reserve(paths.size());
  std::vector<ConventionalFile> conventional;
  for (const auto& path : paths) {
    std::string content = read_sql_file(path);
    if (has_retort_directive(content)) {
      entries_.push_back(Entry{parse_sql_revision(path, content), path, {}, {}, {}, {}});
      continue;
    }
    std::optional<ConventionalName> name = conventional_name(path);
    if (!name) throw retort::failure(unrecognised_file(path), RETORT_ERROR_REVISION);
    conventional.push_back(ConventionalFile{path, std::move(*name), std::move(content)});
  }
  for (ChainedRevision& r : chain_conventional(conventional))
    entries_.push_back(Entry{std::move(r.parsed), std::move(r.origin), {}, {}, {}, {}});
  refuse_duplicate_ids();
  // Only now that entries_ will not move again may records point into it.
  for (auto& entry : entries_) build_record(entry);
}

void FolderProvider::refuse_duplicate_ids() const {
  std::map<std::string_view, const Entry*> by_id;
  for (const auto& entry : entries_) {
    const auto [it, inserted] = by_id.emplace(entry.parsed.id, &entry);
    if (!inserted)
      throw retort::failure("duplicate revision id '" + entry.parsed.id + "' in " + it->second->origin + " and " +
                                entry.origin,
                            RETORT_ERROR_REVISION);
  }
}

void FolderProvider::build_record(Entry& entry) {
  entry.down_revisions = views_of(entry.parsed.down_revisions);
  entry.branch_labels = views_of(entry.parsed.branch_labels);
  entry.depends_on = views_of(entry.parsed.depends_on);

  retort_revision& r = entry.record;
  r.struct_size = sizeof r;
  r.id = retort::str(entry.parsed.id);
  r.down_revisions = entry.down_revisions.data();
  r.down_revision_count = entry.down_revisions.size();
  r.branch_labels = entry.branch_labels.data();
  r.branch_label_count = entry.branch_labels.size();
  r.depends_on = entry.depends_on.data();
  r.depends_on_count = entry.depends_on.size();
  r.message = retort::str(entry.parsed.message);
  r.transactional = entry.parsed.transactional ? 1 : 0;
  r.origin = retort::str(entry.origin);
}

const retort_revision* FolderProvider::revision_at(std::size_t index) const {
  return index < entries_.size() ? &entries_[index].record : nullptr;
}

void FolderProvider::run(std::size_t index, std::int32_t direction, const retort_migration_context& ctx) {
  if (index >= entries_.size())
    throw retort::failure("sqldir: no revision at index " + std::to_string(index) + " (there are " +
                              std::to_string(entries_.size()) + ")",
                          RETORT_ERROR_USAGE);
  if (direction != RETORT_UPGRADE && direction != RETORT_DOWNGRADE)
    throw retort::failure("sqldir: unknown direction " + std::to_string(direction), RETORT_ERROR_USAGE);
  if (!context_has_op(ctx))
    throw retort::failure("sqldir: the host's migration context has no op function", RETORT_ERROR_PLUGIN);

  const ParsedRevision& revision = entries_[index].parsed;
  const std::string& script = direction == RETORT_UPGRADE ? revision.upgrade : revision.downgrade;
  if (has_sql(script)) execute(ctx, script);
}

}  // namespace sqldir
