#include <retort/abi.h>
#include "elf_image.hpp"

#include <fstream>
#include <vector>

namespace plugin_tests {

namespace {

// The image claims this process's machine, so only the field a test breaks
// is wrong with it.
std::uint16_t own_machine() {
  Elf64_Ehdr self{};
  std::ifstream("/proc/self/exe", std::ios::binary).read(reinterpret_cast<char*>(&self), sizeof self);
  return self.e_machine;
}

std::size_t append(std::string& image, const std::string& data, std::size_t align = 1) {
  while (image.size() % align) image.push_back('\0');
  const std::size_t offset = image.size();
  image += data;
  return offset;
}

template <class T>
std::string bytes_of(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

std::string ElfImage::build() const {
  std::string image(sizeof(Elf64_Ehdr), '\0');

  const std::string note_bytes = note_terminated ? note + std::string(1, '\0') : note;
  const std::size_t note_at = append(image, note_bytes);

  const std::string dynstr = std::string(1, '\0') + entry_name + std::string(1, '\0');
  const std::size_t dynstr_at = append(image, dynstr);

  Elf64_Sym entry{};
  entry.st_name = 1;
  entry.st_info = entry_info;
  entry.st_other = entry_other;
  entry.st_shndx = entry_section;
  entry.st_value = 0x1000;
  entry.st_size = 8;
  const std::string dynsym = bytes_of(Elf64_Sym{}) + bytes_of(entry);
  const std::size_t dynsym_at = append(image, dynsym, 8);

  const std::string names = std::string("\0.retort_plugin\0.dynstr\0.dynsym\0.shstrtab\0", 42);
  const std::size_t names_at = append(image, names);

  auto header = [](std::uint32_t name, std::uint32_t type, std::size_t offset, std::size_t size) {
    Elf64_Shdr h{};
    h.sh_name = name;
    h.sh_type = type;
    h.sh_offset = offset;
    h.sh_size = size;
    return h;
  };
  std::vector<Elf64_Shdr> sections = {
      Elf64_Shdr{},
      header(1, SHT_PROGBITS, note_at, note_bytes.size()),
      header(16, SHT_STRTAB, dynstr_at, dynstr.size()),
      header(24, SHT_DYNSYM, dynsym_at, dynsym.size()),
      header(32, SHT_STRTAB, names_at, names.size()),
  };
  sections[dynsym_section].sh_link = dynstr_section;
  sections[dynsym_section].sh_entsize = sizeof(Elf64_Sym);
  std::string table;
  for (const Elf64_Shdr& s : sections) table += bytes_of(s);
  const std::size_t table_at = append(image, table, 8);

  Elf64_Ehdr h{};
  std::memcpy(h.e_ident, ELFMAG, SELFMAG);
  h.e_ident[EI_CLASS] = ELFCLASS64;
  h.e_ident[EI_DATA] = ELFDATA2LSB;
  h.e_ident[EI_VERSION] = EV_CURRENT;
  h.e_type = type;
  h.e_machine = own_machine();
  h.e_version = EV_CURRENT;
  h.e_shoff = table_at;
  h.e_ehsize = sizeof(Elf64_Ehdr);
  h.e_shentsize = sizeof(Elf64_Shdr);
  h.e_shnum = static_cast<std::uint16_t>(sections.size());
  h.e_shstrndx = names_section;
  std::memcpy(image.data(), &h, sizeof h);
  return image;
}

std::size_t section_header(const std::string& bytes, int index) {
  Elf64_Ehdr h;
  std::memcpy(&h, bytes.data(), sizeof h);
  return h.e_shoff + static_cast<std::size_t>(index) * sizeof(Elf64_Shdr);
}

}  // namespace plugin_tests
