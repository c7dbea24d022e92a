#include "folder_provider.hpp"

#include "conventional_chain.hpp"
#include "diesel.hpp"
#include "headerless.hpp"
#include "script.hpp"
#include "sql_files.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
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

// A folder of a layout sqldir does not read would otherwise be an empty
// project, and `upgrade` a silent no-op.
std::string nothing_recognised(const SqlFolder& files) {
  std::vector<std::string> names = files.others();
  std::sort(names.begin(), names.end());
  constexpr std::size_t shown = 3;
  std::string listed;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) listed += (i ? ", " : "") + names[i];
  if (names.size() > shown) listed += ", ...";
  return "sqldir folder '" + files.folder() + "': no revision recognised among its " +
         std::to_string(names.size()) + " entr" + (names.size() == 1 ? "y" : "ies") + " (" + listed +
         "); retort reads *.sql files directly in the folder: with a '-- retort:revision' header, "
         "golang-migrate's {version}_{title}.up.sql and .down.sql, Flyway's V{version}__{description}.sql, "
         "U{version}__{description}.sql and R__{description}.sql, goose's {version}_{title}.sql with '-- +goose Up', dbmate's "
         "{version}_{title}.sql with '-- migrate:up'; and Diesel's folders {version}_{name}/ holding up.sql";
}

// The subfolders named as Diesel names its migrations, sorted by name so
// that messages about them do not depend on the listing's order.
std::vector<std::string> diesel_folder_names(const SqlFolder& files) {
  std::vector<std::string> names;
  for (const std::string& entry : files.others()) {
    if (entry.back() != '/') continue;
    std::string name = entry.substr(0, entry.size() - 1);
    if (diesel_name(name)) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

void read_diesel_folders(const SqlFolder& files, const std::vector<std::string>& names,
                         std::vector<ConventionalFile>& into) {
  for (const std::string& name : names) {
    DieselFolder folder{files.path_of(name), *diesel_name(name), files.read_if_present(name + "/up.sql"),
                        files.read_if_present(name + "/down.sql"), files.read_if_present(name + "/metadata.toml")};
    for (ConventionalFile& file : diesel_migration(folder)) into.push_back(std::move(file));
  }
}

}  // namespace

// What one file turned out to be: a revision in retort's format, or the
// scripts of a header-less file left for chain_conventional(), or the
// failure reading or parsing it raised.
struct FolderProvider::ReadFile {
  std::string path;  // of a parsed file: its origin
  std::optional<ParsedRevision> parsed;
  std::vector<ConventionalFile> conventional;
  std::exception_ptr failure;
};

FolderProvider::ReadFile FolderProvider::read_one(const SqlFolder& folder, std::size_t index) {
  ReadFile out;
  try {
    std::string path = folder.path(index);
    std::string content = folder.read(index);
    if (has_retort_directive(content)) {
      out.parsed = parse_sql_revision(path, content);
      out.path = std::move(path);
    } else {
      out.conventional = read_headerless(path, content);
    }
  } catch (...) {
    out.failure = std::current_exception();
  }
  return out;
}

// Reading a file is three system calls, and with thousands of files those
// are most of `retort heads` (bench/RESULTS.md), so large folders are read by
// a few threads at once. Each file's outcome lands in its own slot and the
// first failure in name order is the one thrown, so the result and the error
// are those of reading the files one by one.
std::vector<FolderProvider::ReadFile> FolderProvider::read_all(const SqlFolder& folder) {
  std::vector<ReadFile> files(folder.size());
  std::atomic<std::size_t> next{0};
  constexpr std::size_t batch = 64;
  auto work = [&] {
    for (;;) {
      const std::size_t begin = next.fetch_add(batch);
      if (begin >= files.size()) return;
      const std::size_t end = std::min(files.size(), begin + batch);
      for (std::size_t i = begin; i < end; ++i) files[i] = read_one(folder, i);
    }
  };
  constexpr std::size_t files_worth_a_thread = 512;
  const std::size_t wanted = std::min<std::size_t>({std::thread::hardware_concurrency(), 4,
                                                    files.size() / files_worth_a_thread});
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < wanted; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no thread to be had: the ones running, or this one, do the rest
    }
  }
  work();
  for (auto& helper : helpers) helper.join();
  for (const auto& file : files)
    if (file.failure) std::rethrow_exception(file.failure);
  return files;
}

FolderProvider::FolderProvider(std::string_view folder) {
  const SqlFolder files(std::string{folder});
  const std::vector<std::string> diesel_folders = diesel_folder_names(files);
  if (files.size() == 0 && diesel_folders.empty() && !files.others().empty())
    throw retort::failure(nothing_recognised(files), RETORT_ERROR_REVISION);
  std::vector<ReadFile> read = read_all(files);
  entries_.reserve(read.size() + diesel_folders.size());
  std::vector<ConventionalFile> conventional;
  for (ReadFile& file : read) {
    if (file.parsed) entries_.push_back(Entry{std::move(*file.parsed), std::move(file.path), {}, {}, {}, {}});
    for (ConventionalFile& script : file.conventional) conventional.push_back(std::move(script));
  }
  read_diesel_folders(files, diesel_folders, conventional);
  for (ChainedRevision& r : chain_conventional(conventional))
    entries_.push_back(Entry{std::move(r.parsed), std::move(r.origin), {}, {}, {}, {}});
  refuse_duplicate_ids();
  // Only now that entries_ will not move again may records point into it.
  for (auto& entry : entries_) build_record(entry);
}

void FolderProvider::refuse_duplicate_ids() const {
  std::unordered_map<std::string_view, const Entry*> by_id;
  by_id.reserve(entries_.size());
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
  r.flags = entry.parsed.repeatable ? RETORT_REVISION_REPEATABLE : 0u;
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
  const bool up = direction == RETORT_UPGRADE;
  const std::vector<std::string>& pieces = up ? revision.upgrade_pieces : revision.downgrade_pieces;
  if (pieces.empty()) {
    const std::string& script = up ? revision.upgrade : revision.downgrade;
    if (has_sql(script)) execute(ctx, script);
  }
  for (const std::string& piece : pieces)
    if (has_sql(piece)) execute(ctx, piece);
}

}  // namespace sqldir
