#include "conventional_chain.hpp"

#include "lines.hpp"
#include "script.hpp"
#include "transaction_needs.hpp"

#include <retort/sdk/common.hpp>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_map>

namespace sqldir {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw retort::failure(what, RETORT_ERROR_REVISION); }

void refuse_mixed_layouts(const std::vector<ConventionalFile>& files) {
  for (const auto& file : files) {
    if (file.name.layout == files.front().name.layout) continue;
    // A repeatable (R__) is Flyway's, and only Flyway's versions go with it.
    const ConventionalFile* repeatable = file.name.role == Role::repeatable                ? &file
                                         : files.front().name.role == Role::repeatable ? &files.front()
                                                                                       : nullptr;
    if (repeatable) {
      const ConventionalFile& other = repeatable == &file ? files.front() : file;
      refuse(repeatable->path + ": a Flyway repeatable migration (R__) in a folder of " +
             std::string(layout_name(other.name.layout)) + " migrations (" + other.path +
             "); repeatables are read only beside Flyway's V files or alone");
    }
    refuse(files.front().path + " is a " + std::string(layout_name(files.front().name.layout)) +
           " migration and " + file.path + " a " + std::string(layout_name(file.name.layout)) +
           " one: a folder's header-less files follow one layout");
  }
}

// Flyway's repeatables, in the order Flyway runs them: by description
// (`_` read as a space), then by file name; two whose ids are one refused.
std::vector<const ConventionalFile*> repeatables_in_order(const std::vector<ConventionalFile>& files) {
  std::vector<const ConventionalFile*> chosen;
  for (const auto& file : files)
    if (file.name.role == Role::repeatable) chosen.push_back(&file);
  std::stable_sort(chosen.begin(), chosen.end(), [](const ConventionalFile* a, const ConventionalFile* b) {
    return a->name.message < b->name.message;
  });
  std::unordered_map<std::string_view, const ConventionalFile*> by_id;
  for (const ConventionalFile* file : chosen) {
    const auto [it, fresh] = by_id.emplace(file->name.id, file);
    if (!fresh) {
      const bool listed_first = it->second->path < file->path;
      refuse("Flyway repeatable migrations " + (listed_first ? it->second->path : file->path) + " and " +
             (listed_first ? file->path : it->second->path) + " both map to revision id '" + file->name.id +
             "' (characters other than letters, digits and '_' become '_'); rename one");
    }
  }
  return chosen;
}

// The files of one role, in ascending version order. The sort is stable, so
// of two files with one version the message names first the one whose name
// sorts first, as the folder listed them.
std::vector<const ConventionalFile*> in_version_order(const std::vector<ConventionalFile>& files, Role role) {
  std::vector<const ConventionalFile*> chosen;
  for (const auto& file : files)
    if (file.name.role == role) chosen.push_back(&file);
  std::stable_sort(chosen.begin(), chosen.end(), [](const ConventionalFile* a, const ConventionalFile* b) {
    return compare_versions(a->name.version, b->name.version) < 0;
  });
  for (std::size_t i = 1; i < chosen.size(); ++i)
    if (compare_versions(chosen[i - 1]->name.version, chosen[i]->name.version) == 0)
      refuse("duplicate " + std::string(layout_name(chosen[i]->name.layout)) + " version " +
             chosen[i]->name.version_text + ": " + chosen[i - 1]->path + " and " + chosen[i]->path);
  return chosen;
}

// Only golang-migrate and Flyway keep the two scripts in files that can be
// apart; the other layouts' downgrades come with their upgrades.
std::string lone_downgrade(const ConventionalFile& file) {
  if (file.name.layout == Layout::golang_migrate)
    return file.path + ": a down migration without its up migration (no " + file.name.version_text +
           "_*.up.sql in the folder)";
  if (file.name.layout == Layout::flyway)
    return file.path + ": an undo migration without its versioned migration (no V" + file.name.version_text +
           "__*.sql in the folder)";
  return file.path + ": a downgrade without its upgrade";
}

bool runs_in_transaction(const ConventionalFile& file) {
  return file.transactional.value_or(!needs_no_transaction(file.script));
}

}  // namespace

std::string_view migration_text(std::string_view path, std::string_view content) {
  content = without_bom(content);
  if (const auto nul = content.find('\0'); nul != std::string_view::npos)
    refuse(std::string(path) + ":" + std::to_string(1 + std::count(content.begin(), content.begin() + nul, '\n')) +
           ": NUL byte (not a text file?)");
  return content;
}

std::string conventional_script(std::string_view path, std::string_view content) {
  return std::string(trim_blank_lines(migration_text(path, content)));
}

std::vector<ChainedRevision> chain_conventional(const std::vector<ConventionalFile>& files) {
  if (files.empty()) return {};
  refuse_mixed_layouts(files);
  const std::vector<const ConventionalFile*> ups = in_version_order(files, Role::upgrade);
  const std::vector<const ConventionalFile*> downs = in_version_order(files, Role::downgrade);
  const std::vector<const ConventionalFile*> repeatables = repeatables_in_order(files);

  // Both lists are in version order: one merge-like walk pairs them.
  std::vector<const ConventionalFile*> down_of(ups.size(), nullptr);
  std::size_t u = 0;
  for (const ConventionalFile* down : downs) {
    while (u < ups.size() && compare_versions(ups[u]->name.version, down->name.version) < 0) ++u;
    if (u == ups.size() || compare_versions(ups[u]->name.version, down->name.version) != 0)
      refuse(lone_downgrade(*down));
    down_of[u] = down;
  }

  std::vector<ChainedRevision> chain;
  chain.reserve(ups.size() + repeatables.size());
  for (std::size_t i = 0; i < ups.size(); ++i) {
    const ConventionalFile& up = *ups[i];
    ChainedRevision r;
    r.parsed.id = up.name.id;
    if (!chain.empty()) r.parsed.down_revisions = {chain.back().parsed.id};
    r.parsed.message = up.name.message;
    r.parsed.upgrade = up.script;
    r.parsed.upgrade_pieces = up.pieces;
    r.parsed.transactional = runs_in_transaction(up);
    if (const ConventionalFile* down = down_of[i]) {
      r.parsed.downgrade = down->script;
      r.parsed.downgrade_pieces = down->pieces;
      r.parsed.transactional = r.parsed.transactional && runs_in_transaction(*down);
    }
    r.origin = up.path;
    chain.push_back(std::move(r));
  }
  // After the chain, apart from it: no parent, no child, no downgrade.
  for (const ConventionalFile* file : repeatables) {
    ChainedRevision r;
    r.parsed.id = file->name.id;
    r.parsed.message = file->name.message;
    r.parsed.upgrade = file->script;
    r.parsed.upgrade_pieces = file->pieces;
    r.parsed.transactional = runs_in_transaction(*file);
    r.parsed.repeatable = true;
    r.origin = file->path;
    chain.push_back(std::move(r));
  }
  return chain;
}

}  // namespace sqldir
