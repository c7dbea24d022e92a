#include "goose.hpp"

#include "directive.hpp"
#include "lines.hpp"
#include "script.hpp"
#include "values.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace sqldir {
namespace {

enum class Annotation { up, down, statement_begin, statement_end, no_transaction, envsub_off };

constexpr std::array<std::pair<std::string_view, Annotation>, 6> annotations = {{
    {"Up", Annotation::up},
    {"Down", Annotation::down},
    {"StatementBegin", Annotation::statement_begin},
    {"StatementEnd", Annotation::statement_end},
    {"NO TRANSACTION", Annotation::no_transaction},
    {"ENVSUB OFF", Annotation::envsub_off},  // goose's default: nothing to do
}};

constexpr std::string_view known_annotations = "Up, Down, StatementBegin, StatementEnd, NO TRANSACTION";

// What follows "-- +goose" on `line`, trimmed; nullopt when the line is not
// an annotation. goose reads them only at the very start of a line.
std::optional<std::string_view> annotation_on(std::string_view line) {
  constexpr std::string_view prefix = "+goose";
  if (line.substr(0, 2) != "--") return std::nullopt;
  std::string_view rest = trim(line.substr(2));
  if (rest.size() < prefix.size() || !equals_ignoring_case(rest.substr(0, prefix.size()), prefix)) return std::nullopt;
  rest.remove_prefix(prefix.size());
  if (!rest.empty() && horizontal_space.find(rest.front()) == std::string_view::npos) return std::nullopt;
  return trim(rest);
}

std::string marker(std::string_view annotation) { return "'-- +goose " + std::string(annotation) + "'"; }

// One of the two sections: where its text is, and the pieces it is sent in
// when it holds a StatementBegin block.
struct Section {
  std::size_t line = 0;  // of its marker; 0: the file has none
  std::size_t begin = 0, end = 0;
  std::vector<std::string> pieces;
  bool has_block = false;
};

class GooseReader {
 public:
  GooseReader(std::string_view path, std::string_view text) : path_(path), text_(text) {}

  std::vector<ConventionalFile> read(const ConventionalName& name) {
    for_each_line(text_, [this](const Line& line) { on_line(line); });
    if (!up_.line) refuse_file(path_, "no " + marker("Up") + " line (a goose migration starts its upgrade with it)");
    if (block_line_) refuse_line(path_, block_line_, marker("StatementBegin") + " without a " + marker("StatementEnd"));
    close_section(text_.size());

    std::vector<ConventionalFile> files;
    files.push_back(file_of(up_, name));
    if (down_.line) {
      ConventionalName down_name = name;
      down_name.role = Role::downgrade;
      files.push_back(file_of(down_, down_name));
    }
    return files;
  }

 private:
  void on_line(const Line& line) {
    const std::optional<std::string_view> text = annotation_on(line.text);
    if (!text) {
      if (!current_ && !is_blank_or_comment(line.text)) refuse_line(path_, line.number, "SQL before " + marker("Up"));
      return;
    }
    switch (annotation_named(*text, line)) {
      case Annotation::up:
        if (up_.line)
          refuse_line(path_, line.number,
                      "second " + marker("Up") + " (first at line " + std::to_string(up_.line) + ")");
        open_section(up_, line);
        break;
      case Annotation::down:
        if (!up_.line) refuse_line(path_, line.number, marker("Down") + " before " + marker("Up"));
        if (down_.line)
          refuse_line(path_, line.number,
                      "second " + marker("Down") + " (first at line " + std::to_string(down_.line) + ")");
        if (block_line_)
          refuse_line(path_, line.number,
                      marker("Down") + " inside the block begun at line " + std::to_string(block_line_));
        close_section(line.begin);
        open_section(down_, line);
        break;
      case Annotation::statement_begin:
        if (!current_) refuse_line(path_, line.number, marker("StatementBegin") + " before " + marker("Up"));
        if (block_line_)
          refuse_line(path_, line.number,
                      marker("StatementBegin") + " inside the block begun at line " + std::to_string(block_line_) +
                          " (blocks do not nest)");
        add_piece(piece_begin_, line.begin);
        block_line_ = line.number;
        piece_begin_ = line.next;
        break;
      case Annotation::statement_end:
        if (!block_line_)
          refuse_line(path_, line.number, marker("StatementEnd") + " without a " + marker("StatementBegin"));
        add_piece(piece_begin_, line.begin);
        current_->has_block = true;
        block_line_ = 0;
        piece_begin_ = line.next;
        break;
      case Annotation::no_transaction:
        transactional_ = false;
        break;
      case Annotation::envsub_off:
        break;
    }
  }

  Annotation annotation_named(std::string_view text, const Line& line) const {
    for (const auto& [name, annotation] : annotations)
      if (equals_ignoring_case(text, name)) return annotation;
    if (equals_ignoring_case(text, "ENVSUB ON"))
      refuse_line(path_, line.number,
                  marker("ENVSUB ON") +
                      " is not supported: retort sends a script as written, without "
                      "replacing ${VARIABLES}");
    refuse_line(path_, line.number,
                "unknown goose annotation " + shown(text) + " (expected " + std::string(known_annotations) + ")");
  }

  void open_section(Section& section, const Line& marker_line) {
    current_ = &section;
    section.line = marker_line.number;
    section.begin = piece_begin_ = marker_line.next;
  }

  void close_section(std::size_t end) {
    add_piece(piece_begin_, end);
    current_->end = end;
  }

  void add_piece(std::size_t begin, std::size_t end) {
    const std::string_view piece = trim_blank_lines(text_.substr(begin, end - begin));
    if (!piece.empty()) current_->pieces.emplace_back(piece);
  }

  ConventionalFile file_of(const Section& section, const ConventionalName& name) const {
    ConventionalFile file{std::string(path_),
                          name,
                          std::string(trim_blank_lines(text_.substr(section.begin, section.end - section.begin))),
                          {},
                          transactional_};
    if (section.has_block) file.pieces = section.pieces;
    return file;
  }

  std::string_view path_;
  std::string_view text_;
  Section up_, down_;
  Section* current_ = nullptr;  // the section being read; nullptr before Up
  std::size_t piece_begin_ = 0;
  std::size_t block_line_ = 0;  // of the open StatementBegin; 0: none open
  bool transactional_ = true;
};

}  // namespace

bool has_goose_annotation(std::string_view content) {
  return any_line(without_bom(content), [](const Line& line) { return annotation_on(line.text).has_value(); });
}

std::vector<ConventionalFile> goose_migration(std::string_view path, std::string_view content) {
  const std::optional<ConventionalName> name = numbered_name(path, Layout::goose);
  if (!name) refuse_file(path, "a goose migration (it has '-- +goose' lines) must be named {version}_{title}.sql");
  return GooseReader(path, migration_text(path, content)).read(*name);
}

}  // namespace sqldir
