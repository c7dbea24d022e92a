// Describing files without running them: real fixture plugins, a stripped
// copy, damaged copies, and synthetic images broken one field at a time.
#include <gtest/gtest.h>
#include <retort/abi.h>

#include <sys/stat.h>

#include <random>

#include "elf_image.hpp"
#include "host/abi/elf_reader.hpp"
#include "host/abi/inspect.hpp"
#include "host/abi/plugin_note.hpp"
#include "test_support.hpp"

// The ABI this host speaks, as its messages spell it.
#define HOST_ABI RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR)

namespace plugin_tests {
namespace {

using host::inspect_plugin_file;
using host::Inspection;

Inspection inspect_bytes(const std::string& bytes) {
  TempDir dir(memory_backed_root());
  return inspect_plugin_file(dir.write("image.so", bytes));
}

TEST(PluginInspect, DescribesASdkDialectFromItsNoteAndDynamicSymbols) {
  const Inspection i = inspect_plugin_file(fixture("fake_dialect"));
  EXPECT_EQ(i.problem, "");
  EXPECT_TRUE(i.is_elf);
  EXPECT_TRUE(i.is_shared_object);
  EXPECT_TRUE(i.exports_entry);
  ASSERT_TRUE(i.note);
  EXPECT_EQ(i.note->abi_major, 1);
  EXPECT_EQ(i.note->abi_minor, RETORT_ABI_MINOR);
  EXPECT_EQ(i.note->kind, "dialect");
  EXPECT_EQ(i.note->name, "fake");
  EXPECT_EQ(i.note->version, "0.3.0");
  EXPECT_EQ(i.note->schemes, (std::vector<std::string>{"fake", "fakedb"}));
}

TEST(PluginInspect, DescribesARevisionPluginAsAProviderWithoutSchemes) {
  const Inspection i = inspect_plugin_file(fixture("fixture_revisions"));
  EXPECT_EQ(i.problem, "");
  ASSERT_TRUE(i.note);
  EXPECT_EQ(i.note->kind, "provider");
  EXPECT_EQ(i.note->name, "fixture_revisions");
  EXPECT_EQ(i.note->version, "1.2.3");
  EXPECT_TRUE(i.note->schemes.empty());
}

TEST(PluginInspect, StrippedPluginIsStillDescribed) {
  // First make sure the copy really lost its static symbol table.
  auto has_symtab = [](const std::filesystem::path& file) {
    host::elf::Reader reader(file);
    host::elf::Header header;
    reader.read_header(header);
    for (const auto& s : reader.sections())
      if (s.type == SHT_SYMTAB) return true;
    return false;
  };
  ASSERT_TRUE(has_symtab(fixture("fake_dialect")));
  ASSERT_FALSE(has_symtab(fixture("stripped_dialect")));

  const Inspection i = inspect_plugin_file(fixture("stripped_dialect"));
  EXPECT_EQ(i.problem, "");
  EXPECT_TRUE(i.exports_entry);
  ASSERT_TRUE(i.note);
  EXPECT_EQ(i.note->name, "fake");
}

TEST(PluginInspect, HiddenEntryIsNotAnExport) {
  const Inspection i = inspect_plugin_file(fixture("no_entry"));
  EXPECT_TRUE(i.note);
  EXPECT_FALSE(i.exports_entry);
  EXPECT_EQ(i.problem, "does not export retort_plugin_entry");
}

TEST(PluginInspect, PluginOfAnotherMajorIsDescribedAndRefused) {
  const Inspection i = inspect_plugin_file(fixture("abi2_note"));
  ASSERT_TRUE(i.note);
  EXPECT_EQ(i.note->abi_major, 2);
  EXPECT_TRUE(i.exports_entry);
  EXPECT_EQ(i.problem, "built for retort ABI 2.0, but this retort speaks ABI " HOST_ABI " (it loads plugins of ABI 1.x): rebuild it against retort ABI 1.x");
  EXPECT_FALSE(is_loaded(fixture("abi2_note")));
}

TEST(PluginInspect, TextFileNamedSoIsNotElf) {
  const Inspection i = inspect_plugin_file(fixture("bad.so"));
  EXPECT_FALSE(i.is_elf);
  EXPECT_FALSE(i.note);
  EXPECT_EQ(i.problem, "not an ELF file");
}

TEST(PluginInspect, MissingFileAndFolderAreProblemsNotErrors) {
  TempDir dir;
  EXPECT_EQ(inspect_plugin_file(dir.path() / "nope.so").problem, "cannot open: No such file or directory");
  EXPECT_EQ(inspect_plugin_file(dir.path()).problem, "not a regular file");
  const fs::path fifo = dir.path() / "fifo.so";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(inspect_plugin_file(fifo).problem, "not a regular file");  // and does not wait for a writer
}

TEST(PluginInspect, TruncatedCopiesOfARealPluginGiveProblems) {
  const std::string whole = read_file(fixture("stripped_dialect"));
  ASSERT_GT(whole.size(), 4096u);
  EXPECT_EQ(inspect_bytes("").problem, "not an ELF file");
  EXPECT_EQ(inspect_bytes(whole.substr(0, 3)).problem, "not an ELF file");
  EXPECT_EQ(inspect_bytes(whole.substr(0, 12)).problem, "truncated ELF header");
  EXPECT_EQ(inspect_bytes(whole.substr(0, 40)).problem, "truncated ELF header");
  const Inspection cut = inspect_bytes(whole.substr(0, 4096));
  EXPECT_TRUE(cut.is_elf);
  EXPECT_TRUE(cut.is_shared_object);
  EXPECT_EQ(cut.problem, "truncated section table");
  // Every length, coarsely: none may crash or pass.
  for (std::size_t size = 0; size < whole.size(); size += 97)
    EXPECT_NE(inspect_bytes(whole.substr(0, size)).problem, "") << size;
}

TEST(PluginInspect, SyntheticImageIsAcceptedAsIs) {
  const Inspection i = inspect_bytes(ElfImage{}.build());
  EXPECT_EQ(i.problem, "");
  EXPECT_TRUE(i.exports_entry);
  ASSERT_TRUE(i.note);
  EXPECT_EQ(i.note->name, "synthetic");
}

TEST(PluginInspect, EntryMustBeADefinedExportedVisibleFunctionOfThatExactName) {
  ElfImage undefined;
  undefined.entry_section = SHN_UNDEF;
  ElfImage local;
  local.entry_info = ELF64_ST_INFO(STB_LOCAL, STT_FUNC);
  ElfImage hidden;
  hidden.entry_other = STV_HIDDEN;
  ElfImage object;
  object.entry_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
  ElfImage longer;
  longer.entry_name = "retort_plugin_entryX";
  ElfImage shorter;
  shorter.entry_name = "retort_plugin_entr";
  for (const ElfImage* image : {&undefined, &local, &hidden, &object, &longer, &shorter}) {
    const Inspection i = inspect_bytes(image->build());
    EXPECT_FALSE(i.exports_entry);
    EXPECT_EQ(i.problem, "does not export retort_plugin_entry");
  }
  ElfImage weak;
  weak.entry_info = ELF64_ST_INFO(STB_WEAK, STT_FUNC);
  EXPECT_TRUE(inspect_bytes(weak.build()).exports_entry);
}

TEST(PluginInspect, ForeignClassesByteOrdersAndTypesAreRefused) {
  std::string image = ElfImage{}.build();
  std::string b32 = image;
  b32[EI_CLASS] = ELFCLASS32;
  const Inspection i32 = inspect_bytes(b32);
  EXPECT_TRUE(i32.is_elf);
  EXPECT_TRUE(i32.is_shared_object);
  EXPECT_EQ(i32.problem, "32-bit ELF file: retort plugins are 64-bit");

  std::string big = image;
  big[EI_DATA] = ELFDATA2MSB;
  EXPECT_EQ(inspect_bytes(big).problem, "big-endian ELF file: this retort is little-endian");

  std::string odd = image;
  odd[EI_CLASS] = 9;
  EXPECT_EQ(inspect_bytes(odd).problem, "unknown ELF class 9");

  ElfImage executable;
  executable.type = ET_EXEC;
  const Inspection exe = inspect_bytes(executable.build());
  EXPECT_FALSE(exe.is_shared_object);
  EXPECT_EQ(exe.problem, "not a shared object (ELF type 2)");

  std::string machine = image;
  poke<std::uint16_t>(machine, offsetof(Elf64_Ehdr, e_machine), 0x7777);
  EXPECT_EQ(inspect_bytes(machine).problem.rfind("built for another machine (ELF machine 30583", 0), 0u);
}

TEST(PluginInspect, AbsurdSectionTablesAreRefusedWithoutAllocating) {
  const std::string image = ElfImage{}.build();
  auto with = [&](std::size_t offset, auto value) {
    std::string copy = image;
    poke(copy, offset, value);
    return inspect_bytes(copy).problem;
  };
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shoff), std::uint64_t{1} << 62), "truncated section table");
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shoff), ~std::uint64_t{0}), "truncated section table");
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shoff), std::uint64_t{0}), "no section table");
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shnum), std::uint16_t{0xfeff}), "truncated section table");
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shentsize), std::uint16_t{10}), "section headers of 10 bytes");
  EXPECT_EQ(with(offsetof(Elf64_Ehdr, e_shstrndx), std::uint16_t{9}), "bad section name table index");

  // Extended numbering: a count of 0 sends the reader to section 0's size.
  std::string extended = image;
  poke(extended, offsetof(Elf64_Ehdr, e_shnum), std::uint16_t{0});
  poke(extended, section_header(extended, 0) + offsetof(Elf64_Shdr, sh_size), std::uint64_t{1} << 40);
  EXPECT_EQ(inspect_bytes(extended).problem, "claims 1099511627776 sections");
  poke(extended, section_header(extended, 0) + offsetof(Elf64_Shdr, sh_size), std::uint64_t{5});
  EXPECT_EQ(inspect_bytes(extended).problem, "");
}

TEST(PluginInspect, AbsurdSectionsAreRefused) {
  const std::string image = ElfImage{}.build();
  auto with = [&](int section, std::size_t field, auto value) {
    std::string copy = image;
    poke(copy, section_header(copy, section) + field, value);
    return inspect_bytes(copy).problem;
  };
  const std::size_t offset = offsetof(Elf64_Shdr, sh_offset);
  const std::size_t size = offsetof(Elf64_Shdr, sh_size);
  EXPECT_EQ(with(note_section, offset, std::uint64_t{1} << 60), "section .retort_plugin is outside the file");
  EXPECT_EQ(with(note_section, size, ~std::uint64_t{0}), "section .retort_plugin is outside the file");
  EXPECT_EQ(with(note_section, offsetof(Elf64_Shdr, sh_type), std::uint32_t{SHT_NOBITS}),
            "section .retort_plugin has no contents in the file");
  EXPECT_EQ(with(note_section, offsetof(Elf64_Shdr, sh_name), std::uint32_t{1u << 31}),
            "no .retort_plugin section: not built with the retort SDK");
  EXPECT_EQ(with(names_section, offset, std::uint64_t{1} << 50), "section name table is outside the file");
  EXPECT_EQ(with(dynstr_section, size, std::uint64_t{1} << 40), "section .dynstr is outside the file");
  EXPECT_EQ(with(dynsym_section, offsetof(Elf64_Shdr, sh_entsize), std::uint64_t{7}), "dynamic symbols of 7 bytes");
  EXPECT_EQ(with(dynsym_section, offsetof(Elf64_Shdr, sh_link), std::uint32_t{99}),
            "dynamic symbol table has no string table");
  EXPECT_EQ(with(dynsym_section, offsetof(Elf64_Shdr, sh_link), std::uint32_t{note_section}),
            "dynamic symbol table has no string table");
  EXPECT_EQ(with(dynsym_section, offsetof(Elf64_Shdr, sh_type), std::uint32_t{SHT_PROGBITS}),
            "no dynamic symbol table");
}

TEST(PluginInspect, SymbolNamesOutsideTheStringTableAreSkipped) {
  std::string image = ElfImage{}.build();
  const std::size_t symbols = [&] {
    Elf64_Shdr h;
    std::memcpy(&h, image.data() + section_header(image, dynsym_section), sizeof h);
    return h.sh_offset;
  }();
  poke(image, symbols + sizeof(Elf64_Sym) + offsetof(Elf64_Sym, st_name), std::uint32_t{0xffffffff});
  EXPECT_EQ(inspect_bytes(image).problem, "does not export retort_plugin_entry");
}

TEST(PluginInspect, NoteMustBeTerminatedAndWellFormed) {
  ElfImage unterminated;
  unterminated.note_terminated = false;
  EXPECT_EQ(inspect_bytes(unterminated.build()).problem, "its .retort_plugin note is not NUL-terminated");

  ElfImage foreign;
  foreign.note = "hello";
  EXPECT_EQ(inspect_bytes(foreign.build()).problem,
            "its .retort_plugin section does not start with 'retort-plugin'");

  // Both are reported as far as they go: the entry is still found.
  const Inspection i = inspect_bytes(foreign.build());
  EXPECT_TRUE(i.exports_entry);
  EXPECT_FALSE(i.note);
}

// Random damage to a synthetic image and to a real plugin: inspection must
// come back every time. Seeds are fixed, so a failure reproduces.
TEST(PluginInspect, RandomDamageNeverCrashes) {
  std::mt19937 random(20240601);
  TempDir dir(memory_backed_root());
  const std::string synthetic = ElfImage{}.build();
  for (int round = 0; round < 5000; ++round) {
    std::string copy = synthetic;
    const int flips = 1 + static_cast<int>(random() % 8);
    for (int f = 0; f < flips; ++f) copy[random() % copy.size()] = static_cast<char>(random());
    inspect_plugin_file(dir.write("damaged.so", copy));
  }
  const std::string real = read_file(fixture("stripped_dialect"));
  const std::size_t table = section_header(real, 0);
  for (int round = 0; round < 1000; ++round) {
    std::string copy = real;
    for (int f = 0; f < 4; ++f) {
      // Aim at the header and the section table, where offsets live.
      const std::size_t at = random() % 2 ? random() % sizeof(Elf64_Ehdr)
                                          : table + random() % (copy.size() - table);
      copy[at] = static_cast<char>(random());
    }
    inspect_plugin_file(dir.write("damaged.so", copy));
  }
}

}  // namespace
}  // namespace plugin_tests
