#include "host/abi/elf_reader.hpp"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>

namespace host::elf {

namespace {

// Caps on what one read may allocate. Real plugins are far below them; a
// file claiming more is treated as malformed rather than trusted.
constexpr std::uint64_t max_sections = 1u << 20;
constexpr std::uint64_t max_name_table = 16u << 20;
constexpr std::uint64_t max_symbol_table = 64u << 20;

constexpr unsigned char native_data =
    std::endian::native == std::endian::little ? ELFDATA2LSB : ELFDATA2MSB;

#if defined(__x86_64__)
constexpr std::uint16_t native_machine = EM_X86_64;
#elif defined(__aarch64__)
constexpr std::uint16_t native_machine = EM_AARCH64;
#elif defined(__powerpc64__)
constexpr std::uint16_t native_machine = EM_PPC64;
#elif defined(__s390x__)
constexpr std::uint16_t native_machine = EM_S390;
#elif defined(__riscv) && __riscv_xlen == 64
constexpr std::uint16_t native_machine = EM_RISCV;
#else
constexpr std::uint16_t native_machine = EM_NONE;  // unknown: not checked
#endif

template <class T>
T load(const std::string& bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  return value;
}

// True if [offset, offset + size) lies inside a file of `file_size` bytes,
// written so that no sum can overflow.
bool inside(std::uint64_t offset, std::uint64_t size, std::uint64_t file_size) {
  return offset <= file_size && size <= file_size - offset;
}

}  // namespace

Reader::Reader(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO named like a plugin must not wait for a
  // writer; it is refused as not a regular file just below.
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) throw Malformed(std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    int e = errno;
    ::close(fd_);
    throw Malformed(std::string("cannot read: ") + std::strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw Malformed("not a regular file");
  }
  file_size_ = static_cast<std::uint64_t>(st.st_size);
}

Reader::~Reader() { ::close(fd_); }

std::string Reader::read_at(std::uint64_t offset, std::uint64_t size, std::string_view what) {
  if (!inside(offset, size, file_size_)) throw Malformed(std::string(what) + " is outside the file");
  std::string bytes(size, '\0');
  std::uint64_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd_, bytes.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Malformed(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) throw Malformed(std::string(what) + " is outside the file");  // shrank meanwhile
    done += static_cast<std::uint64_t>(n);
  }
  return bytes;
}

void Reader::check_segments_inside_file() {
  if (file_size_ < sizeof(Elf64_Ehdr)) return;
  const auto ehdr = load<Elf64_Ehdr>(read_at(0, sizeof(Elf64_Ehdr), "header"), 0);
  if (std::memcmp(ehdr.e_ident, ELFMAG, SELFMAG) != 0 || ehdr.e_ident[EI_CLASS] != ELFCLASS64 ||
      ehdr.e_ident[EI_DATA] != native_data)
    return;
  if (ehdr.e_phentsize < sizeof(Elf64_Phdr) && ehdr.e_phnum != 0)
    throw Malformed("program headers of " + std::to_string(ehdr.e_phentsize) + " bytes");
  for (std::uint64_t i = 0; i < ehdr.e_phnum; ++i) {
    // read_at() checks the bounds; a sum that wraps only reads wrong bytes of the file.
    const std::uint64_t at = ehdr.e_phoff + i * ehdr.e_phentsize;
    const auto phdr = load<Elf64_Phdr>(read_at(at, sizeof(Elf64_Phdr), "the program header table"), 0);
    if ((phdr.p_type == PT_LOAD || phdr.p_type == PT_DYNAMIC) && !inside(phdr.p_offset, phdr.p_filesz, file_size_))
      throw Malformed("truncated: a segment of " + std::to_string(phdr.p_filesz) + " bytes at offset " +
                      std::to_string(phdr.p_offset) + " reaches past the end of the file (" +
                      std::to_string(file_size_) + " bytes)");
  }
}

void Reader::read_header(Header& header) {
  std::string id = read_at(0, file_size_ < EI_NIDENT ? file_size_ : EI_NIDENT, "header");
  if (id.size() < SELFMAG || std::memcmp(id.data(), ELFMAG, SELFMAG) != 0)
    throw Malformed("not an ELF file");
  header.is_elf = true;
  if (id.size() < EI_NIDENT || file_size_ < 18) throw Malformed("truncated ELF header");

  // e_type sits at the same place in both classes; read it before refusing
  // the class so `retort plugins` can still say what the file is.
  const unsigned char data = static_cast<unsigned char>(id[EI_DATA]);
  std::string type_bytes = read_at(16, 2, "header");
  const auto b0 = static_cast<unsigned char>(type_bytes[0]);
  const auto b1 = static_cast<unsigned char>(type_bytes[1]);
  const std::uint16_t e_type = data == ELFDATA2MSB ? (b0 << 8 | b1) : (b1 << 8 | b0);
  header.is_shared_object = e_type == ET_DYN;

  const unsigned char cls = static_cast<unsigned char>(id[EI_CLASS]);
  if (cls == ELFCLASS32) throw Malformed("32-bit ELF file: retort plugins are 64-bit");
  if (cls != ELFCLASS64) throw Malformed("unknown ELF class " + std::to_string(cls));
  if (data != native_data)
    throw Malformed(data == ELFDATA2MSB ? "big-endian ELF file: this retort is little-endian"
                                        : "ELF file of another byte order than this retort");
  if (file_size_ < sizeof(Elf64_Ehdr)) throw Malformed("truncated ELF header");

  std::string raw = read_at(0, sizeof(Elf64_Ehdr), "header");
  const auto ehdr = load<Elf64_Ehdr>(raw, 0);
  header.machine = ehdr.e_machine;
  if (native_machine != EM_NONE && ehdr.e_machine != native_machine)
    throw Malformed("built for another machine (ELF machine " + std::to_string(ehdr.e_machine) +
                    ", this retort runs on " + std::to_string(native_machine) + ")");
  if (ehdr.e_type != ET_DYN)
    throw Malformed("not a shared object (ELF type " + std::to_string(ehdr.e_type) + ")");

  if (ehdr.e_shoff == 0) throw Malformed("no section table");
  if (ehdr.e_shentsize < sizeof(Elf64_Shdr))
    throw Malformed("section headers of " + std::to_string(ehdr.e_shentsize) + " bytes");
  section_table_offset_ = ehdr.e_shoff;
  section_entry_size_ = ehdr.e_shentsize;
  section_count_ = ehdr.e_shnum;
  section_names_index_ = ehdr.e_shstrndx;

  // Extended numbering: past 0xff00 sections the real values live in
  // section 0 (ELF gABI).
  if (section_count_ == 0 || section_names_index_ == SHN_XINDEX) {
    const auto zero = load<Elf64_Shdr>(read_at(section_table_offset_, sizeof(Elf64_Shdr),
                                               "section table"), 0);
    if (section_count_ == 0) section_count_ = zero.sh_size;
    if (section_names_index_ == SHN_XINDEX) section_names_index_ = zero.sh_link;
  }
  if (section_count_ == 0) throw Malformed("no sections");
  if (section_count_ > max_sections)
    throw Malformed("claims " + std::to_string(section_count_) + " sections");
  if (!inside(section_table_offset_, 0, file_size_) ||
      section_count_ > (file_size_ - section_table_offset_) / section_entry_size_)
    throw Malformed("truncated section table");
  if (section_names_index_ >= section_count_) throw Malformed("bad section name table index");
}

std::vector<Section> Reader::sections() {
  const std::string table = read_at(section_table_offset_, section_count_ * section_entry_size_,
                                    "section table");
  std::vector<Elf64_Shdr> raw;
  raw.reserve(section_count_);
  for (std::uint64_t i = 0; i < section_count_; ++i)
    raw.push_back(load<Elf64_Shdr>(table, i * section_entry_size_));

  const Elf64_Shdr& names_header = raw[section_names_index_];
  Section names_section;
  names_section.name = "name table";
  names_section.type = names_header.sh_type;
  names_section.offset = names_header.sh_offset;
  names_section.size = names_header.sh_size;
  const std::string names = contents(names_section, max_name_table);

  std::vector<Section> out;
  out.reserve(raw.size());
  for (const Elf64_Shdr& h : raw) {
    Section s;
    if (h.sh_name < names.size()) {
      const char* start = names.data() + h.sh_name;
      s.name.assign(start, ::strnlen(start, names.size() - h.sh_name));
    }
    s.type = h.sh_type;
    s.offset = h.sh_offset;
    s.size = h.sh_size;
    s.entry_size = h.sh_entsize;
    s.link = h.sh_link;
    out.push_back(std::move(s));
  }
  return out;
}

std::string Reader::contents(const Section& section, std::uint64_t cap) {
  const std::string what = "section " + (section.name.empty() ? std::string("?") : section.name);
  if (section.type == SHT_NOBITS) throw Malformed(what + " has no contents in the file");
  if (!inside(section.offset, section.size, file_size_)) throw Malformed(what + " is outside the file");
  if (section.size > cap) throw Malformed(what + " is too large (" + std::to_string(section.size) + " bytes)");
  return read_at(section.offset, section.size, what);
}

bool Reader::exports_symbol(const std::vector<Section>& sections, const Section& dynsym,
                            std::string_view name) {
  if (dynsym.entry_size != 0 && dynsym.entry_size != sizeof(Elf64_Sym))
    throw Malformed("dynamic symbols of " + std::to_string(dynsym.entry_size) + " bytes");
  if (dynsym.link >= sections.size()) throw Malformed("dynamic symbol table has no string table");
  const Section& strtab = sections[dynsym.link];
  if (strtab.type != SHT_STRTAB) throw Malformed("dynamic symbol table has no string table");
  const std::string symbols = contents(dynsym, max_symbol_table);
  const std::string strings = contents(strtab, max_symbol_table);

  for (std::size_t at = 0; at + sizeof(Elf64_Sym) <= symbols.size(); at += sizeof(Elf64_Sym)) {
    const auto sym = load<Elf64_Sym>(symbols, at);
    if (sym.st_name >= strings.size() || strings.size() - sym.st_name <= name.size()) continue;
    if (std::memcmp(strings.data() + sym.st_name, name.data(), name.size()) != 0 ||
        strings[sym.st_name + name.size()] != '\0')
      continue;
    const unsigned bind = ELF64_ST_BIND(sym.st_info);
    const unsigned type = ELF64_ST_TYPE(sym.st_info);
    const unsigned visibility = ELF64_ST_VISIBILITY(sym.st_other);
    const bool exported = bind == STB_GLOBAL || bind == STB_WEAK || bind == STB_GNU_UNIQUE;
    const bool visible = visibility == STV_DEFAULT || visibility == STV_PROTECTED;
    const bool callable = type == STT_FUNC || type == STT_GNU_IFUNC;
    if (sym.st_shndx != SHN_UNDEF && exported && visible && callable) return true;
  }
  return false;
}

}  // namespace host::elf
