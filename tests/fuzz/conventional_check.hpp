// What the fuzz targets of the goose, dbmate and Diesel readers
// (plugins/providers/sqldir) check of a migration they read: every script
// and piece is cut out of the text it came from, never made up; ids follow
// SPEC §3; and a refusal is one retort::failure of kind revision whose one
// line starts with the file's name.
#pragma once

#include <retort/sdk/common.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conventional_chain.hpp"
#include "fuzz_check.hpp"

namespace fuzz {

/// SPEC §3: 1 to 64 characters of [A-Za-z0-9_].
inline bool is_revision_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

/// The input split at its first '\n': a path (one line, as a folder
/// listing gives it) and the content of the file.
inline std::pair<std::string, std::string_view> path_and_content(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return {std::string(input), {}};
  return {std::string(input.substr(0, newline)), input.substr(newline + 1)};
}

/// False for a path no file system gives: one holding a NUL byte (a C
/// string, as every message is, would end there).
inline bool is_possible_path(std::string_view path) { return path.find('\0') == std::string_view::npos; }

/// One upgrade, then at most one downgrade of the same version, each with
/// a valid id and the layout's own say on transactions; every script and
/// piece found in `source_of(file)`.
template <typename SourceOf>
void check_files(const std::vector<sqldir::ConventionalFile>& files, std::string_view input, SourceOf&& source_of) {
  FUZZ_REQUIRE(files.size() == 1 || files.size() == 2, input);
  FUZZ_REQUIRE(files[0].name.role == sqldir::Role::upgrade, input);
  if (files.size() == 2) {
    FUZZ_REQUIRE(files[1].name.role == sqldir::Role::downgrade, input);
    FUZZ_REQUIRE(files[1].name.id == files[0].name.id, input);
  }
  for (const sqldir::ConventionalFile& file : files) {
    FUZZ_REQUIRE(is_revision_id(file.name.id), input);
    FUZZ_REQUIRE(file.transactional.has_value(), input);
    const std::string_view source = source_of(file);
    FUZZ_REQUIRE(file.script.size() <= source.size(), input);
    FUZZ_REQUIRE(source.find(file.script) != std::string_view::npos, input);
    for (const std::string& piece : file.pieces) {
      FUZZ_REQUIRE(!piece.empty(), input);
      FUZZ_REQUIRE(file.script.find(piece) != std::string::npos, input);
    }
  }
}

/// A refusal: kind revision, one line, starting with `path`.
inline void check_refusal(const retort::failure& f, const std::string& path, std::string_view input) {
  const std::string_view message = f.what();
  FUZZ_REQUIRE(f.kind() == RETORT_ERROR_REVISION, input);
  FUZZ_REQUIRE(message.rfind(path, 0) == 0, input);
  FUZZ_REQUIRE(is_one_line(message), input);
}

/// One fuzz input as a reader sees it: `read(path, content, input)` on its
/// path and content (path_and_content), paths no file system gives skipped,
/// and whatever retort::failure the reader throws checked as a refusal.
template <typename Read>
void read_path_and_content(const std::uint8_t* data, std::size_t size, Read&& read) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::pair<std::string, std::string_view> parts = path_and_content(data, size);
  if (!is_possible_path(parts.first)) return;
  try {
    read(parts.first, parts.second, input);
  } catch (const retort::failure& f) {
    check_refusal(f, parts.first, input);
  }
}

}  // namespace fuzz
