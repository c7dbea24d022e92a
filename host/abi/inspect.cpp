#include "host/abi/inspect.hpp"

#include <retort/abi.h>

#include <elf.h>

#include <cstring>
#include <vector>

#include "host/abi/elf_reader.hpp"

namespace host {

namespace {

// The note is one short line; a section larger than this is not a note.
constexpr std::uint64_t max_note = 64u << 10;

const elf::Section* find(const std::vector<elf::Section>& sections,
                         bool (*match)(const elf::Section&)) {
  for (const elf::Section& s : sections)
    if (match(s)) return &s;
  return nullptr;
}

// Returns the reason the note cannot be read, "" when inspection.note is set.
std::string read_note(elf::Reader& reader, const std::vector<elf::Section>& sections,
                      Inspection& inspection) {
  const elf::Section* section =
      find(sections, [](const elf::Section& s) { return s.name == RETORT_PLUGIN_SECTION; });
  if (!section) return "no " RETORT_PLUGIN_SECTION " section: not built with the retort SDK";
  try {
    std::string bytes = reader.contents(*section, max_note);
    std::size_t end = bytes.find('\0');
    if (end == std::string::npos) return "its " RETORT_PLUGIN_SECTION " note is not NUL-terminated";
    std::string why_not;
    inspection.note = parse_plugin_note(std::string_view(bytes.data(), end), why_not);
    return why_not;
  } catch (const elf::Malformed& m) {
    return m.what();
  }
}

std::string check_entry(elf::Reader& reader, const std::vector<elf::Section>& sections,
                        Inspection& inspection) {
  const elf::Section* dynsym =
      find(sections, [](const elf::Section& s) { return s.type == SHT_DYNSYM; });
  if (!dynsym) return "no dynamic symbol table";
  try {
    inspection.exports_entry = reader.exports_symbol(sections, *dynsym, RETORT_ENTRY_SYMBOL);
  } catch (const elf::Malformed& m) {
    return m.what();
  }
  return inspection.exports_entry ? "" : "does not export " RETORT_ENTRY_SYMBOL;
}

// `header` is the caller's so that what was learnt survives a Malformed.
void describe(Inspection& inspection, elf::Header& header) {
  elf::Reader reader(inspection.path);
  reader.read_header(header);
  const std::vector<elf::Section> sections = reader.sections();
  // Both are looked for even when one fails, so `retort plugins inspect`
  // shows everything that is there.
  const std::string note_problem = read_note(reader, sections, inspection);
  const std::string entry_problem = check_entry(reader, sections, inspection);
  if (!note_problem.empty()) inspection.problem = note_problem;
  else if (!entry_problem.empty()) inspection.problem = entry_problem;
  else if (!abi_compatible(inspection.note->abi_major))
    inspection.problem = abi_mismatch_reason(inspection.note->abi_major, inspection.note->abi_minor);
}

}  // namespace

Inspection inspect_plugin_file(const std::filesystem::path& file) {
  Inspection inspection;
  inspection.path = file;
  elf::Header header;
  try {
    describe(inspection, header);
  } catch (const elf::Malformed& m) {
    inspection.problem = m.what();
  } catch (const std::exception& e) {  // bad_alloc and the like: still only a description
    inspection.problem = std::string("cannot be read: ") + e.what();
  }
  inspection.is_elf = header.is_elf;
  inspection.is_shared_object = header.is_shared_object;
  return inspection;
}

}  // namespace host
