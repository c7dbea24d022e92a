// Bounded reading of a 64-bit ELF file of this machine's byte order, enough
// to describe a plugin without loading it: the header, the section table,
// section contents and the dynamic symbol table.
//
// Invariant: every offset, size and count read from the file is checked
// against the file's size before use, and every read is capped, so a
// truncated or hostile file gives a Malformed exception, never a crash or an
// allocation larger than the cap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace host::elf {

/// Why the file cannot be read as a plugin; what() is a short reason
/// without the file name ("not an ELF file", "truncated section table").
class Malformed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Section {
  std::string name;
  std::uint32_t type = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t entry_size = 0;
  std::uint32_t link = 0;
};

/// What the identification bytes and the header say, filled as far as the
/// file allows so a caller can report partial facts with the problem.
struct Header {
  bool is_elf = false;           ///< starts with \x7fELF
  bool is_shared_object = false; ///< e_type is ET_DYN
  std::uint16_t machine = 0;     ///< e_machine
};

class Reader {
 public:
  /// Opens the file; throws Malformed when it cannot be opened or is not a
  /// regular file. The file stays open until the Reader is destroyed.
  explicit Reader(const std::filesystem::path& path);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  /// Reads and checks the header. `header` is filled as far as the file
  /// goes before any Malformed is thrown (32-bit, big-endian, truncated).
  void read_header(Header& header);

  /// Throws Malformed if a segment the loader maps (program headers of a
  /// 64-bit ELF of this byte order) reaches past the end of the file: the
  /// dynamic loader would map it anyway and die of SIGBUS reading it. Files
  /// that are not such an ELF are left to the loader to describe.
  void check_segments_inside_file();

  /// The section table with names resolved. read_header() must have succeeded.
  std::vector<Section> sections();

  /// A section's contents; throws Malformed when the section occupies no
  /// file space, lies outside the file or is larger than `cap` bytes.
  std::string contents(const Section& section, std::uint64_t cap);

  /// True if the dynamic symbol table (`dynsym`, whose string table is
  /// sections[dynsym.link]) holds a defined, exported symbol named `name`.
  bool exports_symbol(const std::vector<Section>& sections, const Section& dynsym,
                      std::string_view name);

 private:
  /// Exactly `size` bytes at `offset`, or Malformed(`what` + " is outside the file").
  std::string read_at(std::uint64_t offset, std::uint64_t size, std::string_view what);

  int fd_ = -1;
  std::uint64_t file_size_ = 0;
  std::uint64_t section_table_offset_ = 0;
  std::uint64_t section_count_ = 0;
  std::uint64_t section_entry_size_ = 0;
  std::uint64_t section_names_index_ = 0;
};

}  // namespace host::elf
