// sqldir/folder_provider.hpp: the provider the plugin exports: a folder of
// revision files, read once when opened, and their scripts handed to the host.
#pragma once

#include "parse.hpp"
#include "sql_files.hpp"

#include <retort/sdk/provider.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sqldir {

class FolderProvider final : public retort::provider {
 public:
  /// Reads and parses every revision of `folder` (see SqlFolder): a file
  /// with `-- retort:` directives in retort's format (parse.hpp), any other
  /// `*.sql` file as goose, dbmate, golang-migrate or Flyway (headerless.hpp),
  /// and each subfolder named as Diesel names migrations as one (diesel.hpp).
  /// Throws retort::failure on the first problem, including a header-less
  /// file of no layout, two layouts in one folder and two files that declare
  /// the same revision id (RETORT_ERROR_REVISION, naming both), and a folder
  /// with entries but no revision (RETORT_ERROR_REVISION, naming a few).
  explicit FolderProvider(std::string_view folder);

  // The records point into entries_, so the object must stay where it is.
  FolderProvider(const FolderProvider&) = delete;
  FolderProvider& operator=(const FolderProvider&) = delete;

  std::size_t revision_count() const override { return entries_.size(); }
  const retort_revision* revision_at(std::size_t index) const override;
  /// Emits the upgrade or downgrade script as one RETORT_OP_EXECUTE (a goose
  /// script with StatementBegin blocks as one per piece), leaving out what
  /// has no SQL in it.
  void run(std::size_t index, std::int32_t direction, const retort_migration_context& ctx) override;

 private:
  struct Entry {
    ParsedRevision parsed;
    std::string origin;  // the (upgrade) file's path, as the folder argument spells it
    std::vector<retort_str> down_revisions, branch_labels, depends_on;
    retort_revision record{};
  };

  struct ReadFile;
  static ReadFile read_one(const SqlFolder& folder, std::size_t index);
  static std::vector<ReadFile> read_all(const SqlFolder& folder);
  void refuse_duplicate_ids() const;
  static void build_record(Entry& entry);

  // Filled once in the constructor and never resized afterwards: the
  // retort_revision records borrow from these strings until destruction.
  std::vector<Entry> entries_;
};

}  // namespace sqldir
