// What the tests of folders written for other tools (Diesel, goose, dbmate)
// ask of a provider: the chain it reads, what a revision sends, and the
// one-line error that opening a folder fails with.
#pragma once

#include "folder_provider.hpp"
#include "recording_host.hpp"
#include "temp_folder.hpp"

#include <retort/sdk/common.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

/// "id <- parent: message" for every revision, in the provider's order.
inline std::vector<std::string> chain_of(const sqldir::FolderProvider& p) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < p.revision_count(); ++i) {
    const retort_revision& r = *p.revision_at(i);
    std::string line(retort::view(r.id));
    line += " <-";
    for (std::size_t d = 0; d < r.down_revision_count; ++d)
      line += " " + std::string(retort::view(r.down_revisions[d]));
    line += ": " + std::string(retort::view(r.message));
    lines.push_back(line);
  }
  return lines;
}

/// The SQL of every operation revision `index` sends in `direction`.
inline std::vector<std::string> sent_by(sqldir::FolderProvider& p, std::size_t index, std::int32_t direction) {
  RecordingHost host;
  p.run(index, direction, host.context());
  std::vector<std::string> sql;
  for (const RecordedOp& op : host.ops) {
    EXPECT_EQ(op.kind, RETORT_OP_EXECUTE);
    sql.push_back(op.sql);
  }
  return sql;
}

/// The message opening `dir` fails with, checked to be one line of kind
/// RETORT_ERROR_REVISION; "(opened without error)" when it opens.
inline std::string error_opening(const TempFolder& dir) {
  try {
    sqldir::FolderProvider p(dir.path());
  } catch (const retort::failure& f) {
    EXPECT_EQ(f.kind(), RETORT_ERROR_REVISION) << f.what();
    EXPECT_EQ(std::string(f.what()).find('\n'), std::string::npos) << f.what();
    return f.what();
  }
  return "(opened without error)";
}

/// A Diesel migration folder `name` with the files given ("" leaves one out).
inline void write_diesel(const TempFolder& dir, const std::string& name, const std::string& up, const std::string& down,
                         const std::string& metadata = "") {
  std::filesystem::create_directory(dir.path() + "/" + name);
  if (!up.empty()) dir.write(name + "/up.sql", up);
  if (!down.empty()) dir.write(name + "/down.sql", down);
  if (!metadata.empty()) dir.write(name + "/metadata.toml", metadata);
}
