// A minimal, valid ELF shared object image made from scratch, so tests can
// break exactly one field of a file the parser otherwise accepts. It holds
// the sections inspection looks at: [0] null, [1] .retort_plugin,
// [2] .dynstr, [3] .dynsym, [4] .shstrtab.
#pragma once

#include <elf.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace plugin_tests {

enum SyntheticSection { note_section = 1, dynstr_section = 2, dynsym_section = 3, names_section = 4 };

struct ElfImage {
  std::string note = "retort-plugin abi=1.0 kind=dialect name=synthetic version=1.0.0 schemes=syn";
  bool note_terminated = true;
  std::string entry_name = "retort_plugin_entry";
  unsigned char entry_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
  unsigned char entry_other = STV_DEFAULT;
  std::uint16_t entry_section = 1;
  std::uint16_t type = ET_DYN;

  std::string build() const;
};

/// Overwrites sizeof(T) bytes of `bytes` at `offset` with `value`.
template <class T>
void poke(std::string& bytes, std::size_t offset, T value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

/// Where the header of section `index` starts in a built image.
std::size_t section_header(const std::string& bytes, int index);

}  // namespace plugin_tests
